/** The affiliations (a person's membership of an organization) a plan touches, counted per article. */
import type { AffiliationFact } from '../../extract';
import type { AffiliationReportDocument } from '../documents/affiliation-report.document';
import { supportRankOf, type AffiliationDocument } from '../documents/affiliation.document';
import { nameKey } from '../identity/name-key';
import { stableId } from '../identity/stable-id';
import { groupBy, sumEvidence } from './grouping.util';
import type { ArticleFactsPlan, DocumentWrite } from './load-plan.type';
import type { StoreReader } from './store.reader';
import { NO_SUPPORT, storedLive, SupportedStates, type SupportedState } from './supported.states';

type AffiliationState = SupportedState<AffiliationDocument> & { personId: string; organizationId: string };

export interface PlacedAffiliation {
  ordinal: number;
  fact: AffiliationFact;
  personId: string;
  organizationId: string;
  id: string;
}

export function affiliationIdOf(personId: string, organizationId: string): string {
  return stableId('affiliation', personId, organizationId);
}

/** The affiliation facts of an article whose member and organization resolved. */
export function resolveAffiliations(
  affiliations: readonly AffiliationFact[],
  personIds: ReadonlyMap<string, string>,
  organizationIds: ReadonlyMap<string, string>,
): PlacedAffiliation[] {
  return affiliations.flatMap((fact, ordinal) => {
    const personId = personIds.get(nameKey(fact.member));
    const organizationId = organizationIds.get(nameKey(fact.organization));
    if (!personId || !organizationId) return [];
    return [{ ordinal, fact, personId, organizationId, id: affiliationIdOf(personId, organizationId) }];
  });
}

export class AffiliationSpace {
  readonly states: SupportedStates<AffiliationDocument, AffiliationState>;

  constructor(reader: StoreReader) {
    this.states = new SupportedStates<AffiliationDocument, AffiliationState>(reader, 'affiliations', (_id, doc) => ({
      personId: doc?.personId ?? '',
      organizationId: doc?.organizationId ?? '',
    }));
  }

  prepare(old: readonly AffiliationReportDocument[], placed: readonly PlacedAffiliation[]): Promise<void> {
    return this.states.load([
      ...old.map((a) => affiliationIdOf(a.personId, a.organizationId)),
      ...placed.map((a) => a.id),
    ]);
  }

  takeOut(reports: readonly AffiliationReportDocument[]): void {
    for (const group of groupBy(reports, (a) => affiliationIdOf(a.personId, a.organizationId)).values()) {
      const state = this.states.get(affiliationIdOf(group[0].personId, group[0].organizationId));
      state.support.takeOut({ date: group[0].date, evidence: sumEvidence(group) });
      state.touched = true;
    }
  }

  putIn(placed: readonly PlacedAffiliation[], date: string | null): ArticleFactsPlan['affiliations'] {
    for (const group of groupBy(placed, (a) => a.id).values()) {
      const state = this.states.get(group[0].id);
      state.personId = group[0].personId;
      state.organizationId = group[0].organizationId;
      state.support.putIn({ date, evidence: sumEvidence(group.map((a) => a.fact)) });
      state.touched = true;
    }
    return placed.map(({ ordinal, personId, organizationId }) => ({ ordinal, personId, organizationId }));
  }

  /** Organizations whose member count changes, by how much. */
  memberChanges(): Map<string, number> {
    const changes = new Map<string, number>();
    for (const state of this.states.all()) {
      const change = Number(state.support.live) - Number(storedLive(state.stored));
      if (change) changes.set(state.organizationId, (changes.get(state.organizationId) ?? 0) + change);
    }
    return changes;
  }

  writes(): { writes: DocumentWrite[]; tombstones: DocumentWrite[] } {
    const doc = (state: AffiliationState, support = state.support.fields()) => ({
      _id: state.id,
      personId: state.personId,
      organizationId: state.organizationId,
      ...support,
      supportRank: supportRankOf(support.articleCount, support.lastSeen),
    });
    return this.states.writes(
      (state) => doc(state),
      (state) => doc(state, NO_SUPPORT),
    );
  }
}
