/**
 * The people (or organizations) a plan touches: read once, with their counted name forms, then
 * changed in memory as the batch's old facts are taken out and its new facts placed, article by
 * article in order. A fact joins the existing entity the identity rules pick (including one an
 * earlier article of the batch created), or starts a new one with a stable id and slug.
 */
import type { Evidence } from '../../extract';
import { LATEST_MEETINGS } from '../documents/latest-meetings';
import type { MentionDocument, NamedEntityKind } from '../documents/mention.document';
import type { NamedEntityDocument, OrganizationDocument, PersonDocument } from '../documents/named-entity.document';
import { nameKey, preferFullerName, searchKeysOf, slugOf } from '../identity/name-key';
import {
  identityKeysOf,
  lookupKeysOf,
  matchNamedFacts,
  ORGANIZATION_NAME_RULES,
  probeAdmits,
  rivalKeysOf,
  PERSON_NAME_RULES,
  type NamedFact,
  type NameMatchRules,
} from '../identity/named-entity.resolver';
import { stableId } from '../identity/stable-id';
import { FormCounts, mostUsed, rankedForms } from './form.counts';
import { LatestMeetingsList } from './latest-meetings.list';
import { anyOf, byIds, type OverlaidQuery, type StoreReader } from './store.reader';
import { SupportCounter } from './support.counter';
import { derivedWrites, storedLive, type DerivedWrites, type SupportedState } from './supported.states';

/** Aliases an entity document lists: the most used forms. */
export const MAX_ALIASES = 20;
/** Name forms the identity rules match later articles against: the most used ones. */
const MAX_IDENTITY_FORMS = 100;
const SLUG_ID_SUFFIX_LENGTH = 8;

export type PlacedFact = NamedFact & { evidence: readonly Evidence[]; mentions?: number };

interface NamedState extends SupportedState<NamedEntityDocument> {
  /** Set once the plan knows it: the stored slug of a live entity, or the one given on (re)creation. */
  slug: string | null;
  mentionCount: number;
  meetingCount: number;
  /** People: others met; organizations: members. */
  relationCount: number;
  forms: FormCounts;
  latestMeetings: LatestMeetingsList;
  identityKeys: string[] | null;
}

export class NamedEntitySpace {
  private readonly states = new Map<string, NamedState>();
  /** Rival keys whose holders are all read. */
  private readonly rivalsRead = new Set<string>();
  /** The states that hold each identity key, as last indexed: an article's candidates without a pass over every state. */
  private readonly keyHolders = new Map<string, Set<string>>();
  private readonly indexedKeys = new Map<string, readonly string[]>();
  /** States read or changed since they were last indexed. */
  private readonly unindexed = new Set<string>();
  /** The states that hold each slug (stored, or given by this plan). */
  private readonly slugHolders = new Map<string, Set<string>>();
  private readonly rules: NameMatchRules;
  private readonly collection: 'people' | 'organizations';

  constructor(
    private readonly reader: StoreReader,
    readonly kind: NamedEntityKind,
  ) {
    this.rules = kind === 'person' ? PERSON_NAME_RULES : ORGANIZATION_NAME_RULES;
    this.collection = kind === 'person' ? 'people' : 'organizations';
  }

  /** Reads every entity the old facts name and every one the new facts might join or collide with. */
  async prepare(oldIds: readonly string[], facts: readonly PlacedFact[]): Promise<void> {
    const lookupKeys = new Set(facts.flatMap((fact) => lookupKeysOf(fact, this.rules)));
    const baseSlugs = new Set(facts.map((fact) => slugOf(fact.name)).filter(Boolean));
    const ids = [...new Set([...oldIds, ...facts.map((fact) => stableId(this.kind, nameKey(fact.name)))])];
    const conditions: OverlaidQuery<NamedEntityDocument>[] = [byIds(ids)];
    if (lookupKeys.size) {
      conditions.push({
        filter: { identityKeys: { $in: [...lookupKeys] } },
        test: (doc) => doc.identityKeys.some((key) => lookupKeys.has(key)),
      });
    }
    if (baseSlugs.size) {
      conditions.push({ filter: { slug: { $in: [...baseSlugs] } }, test: (doc) => baseSlugs.has(doc.slug) });
    }
    for (const doc of await this.reader.find(this.collection, anyOf(conditions))) this.adopt(doc);
    this.markAbsent(ids);
  }

  /** Reads these entities, if not read yet (ids a plan refers to that no fact of it named). */
  async load(ids: Iterable<string>): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.states.has(id));
    if (!unknown.length) return;
    for (const doc of await this.reader.find(this.collection, byIds<NamedEntityDocument>(unknown))) this.adopt(doc);
    this.markAbsent(unknown);
  }

  takeOut(mention: MentionDocument): void {
    const state = this.state(mention.entityId);
    state.support.takeOut({ date: mention.date, evidence: mention.evidence.length });
    state.mentionCount -= mention.mentions;
    this.countForms(state, mention.name, mention.aliases, -1);
  }

  /**
   * Places one article's facts; returns the entity id for each fact's normalized name and for
   * each alias only one fact of the article uses (so `Okafor` holding an office resolves,
   * `Okafor` shared by three people does not), and the entity of each fact, by position.
   */
  async place(
    facts: readonly PlacedFact[],
    date: string | null,
  ): Promise<{ idsByName: Map<string, string>; entityIds: string[] }> {
    await this.loadRivals(facts);
    const lookupKeys = new Set(
      facts.flatMap((fact) => [
        ...lookupKeysOf(fact, this.rules),
        ...rivalKeysOf(fact, this.rules).map((r) => r.rival),
      ]),
    );
    const matches = matchNamedFacts(facts, this.liveCandidates(lookupKeys), this.rules);
    const idsByName = new Map<string, string>();
    const aliasOwners = new Map<string, Set<string>>();
    const entityIds: string[] = [];
    for (const [ordinal, fact] of facts.entries()) {
      const id = matches[ordinal] ?? (await this.create(fact.name));
      const state = this.state(id);
      state.support.putIn({ date, evidence: fact.evidence.length });
      state.mentionCount += fact.mentions ?? fact.evidence.length;
      this.countForms(state, fact.name.trim(), fact.aliases.map((a) => a.trim()).filter(Boolean), 1);
      entityIds.push(id);
      if (!idsByName.has(nameKey(fact.name))) idsByName.set(nameKey(fact.name), id);
      for (const alias of fact.aliases.map(nameKey))
        aliasOwners.set(alias, (aliasOwners.get(alias) ?? new Set<string>()).add(id));
    }
    for (const [alias, owners] of aliasOwners) {
      if (alias && owners.size === 1 && !idsByName.has(alias)) idsByName.set(alias, [...owners][0]);
    }
    return { idsByName, entityIds };
  }

  /** The live entities with any of these identity keys. */
  private liveCandidates(keys: ReadonlySet<string>): Array<{ _id: string; identityKeys: string[] }> {
    for (const id of this.unindexed) {
      for (const key of this.indexedKeys.get(id) ?? []) this.keyHolders.get(key)?.delete(id);
      const current = this.identityKeys(this.state(id));
      for (const key of current) addTo(this.keyHolders, key, id);
      this.indexedKeys.set(id, current);
    }
    this.unindexed.clear();
    const ids = new Set([...keys].flatMap((key) => [...(this.keyHolders.get(key) ?? [])]));
    return [...ids]
      .map((id) => this.state(id))
      .filter((state) => state.support.live)
      .map((state) => ({ _id: state.id, identityKeys: this.identityKeys(state) }));
  }

  /**
   * Reads the rivals of the facts' picks where a pick exists: every holder of a surname only
   * where some entity the surname alone names could be picked (rare), never every holder of
   * every surname the facts carry (a common surname has thousands).
   */
  private async loadRivals(facts: readonly PlacedFact[]): Promise<void> {
    const wanted = facts
      .flatMap((fact) => rivalKeysOf(fact, this.rules))
      .filter(({ rival }) => !this.rivalsRead.has(rival));
    if (!wanted.length) return;
    const candidates = this.liveCandidates(new Set(wanted.flatMap(({ rivalled }) => rivalled.keys))).map(
      (c) => new Set(c.identityKeys),
    );
    const rivals = new Set(
      wanted.filter(({ rivalled }) => candidates.some((keys) => probeAdmits(rivalled, keys))).map(({ rival }) => rival),
    );
    if (!rivals.size) return;
    const query: OverlaidQuery<NamedEntityDocument> = {
      filter: { identityKeys: { $in: [...rivals] } },
      test: (doc) => doc.identityKeys.some((key) => rivals.has(key)),
    };
    for (const doc of await this.reader.find(this.collection, query)) this.adopt(doc);
    for (const rival of rivals) this.rivalsRead.add(rival);
  }

  adjustMeetings(id: string, delta: number): void {
    const state = this.state(id);
    state.meetingCount += delta;
    state.touched = true;
  }

  /** A meeting of the entity appeared, disappeared or changed date. */
  updateLatestMeetings(id: string, meetingId: string, after: { date: string | null; live: boolean }): void {
    const state = this.state(id);
    state.latestMeetings.update(meetingId, after);
    state.touched = true;
  }

  /** The entities whose latest-meeting lists must be filled again, with how many meetings to read for each. */
  needingLatestMeetings(): Array<{ id: string; limit: number; refill: LatestMeetingsList['refill'] }> {
    return [...this.states.values()]
      .filter((state) => state.latestMeetings.needsRefill)
      .map((state) => ({
        id: state.id,
        limit: LATEST_MEETINGS + state.latestMeetings.changes,
        refill: (stored) => state.latestMeetings.refill(stored),
      }));
  }

  /** People: others met; organizations: members. */
  adjustRelations(id: string, delta: number): void {
    const state = this.state(id);
    state.relationCount += delta;
    state.touched = true;
  }

  /** The entities whose first or last date must be found again among their remaining facts. */
  needingDates(): Array<{ id: string; settle: (remaining: { first: string | null; last: string | null }) => void }> {
    return [...this.states.values()]
      .filter((state) => state.support.needsDates)
      .map((state) => ({ id: state.id, settle: (remaining) => state.support.settleDates(remaining) }));
  }

  /** The documents to write, tombstones apart, and what changed. */
  writes(): DerivedWrites {
    return derivedWrites(
      this.collection,
      this.states.values(),
      (state) => this.document(state),
      (state) => this.tombstone(state.id),
    );
  }

  private document(state: NamedState): Record<string, unknown> & { _id: string } {
    const names = state.forms.counts('name');
    const aliasCounts = state.forms.counts('alias');
    const name = mostUsed(names, preferFullerName) ?? '';
    const aliases = topOtherForms(name, names, aliasCounts);
    const base = {
      _id: state.id,
      slug: state.slug!,
      name,
      aliases,
      searchKeys: searchKeysOf([name, ...aliases]),
      identityKeys: this.identityKeys(state),
      ...state.support.fields(),
      meetingCount: state.meetingCount,
      latestMeetings: state.latestMeetings.toStored(),
      forms: state.forms.toStored(),
    };
    return this.kind === 'person'
      ? ({ ...base, mentionCount: state.mentionCount, metCount: state.relationCount } satisfies Omit<
          PersonDocument,
          'seq'
        >)
      : ({ ...base, memberCount: state.relationCount } satisfies Omit<OrganizationDocument, 'seq'>);
  }

  private tombstone(id: string): Record<string, unknown> & { _id: string } {
    const empty = {
      _id: id,
      slug: `~${id}`,
      name: '',
      aliases: [],
      searchKeys: [],
      identityKeys: [],
      articleCount: 0,
      evidenceCount: 0,
      firstSeen: null,
      lastSeen: null,
      meetingCount: 0,
      latestMeetings: [],
      forms: {},
    };
    return this.kind === 'person' ? { ...empty, mentionCount: 0, metCount: 0 } : { ...empty, memberCount: 0 };
  }

  private identityKeys(state: NamedState): string[] {
    if (!state.touched && storedLive(state.stored)) return state.stored.identityKeys;
    state.identityKeys ??= identityKeysFromForms(state.forms.counts('name'), state.forms.counts('alias'), this.rules);
    return state.identityKeys;
  }

  private countForms(state: NamedState, name: string, aliases: readonly string[], delta: number): void {
    if (name) state.forms.add('name', name, delta);
    for (const alias of new Set(aliases)) state.forms.add('alias', alias, delta);
    state.touched = true;
    state.identityKeys = null;
    this.unindexed.add(state.id);
  }

  /** A new entity (or a tombstone brought back) under the first free id of its name. */
  private async create(name: string): Promise<string> {
    const baseKey = nameKey(name);
    for (let n = 1; ; n++) {
      const id = stableId(this.kind, n === 1 ? baseKey : `${baseKey}#${n}`);
      await this.load([id]);
      const state = this.state(id);
      if (state.support.live) continue;
      state.slug = this.freeSlug(name, id);
      addTo(this.slugHolders, state.slug, id);
      state.touched = true;
      return id;
    }
  }

  /**
   * The name's slug, unless another entity holds it (still stored under it, even if this plan
   * empties it, or given it by this plan): then the slug with the start of the id.
   */
  private freeSlug(name: string, id: string): string {
    const base = slugOf(name);
    const suffixed = `${base ? `${base}-` : ''}${id.slice(0, SLUG_ID_SUFFIX_LENGTH)}`;
    if (!base) return suffixed;
    const holders = this.slugHolders.get(base);
    return holders && [...holders].some((other) => other !== id) ? suffixed : base;
  }

  private state(id: string): NamedState {
    const state = this.states.get(id);
    if (!state) throw new Error(`plan: ${this.kind} ${id} was not read before use`);
    return state;
  }

  private adopt(doc: NamedEntityDocument): void {
    if (this.states.has(doc._id)) return;
    const live = storedLive(doc);
    if (live) addTo(this.slugHolders, doc.slug, doc._id);
    this.unindexed.add(doc._id);
    const relationCount = live
      ? this.kind === 'person'
        ? (doc as PersonDocument).metCount
        : (doc as OrganizationDocument).memberCount
      : 0;
    this.states.set(doc._id, {
      id: doc._id,
      stored: doc,
      slug: live ? doc.slug : null,
      support: new SupportCounter(doc),
      mentionCount: live && this.kind === 'person' ? (doc as PersonDocument).mentionCount : 0,
      meetingCount: live ? doc.meetingCount : 0,
      relationCount,
      forms: new FormCounts(live ? doc.forms : null),
      latestMeetings: new LatestMeetingsList(live ? doc.latestMeetings : []),
      touched: false,
      identityKeys: null,
    });
  }

  private markAbsent(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.states.has(id)) {
        this.states.set(id, {
          id,
          stored: null,
          slug: null,
          support: new SupportCounter(null),
          mentionCount: 0,
          meetingCount: 0,
          relationCount: 0,
          forms: new FormCounts(null),
          latestMeetings: new LatestMeetingsList([]),
          touched: false,
          identityKeys: null,
        });
      }
    }
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

function identityKeysFromForms(
  names: ReadonlyMap<string, number>,
  aliases: ReadonlyMap<string, number>,
  rules: NameMatchRules,
): string[] {
  return identityKeysOf(
    [
      ...rankedForms(names)
        .slice(0, MAX_IDENTITY_FORMS)
        .map((name) => ({ name, aliases: [] })),
      { name: '', aliases: rankedForms(aliases).slice(0, MAX_IDENTITY_FORMS) },
    ],
    rules,
  );
}

/**
 * Every other form of the name (as a name or an alias), one per normalized key (its
 * alphabetically first spelling), the most used `MAX_ALIASES` of them, alphabetically.
 */
function topOtherForms(
  name: string,
  names: ReadonlyMap<string, number>,
  aliases: ReadonlyMap<string, number>,
): string[] {
  const byKey = new Map<string, { form: string; count: number }>();
  for (const [form, count] of [...names, ...aliases]) {
    const key = nameKey(form);
    if (!key || key === nameKey(name)) continue;
    const seen = byKey.get(key);
    byKey.set(key, { form: seen && seen.form < form ? seen.form : form, count: (seen?.count ?? 0) + count });
  }
  return [...byKey.values()]
    .sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : 1))
    .slice(0, MAX_ALIASES)
    .map((entry) => entry.form)
    .sort();
}
