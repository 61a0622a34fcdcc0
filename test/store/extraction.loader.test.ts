/**
 * Loading extraction records: cross-article merging, reloads, removals and the support every
 * aggregate counts, checked on the stored documents through the driver.
 */
import type { Db } from 'mongodb';
import {
  COLLECTIONS,
  ensureIndexes,
  findOfficesPage,
  loadExtraction,
  loadExtractions,
  officeTitleKey,
  removeArticle,
  type AffiliationDocument,
  type MeetingDocument,
  type OfficeDocument,
  type OfficeHolderDocument,
  type OrganizationDocument,
  type PersonDocument,
} from '../../src/store';
import { article, meeting, office, person, type ArticleFixture } from '../helpers/article-record.fixture';
import { dumpCollections } from '../helpers/collection-dump';
import { useTestDatabasePerTest } from '../helpers/test-database';

const load = (db: Db, fixture: ArticleFixture) => loadExtraction(db, fixture.record, { text: fixture.text });

const live = { articleCount: { $gt: 0 } };
const people = (db: Db) => db.collection<PersonDocument>(COLLECTIONS.people).find(live).sort({ name: 1 }).toArray();
const personNamed = async (db: Db, name: string) =>
  (await db.collection<PersonDocument>(COLLECTIONS.people).findOne({ name, ...live }))!;
/** The holding of the person named `name` of the office whose title folds like `title`, if any. */
async function holdingOf(db: Db, name: string, title: string): Promise<OfficeHolderDocument | null> {
  const holder = await db.collection<PersonDocument>(COLLECTIONS.people).findOne({ name, ...live });
  if (!holder) return null;
  const offices = await db
    .collection<OfficeDocument>(COLLECTIONS.offices)
    .find({ key: { $regex: `^${officeTitleKey(title)}\\|` }, ...live })
    .toArray();
  return db
    .collection<OfficeHolderDocument>(COLLECTIONS.officeHolders)
    .findOne({ personId: holder._id, officeId: { $in: offices.map((o) => o._id) }, ...live });
}

const erbil = article(
  'erbil.txt',
  [
    'Iraqi Minister of Interior Othman al-Ghanmi visited Erbil on July 29.',
    'Kurdistan Region Prime Minister Masrour Barzani received Ghanmi.',
    'Ghanmi also met Kurdistan Region President Nechirvan Barzani.',
    'He later met Masoud Barzani, leader of the Kurdistan Democratic Party (KDP).',
  ],
  (say) => ({
    publishedOn: '2020-07-29',
    people: [
      person(
        'Othman al-Ghanmi',
        [...say('Iraqi Minister of Interior Othman al-Ghanmi visited Erbil on July 29.')],
        ['Ghanmi'],
        3,
      ),
      person('Masrour Barzani', say('Kurdistan Region Prime Minister Masrour Barzani received Ghanmi.')),
      person('Nechirvan Barzani', say('Ghanmi also met Kurdistan Region President Nechirvan Barzani.')),
      person('Masoud Barzani', say('He later met Masoud Barzani, leader of the Kurdistan Democratic Party (KDP).')),
    ],
    organizations: [
      {
        name: 'Kurdistan Democratic Party',
        aliases: ['KDP'],
        evidence: say('He later met Masoud Barzani, leader of the Kurdistan Democratic Party (KDP).'),
      },
    ],
    offices: [
      office(
        'Othman al-Ghanmi',
        'Minister of Interior',
        'Iraq',
        say('Iraqi Minister of Interior Othman al-Ghanmi visited Erbil on July 29.'),
      ),
      office(
        'Masrour Barzani',
        'Prime Minister',
        'Kurdistan Region',
        say('Kurdistan Region Prime Minister Masrour Barzani received Ghanmi.'),
      ),
      office(
        'Nechirvan Barzani',
        'President',
        'Kurdistan Region',
        say('Ghanmi also met Kurdistan Region President Nechirvan Barzani.'),
      ),
    ],
    meetings: [
      meeting(
        ['Othman al-Ghanmi', 'Masrour Barzani'],
        '2020-07-29',
        'Erbil',
        say('Kurdistan Region Prime Minister Masrour Barzani received Ghanmi.'),
      ),
    ],
  }),
);

const baghdad = article(
  'baghdad.txt',
  [
    'Interior Minister Othman Ghanmi returned to Baghdad.',
    'He met Prime Minister Mustafa al-Kadhimi on August 1.',
    'The KDP welcomed the talks.',
  ],
  (say) => ({
    publishedOn: '2020-08-02',
    people: [
      person('Othman Ghanmi', say('Interior Minister Othman Ghanmi returned to Baghdad.'), [], 2),
      person('Mustafa al-Kadhimi', say('He met Prime Minister Mustafa al-Kadhimi on August 1.'), ['Kadhimi']),
    ],
    organizations: [{ name: 'KDP', aliases: [], evidence: say('The KDP welcomed the talks.') }],
    offices: [
      office('Othman Ghanmi', 'Interior Minister', 'Iraq', say('Interior Minister Othman Ghanmi returned to Baghdad.')),
      office(
        'Mustafa al-Kadhimi',
        'Prime Minister',
        'Iraq',
        say('He met Prime Minister Mustafa al-Kadhimi on August 1.'),
      ),
    ],
    meetings: [
      meeting(
        ['Othman Ghanmi', 'Mustafa al-Kadhimi'],
        '2020-08-01',
        'Baghdad',
        say('He met Prime Minister Mustafa al-Kadhimi on August 1.'),
      ),
    ],
  }),
);

/** A one-sentence article that names `names` and shows the first in `title` of `jurisdiction`. */
function brief(source: string, publishedOn: string | null, sentence: string, names: string[], extra = {}) {
  return article(source, [sentence], (say) => ({
    publishedOn,
    people: names.map((name) => person(name, say(sentence))),
    ...extra,
  }));
}

describe('loadExtraction', () => {
  const database = useTestDatabasePerTest();
  const db = () => database().db;
  beforeEach(async () => {
    await ensureIndexes(db());
  });

  it('merges the same person, organization and office across articles, counting their support', async () => {
    await load(db(), erbil);
    await load(db(), baghdad);
    const all = await people(db());
    expect(all.map((p) => p.name)).toEqual([
      'Masoud Barzani',
      'Masrour Barzani',
      'Mustafa al-Kadhimi',
      'Nechirvan Barzani',
      'Othman al-Ghanmi',
    ]);
    const ghanmi = all.find((p) => p.name === 'Othman al-Ghanmi')!;
    expect(ghanmi).toMatchObject({
      aliases: ['Ghanmi', 'Othman Ghanmi'],
      mentionCount: 5,
      articleCount: 2,
      evidenceCount: 2,
      firstSeen: '2020-07-29',
      lastSeen: '2020-08-02',
      slug: 'othman-al-ghanmi',
      meetingCount: 2,
      metCount: 2,
    });

    const organizations = await db().collection<OrganizationDocument>(COLLECTIONS.organizations).find(live).toArray();
    expect(organizations.map((o) => [o.name, o.aliases, o.articleCount])).toEqual([
      ['Kurdistan Democratic Party', ['KDP'], 2],
    ]);

    // `Minister of Interior` and `Interior Minister` of Iraq are one office, held in both articles.
    const interior = await holdingOf(db(), 'Othman al-Ghanmi', 'Minister of Interior');
    expect(interior).toMatchObject({ articleCount: 2, firstSeen: '2020-07-29', lastSeen: '2020-08-02' });
    const primeMinisters = await db()
      .collection<OfficeDocument>(COLLECTIONS.offices)
      .find({ title: 'Prime Minister', ...live })
      .sort({ jurisdiction: 1 })
      .toArray();
    expect(primeMinisters.map((o) => [o.jurisdiction, o.jurisdictionKind, o.jurisdictionCode])).toEqual([
      ['Iraq', 'country', 'IQ'],
      ['Kurdistan Region', 'region', null],
    ]);
  });

  it('keeps three people of one surname apart, and does not guess which of them a bare surname means', async () => {
    await load(db(), erbil);
    await load(db(), brief('later.txt', null, 'Barzani and Kadhimi spoke.', ['Barzani', 'Kadhimi']));
    const all = await people(db());
    expect(all.filter((p) => p.name.endsWith('Barzani')).map((p) => p.name)).toEqual([
      'Barzani',
      'Masoud Barzani',
      'Masrour Barzani',
      'Nechirvan Barzani',
    ]);
    expect(new Set(all.map((p) => p._id)).size).toBe(all.length);
  });

  it('joins a full name to the person so far known by that surname alone, unless others have the surname', async () => {
    await load(db(), erbil);
    await load(db(), brief('later.txt', null, 'Barzani and Kadhimi spoke.', ['Barzani', 'Kadhimi']));
    await load(
      db(),
      brief('full.txt', null, 'Ahmed Barzani and Mustafa Kadhimi spoke.', ['Ahmed Barzani', 'Mustafa Kadhimi']),
    );
    const all = await people(db());
    expect(all.filter((p) => /Barzani$/.test(p.name)).map((p) => [p.name, p.articleCount])).toEqual([
      ['Ahmed Barzani', 1],
      ['Barzani', 1],
      ['Masoud Barzani', 1],
      ['Masrour Barzani', 1],
      ['Nechirvan Barzani', 1],
    ]);
    expect(all.filter((p) => /Kadhimi$/.test(p.name)).map((p) => [p.name, p.articleCount])).toEqual([
      ['Mustafa Kadhimi', 2],
    ]);
  });

  it('matches a bare surname to the one person who has it', async () => {
    await load(db(), erbil);
    const sentence = 'Minister of the Interior Ghanmi spoke.';
    await load(
      db(),
      article('later.txt', [sentence], (say) => ({
        people: [person('Ghanmi', say(sentence))],
        offices: [office('Ghanmi', 'Minister of the Interior', 'Iraq', say(sentence))],
      })),
    );
    const all = await people(db());
    expect(all.find((p) => p.name === 'Othman al-Ghanmi')!.articleCount).toBe(2);
    expect(all.some((p) => p.name === 'Ghanmi')).toBe(false);
    expect(await holdingOf(db(), 'Othman al-Ghanmi', 'Minister of Interior')).toMatchObject({ articleCount: 2 });
  });

  it('keeps a single-named person apart from a namesake whose first name it is', async () => {
    const sentence = 'Conservative leader Howard and Howard Flight spoke.';
    await load(
      db(),
      article('leaders.txt', [sentence], (say) => ({
        people: [person('Howard', say(sentence), [], 4), person('Howard Flight', say(sentence), ['Flight'])],
        offices: [office('Howard', 'leader', 'Conservative Party', say(sentence), 'organization')],
      })),
    );
    await load(db(), brief('follow-up.txt', null, 'Howard spoke again.', ['Howard']));
    await load(db(), brief('other.txt', null, 'Howard Flight spoke again.', ['Howard Flight']));
    expect((await people(db())).map((p) => [p.name, p.articleCount])).toEqual([
      ['Howard', 2],
      ['Howard Flight', 2],
    ]);
  });

  it('makes one meeting of two reports that agree, and two of undated reports', async () => {
    await load(db(), erbil);
    const caption = 'Masrour Barzani and Othman al-Ghanmi in July.';
    await load(
      db(),
      article('caption.txt', [caption], (say) => ({
        people: [person('Othman al-Ghanmi', say(caption)), person('Masrour Barzani', say(caption))],
        meetings: [meeting(['Masrour Barzani', 'Othman al-Ghanmi'], '2020-07', null, say(caption))],
      })),
    );
    for (const source of ['undated-1.txt', 'undated-2.txt']) {
      const sentence = `Masrour Barzani met Masoud Barzani in Erbil (${source}).`;
      await load(
        db(),
        article(source, [sentence], (say) => ({
          people: [person('Masrour Barzani', say(sentence)), person('Masoud Barzani', say(sentence))],
          meetings: [meeting(['Masrour Barzani', 'Masoud Barzani'], null, 'Erbil', say(sentence))],
        })),
      );
    }
    const meetings = await db()
      .collection<MeetingDocument>(COLLECTIONS.meetings)
      .find(live)
      .sort({ date: -1, _id: 1 })
      .toArray();
    expect(
      meetings.map((m) => [m.date, m.datePrecision, m.location, m.articleCount, m.firstSeen, m.personIds.length]),
    ).toEqual([
      // The caption has no date of its own, so only the Erbil article dates when the meeting was seen.
      ['2020-07-29', 'day', 'Erbil', 2, '2020-07-29', 2],
      [null, null, 'Erbil', 1, null, 2],
      [null, null, 'Erbil', 1, null, 2],
    ]);
    expect(new Set(meetings.map((m) => m.key)).size).toBe(3);
    // Masrour met Ghanmi once (one meeting, two reports) and Masoud twice.
    const encounters = await db()
      .collection(COLLECTIONS.encounters)
      .find({ personId: (await personNamed(db(), 'Masrour Barzani'))._id })
      .sort({ sharedMeetingCount: -1 })
      .toArray();
    expect(encounters.map((e) => e.sharedMeetingCount)).toEqual([2, 1]);
  });

  it('reports a reload of the same record as unchanged and changes nothing', async () => {
    await load(db(), erbil);
    await load(db(), baghdad);
    const before = await dumpCollections(db());
    expect((await load(db(), erbil)).status).toBe('unchanged');
    expect((await loadExtractions(db(), [erbil, baghdad])).articles.map((a) => a.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(await dumpCollections(db())).toEqual(before);
  });

  it('replaces only the changed article’s own facts, and its support', async () => {
    await load(db(), erbil);
    await load(db(), baghdad);
    const sentences = ['Foreign Minister Fuad Hussein met Prime Minister Mustafa al-Kadhimi.'];
    const changed = article('baghdad.txt', sentences, (say) => ({
      publishedOn: '2020-08-03',
      people: [person('Mustafa al-Kadhimi', say(sentences[0]), ['Kadhimi']), person('Fuad Hussein', say(sentences[0]))],
      offices: [
        office('Fuad Hussein', 'Foreign Minister', 'Iraq', say(sentences[0])),
        office('Mustafa al-Kadhimi', 'Prime Minister', 'Iraq', say(sentences[0])),
      ],
    }));
    expect((await load(db(), changed)).status).toBe('updated');
    const all = await people(db());
    expect(all.map((p) => p.name)).toEqual([
      'Fuad Hussein',
      'Masoud Barzani',
      'Masrour Barzani',
      'Mustafa al-Kadhimi',
      'Nechirvan Barzani',
      'Othman al-Ghanmi',
    ]);
    const ghanmi = all.find((p) => p.name === 'Othman al-Ghanmi')!;
    expect([ghanmi.aliases, ghanmi.mentionCount, ghanmi.articleCount, ghanmi.lastSeen, ghanmi.meetingCount]).toEqual([
      ['Ghanmi'],
      3,
      1,
      '2020-07-29',
      1,
    ]);
    const meetings = await db().collection<MeetingDocument>(COLLECTIONS.meetings).find(live).toArray();
    expect(meetings.map((m) => m.location)).toEqual(['Erbil']);
    expect(await holdingOf(db(), 'Mustafa al-Kadhimi', 'Prime Minister')).toMatchObject({
      articleCount: 1,
      lastSeen: '2020-08-03',
    });
    expect(await holdingOf(db(), 'Othman al-Ghanmi', 'Minister of Interior')).toMatchObject({
      articleCount: 1,
      firstSeen: '2020-07-29',
      lastSeen: '2020-07-29',
    });
    // The store equals one loaded with the final versions only.
    const other = await database().connect();
    const fresh = other.db(`${db().databaseName}_fresh`);
    try {
      await ensureIndexes(fresh);
      await load(fresh, erbil);
      await load(fresh, changed);
      expect(await dumpCollections(fresh)).toEqual(await dumpCollections(db()));
    } finally {
      await fresh.dropDatabase();
    }
  });

  it('removes an article and exactly its facts: the store equals one that never had it', async () => {
    const caption = article('caption.txt', ['Othman al-Ghanmi with Masrour Barzani.'], (say) => ({
      publishedOn: '2020-07-30',
      people: [
        person('Othman al-Ghanmi', say('Othman al-Ghanmi with Masrour Barzani.')),
        person('Masrour Barzani', say('Othman al-Ghanmi with Masrour Barzani.')),
      ],
    }));
    await load(db(), erbil);
    await load(db(), baghdad);
    await load(db(), caption);

    expect(await removeArticle(db(), 'baghdad.txt')).toMatchObject({ status: 'removed' });
    expect(await removeArticle(db(), 'baghdad.txt')).toMatchObject({ status: 'absent' });
    expect(
      await db()
        .collection(COLLECTIONS.articles)
        .countDocuments({ version: { $type: 'string' } }),
    ).toBe(2);
    expect((await people(db())).map((p) => p.name)).not.toContain('Mustafa al-Kadhimi');
    expect(await personNamed(db(), 'Othman al-Ghanmi')).toMatchObject({
      articleCount: 2,
      lastSeen: '2020-07-30',
      aliases: ['Ghanmi'],
    });
    for (const name of Object.values(COLLECTIONS).filter((n) => n !== COLLECTIONS.articles)) {
      const facts = await db()
        .collection(name)
        .countDocuments({ articleId: { $exists: true } });
      const ofRemoved = await db()
        .collection(name)
        .countDocuments({ source: 'baghdad.txt', version: { $ne: null } });
      expect([name, ofRemoved]).toEqual([name, 0]);
      expect(facts).toBeGreaterThanOrEqual(0);
    }

    const other = await database().connect();
    const fresh = other.db(`${db().databaseName}_fresh`);
    try {
      await ensureIndexes(fresh);
      await load(fresh, erbil);
      await load(fresh, caption);
      expect(await dumpCollections(db())).toEqual(await dumpCollections(fresh));
    } finally {
      await fresh.dropDatabase();
    }
  });

  it('counts each holding’s support over re-ingest and removal, finding first and last dates again', async () => {
    const held = (source: string, date: string) =>
      brief(source, date, `Kenya Finance Minister Amina Odhiambo spoke (${source}).`, ['Amina Odhiambo'], {
        offices: [
          office('Amina Odhiambo', 'Finance Minister', 'Kenya', [
            {
              text: `Kenya Finance Minister Amina Odhiambo spoke (${source}).`,
              start: 0,
              end: `Kenya Finance Minister Amina Odhiambo spoke (${source}).`.length,
            },
          ]),
        ],
      });
    await load(db(), held('a.txt', '2021-01-10'));
    await load(db(), held('b.txt', '2021-02-10'));
    await load(db(), held('c.txt', '2021-03-10'));
    const support = async () => {
      const h = await holdingOf(db(), 'Amina Odhiambo', 'Finance Minister');
      return h && [h.articleCount, h.evidenceCount, h.firstSeen, h.lastSeen];
    };
    expect(await support()).toEqual([3, 3, '2021-01-10', '2021-03-10']);
    await load(db(), held('c.txt', '2020-12-01'));
    expect(await support()).toEqual([3, 3, '2020-12-01', '2021-02-10']);
    await removeArticle(db(), 'b.txt');
    expect(await support()).toEqual([2, 2, '2020-12-01', '2021-01-10']);
    await load(db(), held('b.txt', '2021-02-10'));
    await load(db(), held('b.txt', '2021-02-10'));
    expect(await support()).toEqual([3, 3, '2020-12-01', '2021-02-10']);
    for (const source of ['a.txt', 'b.txt', 'c.txt']) await removeArticle(db(), source);
    expect(await support()).toBeNull();
    expect(await db().collection(COLLECTIONS.offices).countDocuments(live)).toBe(0);
    expect(await db().collection(COLLECTIONS.people).countDocuments(live)).toBe(0);
  });

  it('keys offices on the canonical title and the resolved jurisdiction: one office per ISO code', async () => {
    const us = (source: string, written: string) =>
      article(source, [`${written} Secretary of State Ann Lee spoke.`], (say) => ({
        people: [person('Ann Lee', say(`${written} Secretary of State Ann Lee spoke.`))],
        offices: [
          {
            holder: 'Ann Lee',
            title: 'Secretary of State',
            jurisdiction: written,
            canonicalTitle: 'Secretary of State',
            jurisdictionRef: { kind: 'country', name: 'United States', code: 'US' },
            evidence: say(`${written} Secretary of State Ann Lee spoke.`),
          },
        ],
      }));
    await load(db(), us('one.txt', 'US'));
    await load(db(), us('two.txt', 'U.S.'));
    const offices = await db().collection<OfficeDocument>(COLLECTIONS.offices).find(live).toArray();
    expect(offices.map((o) => [o.title, o.jurisdiction, o.jurisdictionCode, o.articleCount])).toEqual([
      ['Secretary of State', 'United States', 'US', 2],
    ]);
  });

  it('keeps an office whose article names no jurisdiction on its holder, never shared', async () => {
    const director = (source: string, name: string) =>
      brief(source, '2021-05-01', `Director ${name} resigned.`, [name], {
        offices: [
          office(name, 'director', null, [
            { text: `Director ${name} resigned.`, start: 0, end: `Director ${name} resigned.`.length },
          ]),
        ],
      });
    await load(db(), director('a.txt', 'Ann Lee'));
    await load(db(), director('b.txt', 'Bob Stone'));
    await load(db(), director('c.txt', 'Ann Lee'));
    const offices = await db()
      .collection<OfficeDocument>(COLLECTIONS.offices)
      .find(live)
      .sort({ articleCount: -1 })
      .toArray();
    const ann = await personNamed(db(), 'Ann Lee');
    expect(
      offices.map((o) => [o.title, o.jurisdiction, o.holderCount, o.articleCount, o.holderId === ann._id]),
    ).toEqual([
      ['director', null, 1, 2, true],
      ['director', null, 1, 1, false],
    ]);
    const listed = await findOfficesPage(db(), {}, { field: 'title', direction: 1 }, { first: 10 });
    expect(listed.edges).toHaveLength(0);
  });

  it('stores affiliations with their support, creating the party an article names only as a label', async () => {
    const mp = (source: string, date: string) =>
      brief(source, date, `Labour MP Jane Smith spoke (${source}).`, ['Jane Smith'], {
        affiliations: [
          {
            member: 'Jane Smith',
            organization: 'Labour Party',
            evidence: [
              {
                text: `Labour MP Jane Smith spoke (${source}).`,
                start: 0,
                end: `Labour MP Jane Smith spoke (${source}).`.length,
              },
            ],
          },
        ],
      });
    await load(db(), mp('a.txt', '2021-01-01'));
    await load(db(), mp('b.txt', '2021-02-01'));
    const labour = await db()
      .collection<OrganizationDocument>(COLLECTIONS.organizations)
      .findOne({ name: 'Labour Party' });
    expect(labour).toMatchObject({ memberCount: 1, articleCount: 2 });
    const affiliations = () => db().collection<AffiliationDocument>(COLLECTIONS.affiliations).find(live).toArray();
    expect((await affiliations()).map((a) => [a.articleCount, a.firstSeen, a.lastSeen])).toEqual([
      [2, '2021-01-01', '2021-02-01'],
    ]);
    await removeArticle(db(), 'b.txt');
    expect((await affiliations()).map((a) => [a.articleCount, a.lastSeen])).toEqual([[1, '2021-01-01']]);
    await removeArticle(db(), 'a.txt');
    expect(await affiliations()).toEqual([]);
  });

  it('resolves an office holder or participant named by an alias to the person', async () => {
    const sentence = 'Minister of Interior Othman al-Ghanmi, known as Ghanmi, met Rebar Ahmad.';
    await load(
      db(),
      article('alias.txt', [sentence], (say) => ({
        people: [person('Othman al-Ghanmi', say(sentence), ['Ghanmi']), person('Rebar Ahmad', say(sentence))],
        offices: [office('Ghanmi', 'Minister of Interior', 'Iraq', say(sentence))],
        meetings: [meeting(['Ghanmi', 'Rebar Ahmad'], '2020-07-29', 'Erbil', say(sentence))],
      })),
    );
    const all = await people(db());
    expect(all.map((p) => p.name)).toEqual(['Othman al-Ghanmi', 'Rebar Ahmad']);
    expect(all[0]).toMatchObject({ meetingCount: 1 });
    expect(await holdingOf(db(), 'Othman al-Ghanmi', 'Minister of Interior')).not.toBeNull();
  });

  it('refuses a record whose evidence is not a span of its text, and stores nothing', async () => {
    const bad = article('bad.txt', ['Ann Lee spoke.'], () => ({
      people: [person('Ann Lee', [{ text: 'Ann Lee spoke.', start: 2, end: 16 }])],
    }));
    await expect(load(db(), bad)).rejects.toThrow(/not that span of its text/);
    expect(await db().collection(COLLECTIONS.articles).countDocuments()).toBe(0);
  });

  it('gives the same ids when the store is loaded again from scratch', async () => {
    await load(db(), erbil);
    await load(db(), baghdad);
    const first = await dumpCollections(db());
    await db().dropDatabase();
    await ensureIndexes(db());
    await loadExtractions(db(), [erbil, baghdad]);
    expect(await dumpCollections(db())).toEqual(first);
  });
});
