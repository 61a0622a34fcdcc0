import { extractArticle } from '../../../src/extract';
import { extractBody, meetingsOf } from '../article.fixture';

describe('meetings', () => {
  it('reads met / received with roles, dates and places', () => {
    const record = extractBody(
      'Regional Prime Minister Masrour Barzani received Iraqi Minister of Interior Othman al-Ghanmi in Erbil on Wednesday.',
      { publishedOn: '2020-07-29' },
    );
    expect(meetingsOf(record)).toEqual([
      { participants: ['Masrour Barzani', 'Othman al-Ghanmi'], date: '2020-07-29', location: 'Erbil' },
    ]);
    expect(record.meetings[0].roles).toEqual([
      { name: 'Masrour Barzani', kind: 'person', role: 'host' },
      { name: 'Othman al-Ghanmi', kind: 'person', role: 'visitor' },
    ]);
  });

  it('lists everyone met and everyone in a meeting between several people', () => {
    const met = extractBody(
      'BERNE, March 4 - Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich, Swiss Economics Minister Jean-Pascal Delamuraz and National Bank President Pierre Languetin on the fourth leg of a tour.',
    );
    expect(meetingsOf(met)[0].participants).toEqual([
      'Dilson Funaro',
      'Jean-Pascal Delamuraz',
      'Otto Stich',
      'Pierre Languetin',
    ]);
    const between = extractBody(
      'India and Russia signed a memorandum on Tuesday during a meeting between Oil and Natural Gas Corporation chairman Subir Raha, Gazprom chairman Aleksey Miller and India’s petroleum minister Mani Shankar Aiyar.',
    );
    expect(meetingsOf(between)[0].participants).toEqual(['Aleksey Miller', 'Mani Shankar Aiyar', 'Subir Raha']);
  });

  it('lets a named body stand for a side and keeps a lone named side met by unnamed others', () => {
    const record = extractBody(
      'The Kurdistan Region announced on July 3 that a high delegation from the Ministry of Peshmerga met with officials from the Iraqi Ministry of Defense in Baghdad earlier that day.',
      { publishedOn: '2020-07-29' },
    );
    expect(meetingsOf(record)).toEqual([
      { participants: ['Iraqi Ministry of Defense', 'Ministry of Peshmerga'], date: '2020-07-03', location: 'Baghdad' },
    ]);
    const lone = extractBody(
      'On Monday, a delegation of north Wales councils visited Ms Essex to lobby for increased funds.',
    );
    expect(meetingsOf(lone)[0].participants).toEqual(['Essex']);
  });

  it('resolves descriptions and pronouns to the people they refer to', () => {
    const record = extractBody(
      'U.K. Chancellor of the Exchequer Nigel Lawson has told Brazil’s Finance Minister Dilson Funaro that the talks are a matter for the banks. The spokesman said the Chancellor had emphasised in talks this morning with Funaro the need for a program.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['Dilson Funaro', 'Nigel Lawson']);
  });

  it('adds people who attended or were present, and not people who phoned in', () => {
    const record = extractBody(
      'United States President Donald Trump lifted the sanctions. Then, on Wednesday morning, Trump and Ahmed al-Sharaa met for half an hour in the presence of Saudi Arabia’s Crown Prince Mohammed bin Salman and with Turkiye’s President Recep Tayyip Erdogan phoning in.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['Ahmed al-Sharaa', 'Donald Trump', 'Mohammed bin Salman']);
    const attended = extractBody(
      'The Iraqi interior Minister Othman al-Ghanmi also met with Kurdistan Region President Nechirvan Barzani. During the meeting, which was attended by Kurdistan Region Interior Minister Rebar Ahmad, they discussed the border.',
    );
    expect(meetingsOf(attended)[0].participants).toEqual(['Nechirvan Barzani', 'Othman al-Ghanmi', 'Rebar Ahmad']);
    expect(attended.meetings[0].roles.find((r) => r.name === 'Rebar Ahmad')?.role).toBe('attendee');
  });

  it('merges a caption and a sentence that tell the same meeting', () => {
    const record = extractBody(
      'Kurdistan Region Prime Minister Masrour Barzani (right) receives Iraqi Minister of Interior Othman al-Ghanmi in Erbil, July 29, 2020.\n\nRegional Prime Minister Masrour Barzani received Iraqi Minister of Interior Othman al-Ghanmi, discussing relations.',
    );
    expect(meetingsOf(record)).toEqual([
      { participants: ['Masrour Barzani', 'Othman al-Ghanmi'], date: '2020-07-29', location: 'Erbil' },
    ]);
    expect(record.meetings[0].evidence).toHaveLength(2);
  });

  it('leaves out planned, hoped-for, telephone and denied meetings', () => {
    const bodies = [
      'Russian news agencies reported that India’s petroleum minister Mr Aiyar and Russian energy minister Viktor Khristenko would discuss the future of Yugansk at a meeting on Tuesday.',
      'Bankers said there are no plans for Brazilian finance minister Dilson Funaro to meet commercial bankers during his trip.',
      'Prime Minister Keir Starmer will meet Albanian Prime Minister Edi Rama next week.',
      'Prime Minister Keir Starmer spoke by phone with Albanian Prime Minister Edi Rama and met criticism.',
      'The Times said Lynton Crosby told the party leader Michael Howard the party could not win.',
    ];
    for (const body of bodies) expect(meetingsOf(extractBody(body))).toEqual([]);
  });
});

describe('meeting details', () => {
  it('lets a named leader stand for the delegation he leads', () => {
    const record = extractBody(
      'Qatar’s Emir Sheikh Tamim bin Hamad Al Thani has received a delegation from Hamas led by Khalil al-Hayya in Doha.',
    );
    expect(meetingsOf(record)[0]).toEqual({
      participants: ['Khalil al-Hayya', 'Tamim bin Hamad Al Thani'],
      date: null,
      location: 'Doha',
    });
  });

  it('takes the place from a following `During the meeting in ...` sentence', () => {
    const record = extractBody(
      'Chechen leader Ramzan Kadyrov spoke to reporters before his May 7 meeting with Russian President Vladimir Putin. During the meeting in Putin’s office, Kadyrov boasted of his record.',
    );
    expect(meetingsOf(record)[0]).toMatchObject({
      participants: ['Ramzan Kadyrov', 'Vladimir Putin'],
      location: 'Putin’s office',
    });
  });

  it('reads `A and B held talks` as a meeting of both', () => {
    const record = extractBody(
      'Prime Minister Tony Blair and US President George W Bush held talks at Camp David on Friday.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['George W Bush', 'Tony Blair']);
  });

  it('reads `said after meeting Y` as a meeting of the speaker with Y', () => {
    const record = extractBody(
      'Foreign Secretary Jack Straw said after meeting Iranian Foreign Minister Kamal Kharrazi in London that progress was made.',
    );
    expect(meetingsOf(record)).toEqual([
      { participants: ['Jack Straw', 'Kamal Kharrazi'], date: null, location: 'London' },
    ]);
  });

  it('places a meeting `in the <demonym> capital` or at a seat of government in its city, and an unplaced one only by its dateline', () => {
    const capital = extractBody(
      'Talks between Kenyan envoy Amina Wanjiru and Ethiopian envoy Tesfaye Gebre were held in the Kenyan capital on Wednesday.',
    );
    expect(meetingsOf(capital)[0].location).toBe('Nairobi');
    expect(
      meetingsOf(
        extractBody('US President Daniel Harlow hosted Chilean President Rosa Campos at the White House on Tuesday.'),
      )[0].location,
    ).toBe('Washington');
    const unplaced = extractBody(
      'Mr Oduya met Ms Tan on Monday. Later that week Ms Tan spoke at a conference and said Lagos was growing fast.',
    );
    expect(meetingsOf(unplaced)[0].location).toBeNull();
  });

  it('ends the list of people met where an attribution clause starts', () => {
    const record = extractBody(
      'Japanese Finance Minister Kenzo Arakawa met German Finance Minister Dieter Kessler, Finance Ministry officials said.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['Dieter Kessler', 'Kenzo Arakawa']);
  });

  it('merges an arrival `for talks` into the talks held there that day', () => {
    const record = extractBody(
      'Jordanian Foreign Minister Faisal Khatib arrived in Beirut on Monday for talks. Lebanese Prime Minister Nabil Haddad met Khatib in Beirut on Monday.',
      { publishedOn: '2025-03-03' },
    );
    expect(meetingsOf(record)).toEqual([
      { participants: ['Faisal Khatib', 'Nabil Haddad'], date: '2025-03-03', location: 'Beirut' },
    ]);
  });

  it('prefers a known city to other capitalised places', () => {
    const record = extractBody(
      'Turkish President Recep Tayyip Erdogan has met Russian President Vladimir Putin in the Black Sea resort of Sochi for talks.',
    );
    expect(meetingsOf(record)[0].location).toBe('Sochi');
  });

  it('dates a meeting told as `today` from a wire dateline whose year the text fixes', () => {
    const record = extractArticle({
      source: 'wire.txt',
      text: 'FRANCE FACES PRESSURE\n    PARIS, Feb 26 - The government raised its 1987 inflation estimate for this year.\n    Union leader Edmond Maire, meeting with Prime Minister Jacques Chirac today, renewed union demands.\n REUTER\n',
    });
    // the date is inferred, so it is the date the article speaks from, not a stated publication date
    expect(record).toMatchObject({ publishedOn: null, referenceDate: '1987-02-26' });
    expect(meetingsOf(record)).toEqual([
      { participants: ['Edmond Maire', 'Jacques Chirac'], date: '1987-02-26', location: 'Paris' },
    ]);
  });
});
