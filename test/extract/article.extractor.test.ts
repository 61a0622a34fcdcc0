import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle, type ExtractionRecord } from '../../src/extract';
import { meetingsOf, officesOf } from './article.fixture';

const SEED = '000_b616cf4ecb68c9fa.txt';
const seedText = readFileSync(path.join(__dirname, '..', '..', 'seeds', SEED), 'utf8');

function allEvidence(record: ExtractionRecord) {
  return [...record.people, ...record.organizations, ...record.offices, ...record.meetings].flatMap((f) => f.evidence);
}

describe('extractArticle on the seed article', () => {
  const record = extractArticle({ source: SEED, text: seedText });

  it('names its seven people, with short forms as aliases', () => {
    expect(record.people.map((p) => p.name).sort()).toEqual(
      [
        'Masoud Barzani',
        'Masrour Barzani',
        'Mustafa Al-Kadhimi',
        'Nechirvan Barzani',
        'Othman al-Ghanmi',
        'Qubad Talabani',
        'Rebar Ahmad',
      ].sort(),
    );
    expect(record.people.find((p) => p.name === 'Othman al-Ghanmi')?.aliases).toEqual(['Ghanmi']);
  });

  it('states its seven office holdings', () => {
    expect(officesOf(record).sort()).toEqual(
      [
        'Masoud Barzani | leader | Kurdistan Democratic Party',
        'Masrour Barzani | Prime Minister | Kurdistan Region',
        'Mustafa Al-Kadhimi | Prime Minister | Iraq',
        'Nechirvan Barzani | President | Kurdistan Region',
        'Othman al-Ghanmi | Minister of Interior | Iraq',
        'Qubad Talabani | Deputy Prime Minister | KRG',
        'Rebar Ahmad | Interior Minister | Kurdistan Region',
      ].sort(),
    );
  });

  it('finds its five meetings with their dates and places', () => {
    expect(meetingsOf(record)).toEqual([
      { participants: ['Masoud Barzani', 'Othman al-Ghanmi'], date: '2020-07-29', location: 'Erbil' },
      { participants: ['Masrour Barzani', 'Othman al-Ghanmi'], date: '2020-07-29', location: 'Erbil' },
      { participants: ['Qubad Talabani'], date: '2020-06', location: 'Baghdad' },
      { participants: ['Nechirvan Barzani', 'Othman al-Ghanmi', 'Rebar Ahmad'], date: '2020-07-29', location: 'Erbil' },
      { participants: ['Iraqi Ministry of Defense', 'Ministry of Peshmerga'], date: '2020-07-03', location: 'Baghdad' },
    ]);
    expect(record.meetings[2].datePrecision).toBe('month');
  });

  it('names the organizations, with bracketed acronyms as aliases', () => {
    expect(record.organizations.map((o) => o.name).sort()).toEqual(
      [
        'Iraqi Ministry of Defense',
        'Islamic State',
        'KRG',
        'Kurdish Peshmerga forces',
        'Kurdistan Democratic Party',
        'Ministry of Peshmerga',
        'Popular Mobilization Forces',
      ].sort(),
    );
  });

  it('dates the article from its photo captions', () => {
    expect(record.publishedOn).toBe('2020-07-29');
    expect(record.title).toBeNull();
  });

  it('gives evidence that is the very text at its offsets, for every fact', () => {
    const evidence = allEvidence(record);
    expect(evidence.length).toBeGreaterThan(20);
    for (const e of evidence) expect(seedText.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('extractArticle input handling', () => {
  it('lets the caller’s title and date win over what the text says', () => {
    const record = extractArticle({
      source: 'a.txt',
      text: '---\ntitle: From the file\npublishedOn: 2001-01-01\n---\nHeadline\n\nMr Blunkett met his EU counterparts in Luxembourg on Monday.\n',
      title: 'Given',
      publishedOn: '2004-10-25',
    });
    expect(record.title).toBe('Given');
    expect(record.publishedOn).toBe('2004-10-25');
    expect(record.meetings[0].date).toBe('2004-10-25');
  });

  it('reads title and date from front matter, and offsets stay right after it', () => {
    const text =
      '---\ntitle: From the file\npublishedOn: 2004-10-27\n---\nMr Blunkett met his EU counterparts in Luxembourg on Monday.\n';
    const record = extractArticle({ source: 'a.txt', text });
    expect(record.title).toBe('From the file');
    expect(record.meetings[0]).toMatchObject({
      date: '2004-10-25',
      location: 'Luxembourg',
      participants: ['Blunkett', 'EU'],
    });
    for (const e of allEvidence(record)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('returns an empty record for text without facts', () => {
    const record = extractArticle({ source: 'b.txt', text: 'nothing here but lower-case words.' });
    expect(record).toMatchObject({ people: [], organizations: [], offices: [], meetings: [], publishedOn: null });
  });
});

describe('extractArticle on articles written after it was tuned', () => {
  const read = (name: string) =>
    extractArticle({ source: name, text: readFileSync(path.join(__dirname, 'fixtures', 'articles', name), 'utf8') });

  it('takes a portfolio before `Minister` as part of the title, not as a body', () => {
    const record = read('reuters-tin-talks.txt');
    expect(officesOf(record)).toContain('Lim Keng Siew | Primary Industries Minister | Malaysia');
    expect(officesOf(record)).toContain('Jaime Quiroga | Mines Minister | Bolivia');
    expect(record.organizations.map((o) => o.name)).not.toContain('Malaysian Primary Industries');
    expect(meetingsOf(record)).toEqual([
      {
        participants: ['Lim Keng Siew', 'Prasong Wattanakul', 'Soedjarwo Hadiprojo'],
        date: null,
        location: 'Kuala Lumpur',
      },
    ]);
  });

  it('finds no meeting in a phone call, a letter or a planned visit', () => {
    const record = read('aj-phone-call.txt');
    expect(record.meetings).toEqual([]);
    expect(officesOf(record)).toContain('Haider Jassim | Water Resources Minister | Iraq');
  });

  it('keeps former posts out and resolves `its` and `whose` to the body just named', () => {
    const former = read('bbc-former-minister.txt');
    expect(former.offices.map((o) => o.holder)).not.toContain('Margaret Dunleavy');
    expect(former.offices.map((o) => o.holder)).not.toContain('Tony Whitlock');
    expect(officesOf(former)).toContain('Diane Okoro | general secretary | National Union of Teachers');
    expect(officesOf(read('bbc-business-ceo.txt'))).toContain('Alan Firth | chief executive | Dunmore');
  });

  it('recognises people whose first names are in no English list', () => {
    const names = read('aj-summit-names.txt').people.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Oluwaseun Adeyemi',
        'Kwabena Owusu-Mensah',
        'Essowe Agbodjan',
        'Mamadou Sissoko',
        'Zhou Minghao',
        'Nguyen Thi Lan',
      ]),
    );
  });

  it('counts each meeting of a visit once, however many captions tell it, and places `the Qatari capital` in Doha', () => {
    expect(meetingsOf(read('aj-photo-captions.txt'))).toEqual([
      { participants: ['Faisal al-Khatib', 'Nabil Haddad'], date: '2025-03-03', location: 'Beirut' },
      { participants: ['Faisal al-Khatib', 'Joseph Karam'], date: '2025-03-03', location: 'Baabda Palace' },
      { participants: ['Faisal al-Khatib', 'Rami Saade'], date: '2025-03-03', location: 'Beirut' },
    ]);
    expect(meetingsOf(read('aj-ceasefire-talks.txt')).map((m) => m.location)).toEqual(['Doha', 'Doha']);
  });
});

describe('the date an article speaks from', () => {
  const wire = (sentence: string) =>
    extractArticle({ source: 'wire.txt', text: `MARKETS REPORT\n    PARIS, Feb 26 - ${sentence}\n REUTER\n` });

  it.each([
    ['The ministry revised down its 1987 growth targets for this year.', '1987-02-26'],
    ['Arrivals so far this year put 2025 on course for a record.', '2025-02-26'],
  ])('takes the year a `this year` sentence names as current: %s', (sentence, date) => {
    expect(wire(sentence)).toMatchObject({ publishedOn: null, referenceDate: date });
  });

  it.each([
    'Ireland are unbeaten this year and seek a first Grand Slam since 1948.',
    'Exports rose 12 pct this year, after 9 pct in 1986.',
    'Deliveries start this year and run between 2008 and 2012.',
    'The new version is due this year, ahead of a release in late 2006.',
    "Sales grew this year by 5 pct on 2003's figures.",
    'The dossier of September 2002 was discussed this year.',
  ])('does not take a year that is another period: %s', (sentence) => {
    expect(wire(sentence).referenceDate).toBeNull();
  });
});
