/**
 * The offices and office holders a plan touches. One office per canonical title and resolved
 * jurisdiction; a holding whose article names no jurisdiction gets an office of its holder
 * alone. An office's and a holder's support count articles: two facts of one article showing
 * the same holding count once.
 */
import type { JurisdictionKind, OfficeFact } from '../../extract';
import type { HoldingReportDocument } from '../documents/holding-report.document';
import type { OfficeDocument, OfficeHolderDocument } from '../documents/office.document';
import { nameKey, searchKeysOf } from '../identity/name-key';
import { officeKey, officeTitleKey } from '../identity/office-key';
import { stableId } from '../identity/stable-id';
import { FormCounts, mostUsed } from './form.counts';
import type { ArticleFactsPlan, DocumentWrite, EntityChangeIds } from './load-plan.type';
import { groupBy, sumEvidence } from './grouping.util';
import type { StoreReader } from './store.reader';
import { NO_SUPPORT, storedLive, SupportedStates, type SupportedState } from './supported.states';

interface OfficeState extends SupportedState<OfficeDocument> {
  key: string | null;
  jurisdictionKind: JurisdictionKind | null;
  jurisdictionCode: string | null;
  holderId: string | null;
  holderCount: number;
  forms: FormCounts;
}

type HolderState = SupportedState<OfficeHolderDocument> & { officeId: string; personId: string };

/** One office fact of an article, with its holder and office resolved. */
export interface PlacedHolding {
  ordinal: number;
  fact: OfficeFact;
  personId: string;
  key: string;
  officeId: string;
  holderId: string;
}

export function holderIdOf(officeId: string, personId: string): string {
  return stableId('office-holder', officeId, personId);
}

/** The office facts of an article whose holder resolved, with their offices' keys and ids. */
export function resolveHoldings(
  offices: readonly OfficeFact[],
  personIds: ReadonlyMap<string, string>,
): PlacedHolding[] {
  return offices.flatMap((fact, ordinal) => {
    const personId = personIds.get(nameKey(fact.holder));
    const title = fact.canonicalTitle.trim() || fact.title.trim();
    if (!personId || !officeTitleKey(title)) return [];
    const key = officeKey(title, fact.jurisdictionRef, personId);
    const officeId = stableId('office', key);
    return [{ ordinal, fact, personId, key, officeId, holderId: holderIdOf(officeId, personId) }];
  });
}

const titleOf = (fact: OfficeFact) => fact.canonicalTitle.trim() || fact.title.trim();

export class OfficeSpace {
  readonly offices: SupportedStates<OfficeDocument, OfficeState>;
  readonly holders: SupportedStates<OfficeHolderDocument, HolderState>;

  constructor(reader: StoreReader) {
    this.offices = new SupportedStates<OfficeDocument, OfficeState>(reader, 'offices', (_id, doc) => {
      const live = storedLive(doc);
      return {
        key: live ? doc.key : null,
        jurisdictionKind: live ? doc.jurisdictionKind : null,
        jurisdictionCode: live ? doc.jurisdictionCode : null,
        holderId: live ? doc.holderId : null,
        holderCount: live ? doc.holderCount : 0,
        forms: new FormCounts(live ? doc.forms : null),
      };
    });
    this.holders = new SupportedStates<OfficeHolderDocument, HolderState>(reader, 'officeHolders', (_id, doc) => ({
      officeId: doc?.officeId ?? '',
      personId: doc?.personId ?? '',
    }));
  }

  async prepare(old: readonly HoldingReportDocument[], placed: readonly PlacedHolding[]): Promise<void> {
    const officeIds = [...old.map((h) => h.officeId), ...placed.map((h) => h.officeId)];
    await Promise.all([
      this.offices.load(officeIds),
      this.holders.load([...old.map((h) => holderIdOf(h.officeId, h.personId)), ...placed.map((h) => h.holderId)]),
    ]);
  }

  /** Takes out one article's holdings. */
  takeOut(holdings: readonly HoldingReportDocument[]): void {
    for (const group of groupBy(holdings, (h) => h.officeId).values()) {
      const office = this.offices.get(group[0].officeId);
      office.support.takeOut({ date: group[0].date, evidence: sumEvidence(group) });
      office.touched = true;
      for (const h of group) {
        office.forms.add('title', h.canonicalTitle || h.title, -1);
        if (h.jurisdictionRef) office.forms.add('jurisdiction', h.jurisdictionRef.name, -1);
      }
    }
    for (const group of groupBy(holdings, (h) => holderIdOf(h.officeId, h.personId)).values()) {
      const holder = this.holders.get(holderIdOf(group[0].officeId, group[0].personId));
      holder.support.takeOut({ date: group[0].date, evidence: sumEvidence(group) });
      holder.touched = true;
    }
  }

  /** Puts in one article's holdings and says where each went. */
  putIn(placed: readonly PlacedHolding[], date: string | null): ArticleFactsPlan['holdings'] {
    for (const group of groupBy(placed, (h) => h.officeId).values()) {
      const office = this.offices.get(group[0].officeId);
      if (!office.support.live && office.key === null) {
        const { fact, key, personId } = group[0];
        office.key = key;
        office.jurisdictionKind = fact.jurisdictionRef?.kind ?? null;
        office.jurisdictionCode = fact.jurisdictionRef?.code ?? null;
        office.holderId = fact.jurisdictionRef ? null : personId;
      }
      office.support.putIn({ date, evidence: sumEvidence(group.map((h) => h.fact)) });
      office.touched = true;
      for (const { fact } of group) {
        office.forms.add('title', titleOf(fact), 1);
        if (fact.jurisdictionRef) office.forms.add('jurisdiction', fact.jurisdictionRef.name, 1);
      }
    }
    for (const group of groupBy(placed, (h) => h.holderId).values()) {
      const holder = this.holders.get(group[0].holderId);
      holder.officeId = group[0].officeId;
      holder.personId = group[0].personId;
      holder.support.putIn({ date, evidence: sumEvidence(group.map((h) => h.fact)) });
      holder.touched = true;
    }
    return placed.map(({ ordinal, officeId, personId }) => ({ ordinal, officeId, personId }));
  }

  /** Counts each office's holders, once every holding of the plan is in. */
  settleHolderCounts(): void {
    for (const holder of this.holders.all()) {
      if (!holder.touched) continue;
      const change = Number(holder.support.live) - Number(storedLive(holder.stored));
      if (!change) continue;
      const office = this.offices.get(holder.officeId);
      office.holderCount += change;
      office.touched = true;
    }
  }

  writes(): {
    offices: { writes: DocumentWrite[]; tombstones: DocumentWrite[]; changes: EntityChangeIds };
    holders: { writes: DocumentWrite[]; tombstones: DocumentWrite[] };
  } {
    const offices = this.offices.writes(
      (state) => {
        const title = mostUsed(state.forms.counts('title')) ?? '';
        const jurisdiction = state.holderId ? null : mostUsed(state.forms.counts('jurisdiction'));
        return {
          _id: state.id,
          key: state.key!,
          title,
          jurisdiction,
          jurisdictionKind: state.jurisdictionKind,
          jurisdictionCode: state.jurisdictionCode,
          holderId: state.holderId,
          holderCount: state.holderCount,
          ...state.support.fields(),
          // An office of its holder alone is not part of the office graph, so search does not list it.
          searchKeys: state.holderId
            ? []
            : searchKeysOf([title, jurisdiction, jurisdiction && `${jurisdiction} ${title}`]),
          forms: state.forms.toStored(),
        } satisfies Omit<OfficeDocument, 'seq'>;
      },
      (state) =>
        ({
          _id: state.id,
          key: `~${state.id}`,
          title: '',
          jurisdiction: null,
          jurisdictionKind: null,
          jurisdictionCode: null,
          holderId: null,
          holderCount: 0,
          ...NO_SUPPORT,
          searchKeys: [],
          forms: {},
        }) satisfies Omit<OfficeDocument, 'seq'>,
    );
    const holders = this.holders.writes(
      (state) =>
        ({
          _id: state.id,
          officeId: state.officeId,
          personId: state.personId,
          ...state.support.fields(),
        }) satisfies Omit<OfficeHolderDocument, 'seq'>,
      (state) => ({ _id: state.id, officeId: state.officeId, personId: state.personId, ...NO_SUPPORT }),
    );
    return { offices, holders };
  }
}
