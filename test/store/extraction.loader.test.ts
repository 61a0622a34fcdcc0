import type { Db } from 'mongodb';
import type { ExtractionRecord, MeetingFact, OfficeFact, PersonFact } from '../../src/extract';
import {
  COLLECTIONS,
  ensureIndexes,
  loadExtraction,
  type MeetingDocument,
  type OfficeDocument,
  type OrganizationDocument,
  type PersonDocument,
} from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Records as the extractor would give them for short texts; evidence points at the first sentence. */
function record(source: string, parts: Partial<ExtractionRecord>): { record: ExtractionRecord; text: string } {
  const text = `${source}: text of the article.`;
  return {
    text,
    record: {
      source,
      title: null,
      publishedOn: null,
      paragraphs: [{ start: 0, end: text.length }],
      people: [],
      organizations: [],
      offices: [],
      affiliations: [],
      meetings: [],
      ...parts,
    },
  };
}

const evidence = [{ text: 'A sentence.', start: 0, end: 11 }];
const person = (name: string, aliases: string[] = [], mentions = 1): PersonFact => ({
  name,
  aliases,
  mentions,
  evidence,
});
const office = (holder: string, title: string, jurisdiction: string | null): OfficeFact => ({
  holder,
  title,
  jurisdiction,
  canonicalTitle: title,
  jurisdictionRef: jurisdiction ? { kind: 'region', name: jurisdiction, code: null } : null,
  evidence,
});
const meeting = (participants: string[], date: string | null, location: string | null): MeetingFact => ({
  date,
  datePrecision: date ? ({ 4: 'year', 7: 'month', 10: 'day' } as const)[date.length as 4 | 7 | 10] : null,
  location,
  participants,
  roles: [],
  evidence,
});

async function load(db: Db, item: { record: ExtractionRecord; text: string }) {
  return loadExtraction(db, item.record, { text: item.text });
}

const people = (db: Db) => db.collection<PersonDocument>(COLLECTIONS.people).find({}).sort({ name: 1 }).toArray();

describe('loadExtraction', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
    await ensureIndexes(t.db);
  });
  afterEach(() => t.close());

  const erbil = record('erbil.txt', {
    publishedOn: '2020-07-29',
    people: [
      person('Othman al-Ghanmi', ['Ghanmi'], 3),
      person('Masrour Barzani'),
      person('Nechirvan Barzani'),
      person('Masoud Barzani'),
    ],
    organizations: [{ name: 'Kurdistan Democratic Party', aliases: ['KDP'], evidence }],
    offices: [
      office('Othman al-Ghanmi', 'Minister of Interior', 'Iraq'),
      office('Masrour Barzani', 'Prime Minister', 'Kurdistan Region'),
      office('Nechirvan Barzani', 'President', 'Kurdistan Region'),
    ],
    meetings: [meeting(['Othman al-Ghanmi', 'Masrour Barzani'], '2020-07-29', 'Erbil')],
  });
  const baghdad = record('baghdad.txt', {
    publishedOn: '2020-08-02',
    people: [person('Othman Ghanmi', [], 2), person('Mustafa al-Kadhimi', ['Kadhimi'])],
    organizations: [{ name: 'KDP', aliases: [], evidence }],
    offices: [
      office('Othman Ghanmi', 'Interior Minister', 'Iraq'),
      office('Mustafa al-Kadhimi', 'Prime Minister', 'Iraq'),
    ],
    meetings: [meeting(['Othman Ghanmi', 'Mustafa al-Kadhimi'], '2020-08-01', 'Baghdad')],
  });

  it('merges the same person, organization and office across articles', async () => {
    await load(t.db, erbil);
    await load(t.db, baghdad);
    const all = await people(t.db);
    expect(all.map((p) => p.name)).toEqual([
      'Masoud Barzani',
      'Masrour Barzani',
      'Mustafa al-Kadhimi',
      'Nechirvan Barzani',
      'Othman al-Ghanmi',
    ]);
    const ghanmi = all.find((p) => p.name === 'Othman al-Ghanmi')!;
    expect(ghanmi.aliases).toEqual(['Ghanmi', 'Othman Ghanmi']);
    expect(ghanmi.mentionCount).toBe(5);
    expect(ghanmi.articleIds).toHaveLength(2);
    expect(ghanmi.slug).toBe('othman-al-ghanmi');

    const organizations = await t.db.collection<OrganizationDocument>(COLLECTIONS.organizations).find({}).toArray();
    expect(organizations.map((o) => [o.name, o.aliases, o.articleIds.length])).toEqual([
      ['Kurdistan Democratic Party', ['KDP'], 2],
    ]);

    const interior = await t.db
      .collection<OfficeDocument>(COLLECTIONS.offices)
      .find({ holderIds: ghanmi._id })
      .toArray();
    expect(interior).toHaveLength(1);
    expect(interior[0].holders).toEqual([
      expect.objectContaining({ personId: ghanmi._id, asOf: '2020-08-02', articleIds: ghanmi.articleIds }),
    ]);
    const primeMinisters = await t.db
      .collection<OfficeDocument>(COLLECTIONS.offices)
      .find({ title: 'Prime Minister' })
      .sort({ jurisdiction: 1 })
      .toArray();
    expect(primeMinisters.map((o) => o.jurisdiction)).toEqual(['Iraq', 'Kurdistan Region']);
  });

  it('keeps three people of one surname apart, and does not guess which of them a bare surname means', async () => {
    await load(t.db, erbil);
    await load(t.db, record('later.txt', { people: [person('Barzani', [], 2), person('Kadhimi')] }));
    const all = await people(t.db);
    expect(all.filter((p) => p.name.endsWith('Barzani')).map((p) => p.name)).toEqual([
      'Barzani',
      'Masoud Barzani',
      'Masrour Barzani',
      'Nechirvan Barzani',
    ]);
    expect(new Set(all.map((p) => p._id)).size).toBe(all.length);
  });

  it('matches a bare surname to the one person who has it', async () => {
    await load(t.db, erbil);
    await load(
      t.db,
      record('later.txt', {
        people: [person('Ghanmi')],
        offices: [office('Ghanmi', 'Minister of the Interior', 'Iraq')],
      }),
    );
    const all = await people(t.db);
    expect(all.find((p) => p.name === 'Othman al-Ghanmi')!.articleIds).toHaveLength(2);
    expect(all.some((p) => p.name === 'Ghanmi')).toBe(false);
    expect(await t.db.collection(COLLECTIONS.offices).countDocuments({ title: 'Minister of Interior' })).toBe(1);
  });

  it('keeps a single-named person apart from a namesake whose first name it is', async () => {
    const leaders = record('leaders.txt', {
      people: [person('Howard', [], 4), person('Howard Flight', ['Flight'])],
      offices: [office('Howard', 'leader', 'Conservative Party')],
    });
    await load(t.db, leaders);
    await load(t.db, record('follow-up.txt', { people: [person('Howard')] }));
    await load(t.db, record('other.txt', { people: [person('Howard Flight')] }));
    const all = await people(t.db);
    expect(all.map((p) => [p.name, p.articleIds.length])).toEqual([
      ['Howard', 2],
      ['Howard Flight', 2],
    ]);
  });

  it('makes one meeting of two reports that agree, and two of undated reports', async () => {
    await load(t.db, erbil);
    await load(
      t.db,
      record('caption.txt', {
        people: [person('Othman al-Ghanmi'), person('Masrour Barzani')],
        meetings: [meeting(['Masrour Barzani', 'Othman al-Ghanmi'], '2020-07', null)],
      }),
    );
    await load(
      t.db,
      record('undated-1.txt', {
        people: [person('Masrour Barzani'), person('Masoud Barzani')],
        meetings: [meeting(['Masrour Barzani', 'Masoud Barzani'], null, 'Erbil')],
      }),
    );
    await load(
      t.db,
      record('undated-2.txt', {
        people: [person('Masrour Barzani'), person('Masoud Barzani')],
        meetings: [meeting(['Masrour Barzani', 'Masoud Barzani'], null, 'Erbil')],
      }),
    );
    const meetings = await t.db.collection<MeetingDocument>(COLLECTIONS.meetings).find({}).sort({ date: -1 }).toArray();
    expect(meetings.map((m) => [m.date, m.datePrecision, m.location, m.articleIds.length, m.personIds.length])).toEqual(
      [
        ['2020-07-29', 'day', 'Erbil', 2, 2],
        [null, null, 'Erbil', 1, 2],
        [null, null, 'Erbil', 1, 2],
      ],
    );
    expect(new Set(meetings.map((m) => m.key)).size).toBe(3);
  });

  it('reports a reload of the same record as unchanged and changes nothing', async () => {
    await load(t.db, erbil);
    await load(t.db, baghdad);
    const before = await dumpCollections(t.db);
    expect((await load(t.db, erbil)).status).toBe('unchanged');
    expect(await dumpCollections(t.db)).toEqual(before);
  });

  it('replaces only the changed article’s own facts', async () => {
    await load(t.db, erbil);
    await load(t.db, baghdad);
    const changed = record('baghdad.txt', {
      publishedOn: '2020-08-03',
      people: [person('Mustafa al-Kadhimi', ['Kadhimi']), person('Fuad Hussein')],
      offices: [
        office('Fuad Hussein', 'Foreign Minister', 'Iraq'),
        office('Mustafa al-Kadhimi', 'Prime Minister', 'Iraq'),
      ],
    });
    changed.text = 'A changed text.';
    const result = await load(t.db, changed);
    expect(result.status).toBe('updated');
    const all = await people(t.db);
    expect(all.map((p) => p.name)).toEqual([
      'Fuad Hussein',
      'Masoud Barzani',
      'Masrour Barzani',
      'Mustafa al-Kadhimi',
      'Nechirvan Barzani',
      'Othman al-Ghanmi',
    ]);
    const ghanmi = all.find((p) => p.name === 'Othman al-Ghanmi')!;
    expect([ghanmi.aliases, ghanmi.mentionCount, ghanmi.articleIds.length]).toEqual([['Ghanmi'], 3, 1]);
    const meetings = await t.db.collection<MeetingDocument>(COLLECTIONS.meetings).find({}).toArray();
    expect(meetings.map((m) => m.location)).toEqual(['Erbil']);
    const pmIraq = await t.db
      .collection<OfficeDocument>(COLLECTIONS.offices)
      .findOne({ title: 'Prime Minister', jurisdiction: 'Iraq' });
    expect(pmIraq!.holders.map((h) => h.asOf)).toEqual(['2020-08-03']);
    const interior = await t.db.collection<OfficeDocument>(COLLECTIONS.offices).findOne({ holderIds: ghanmi._id });
    expect(interior!.holders.map((h) => [h.personId, h.asOf])).toEqual([[ghanmi._id, '2020-07-29']]);
  });

  it('finishes a load that stopped after its entities were written but before the article', async () => {
    await load(t.db, erbil);
    await load(t.db, baghdad);
    const clean = await dumpCollections(t.db);

    const other = await t.connect();
    const interrupted = other.db(`${t.db.databaseName}_b`);
    try {
      await ensureIndexes(interrupted);
      await load(interrupted, erbil);
      const earlierDraft = record('baghdad.txt', {
        people: [person('Othman Ghanmi'), person('Ali Allawi')],
        meetings: [meeting(['Othman Ghanmi', 'Ali Allawi'], '2020-08-01', null)],
      });
      earlierDraft.text = 'An earlier draft.';
      await load(interrupted, earlierDraft);
      await interrupted.collection(COLLECTIONS.articles).deleteOne({ source: 'baghdad.txt' });
      expect((await load(interrupted, baghdad)).status).toBe('added');
      expect(await dumpCollections(interrupted)).toEqual(clean);
    } finally {
      await interrupted.dropDatabase();
    }
  });

  it('resolves an office holder or participant named by an alias to the person', async () => {
    await load(
      t.db,
      record('alias.txt', {
        people: [person('Othman al-Ghanmi', ['Ghanmi']), person('Rebar Ahmad')],
        offices: [office('Ghanmi', 'Minister of Interior', 'Iraq')],
        meetings: [meeting(['Ghanmi', 'Rebar Ahmad'], '2020-07-29', 'Erbil')],
      }),
    );
    const all = await people(t.db);
    expect(all.map((p) => p.name)).toEqual(['Othman al-Ghanmi', 'Rebar Ahmad']);
    const ghanmi = all[0];
    expect(await t.db.collection(COLLECTIONS.offices).countDocuments({ holderIds: ghanmi._id })).toBe(1);
    expect(await t.db.collection(COLLECTIONS.meetings).countDocuments({ personIds: ghanmi._id })).toBe(1);
  });

  it('loses nothing when two loaders write the same people at once', async () => {
    const other = await t.connect();
    await Promise.all([load(t.db, erbil), load(other.db(t.db.databaseName), baghdad)]);
    const ghanmi = (await people(t.db)).find((p) => p.name === 'Othman al-Ghanmi')!;
    expect([ghanmi.articleIds.length, ghanmi.mentionCount]).toEqual([2, 5]);
    expect(await t.db.collection(COLLECTIONS.articles).countDocuments()).toBe(2);
  });

  it('gives the same ids when the store is loaded again from scratch', async () => {
    await load(t.db, erbil);
    await load(t.db, baghdad);
    const first = await dumpCollections(t.db);
    for (const name of Object.values(COLLECTIONS)) await t.db.collection(name).deleteMany({});
    await load(t.db, erbil);
    await load(t.db, baghdad);
    expect(await dumpCollections(t.db)).toEqual(first);
  });
});
