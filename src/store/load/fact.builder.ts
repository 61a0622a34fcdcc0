/**
 * The fact documents of one article version: what its extraction record states, with the
 * references resolved as the plan decided. The plan builder and the executor build them with
 * this one function, so what is counted is exactly what is written.
 */
import type { Evidence } from '../../extract';
import type { AffiliationReportDocument } from '../documents/affiliation-report.document';
import type { EvidenceSpan } from '../documents/evidence.document';
import type { HoldingReportDocument } from '../documents/holding-report.document';
import type { MeetingReportDocument } from '../documents/meeting-report.document';
import type { MentionDocument } from '../documents/mention.document';
import { factIdsOf, type FactKind } from '../identity/stable-id';
import { entitiesOf } from './extraction-record.completion';
import type { ArticleDraft } from './load-entry.document';
import type { ArticleFactsPlan } from './load-plan.type';

export interface ArticleFacts {
  mentions: MentionDocument[];
  holdingReports: HoldingReportDocument[];
  affiliationReports: AffiliationReportDocument[];
  meetingReports: MeetingReportDocument[];
}

export type FactCollection = keyof ArticleFacts;
export const FACT_COLLECTIONS: readonly FactCollection[] = [
  'mentions',
  'holdingReports',
  'affiliationReports',
  'meetingReports',
];

export function buildFacts(
  draft: Pick<ArticleDraft, 'articleId' | 'version' | 'text' | 'record'>,
  plan: ArticleFactsPlan,
  date: string | null,
  writtenBy: number,
): ArticleFacts {
  const { articleId, version, text, record } = draft;
  const spans = (evidence: readonly Evidence[]): EvidenceSpan[] =>
    evidence.map((e) => ({ start: e.start, end: e.end, text: text.slice(e.start, e.end) }));
  const factId = factIdsOf(articleId, version);
  const base = (kind: FactKind, ordinal: number, evidence: readonly Evidence[]) => ({
    _id: factId(kind, ordinal),
    articleId,
    version,
    ordinal,
    date,
    evidence: spans(evidence),
    writtenBy,
  });
  const entities = entitiesOf(record);
  return {
    mentions: plan.mentions.map(({ kind, ordinal, entityId }) => {
      const fact = kind === 'person' ? entities.people[ordinal] : entities.organizations[ordinal];
      const person = kind === 'person' ? entities.people[ordinal] : null;
      return {
        ...base(kind, ordinal, fact.evidence),
        kind,
        entityId,
        name: fact.name.trim(),
        aliases: fact.aliases.map((a) => a.trim()).filter(Boolean),
        mentions: person ? person.mentions : fact.evidence.length,
      };
    }),
    holdingReports: plan.holdings.map(({ ordinal, officeId, personId }) => {
      const fact = record.offices[ordinal];
      return {
        ...base('holding', ordinal, fact.evidence),
        officeId,
        personId,
        holder: fact.holder.trim(),
        title: fact.title.trim(),
        canonicalTitle: fact.canonicalTitle.trim(),
        jurisdiction: fact.jurisdiction?.trim() || null,
        jurisdictionRef: fact.jurisdictionRef,
      };
    }),
    affiliationReports: plan.affiliations.map(({ ordinal, personId, organizationId }) => {
      const fact = record.affiliations[ordinal];
      return {
        ...base('affiliation', ordinal, fact.evidence),
        personId,
        organizationId,
        member: fact.member.trim(),
        organization: fact.organization.trim(),
      };
    }),
    meetingReports: plan.reports.map(({ ordinal, meetingId, participants }) => {
      const fact = record.meetings[ordinal];
      return {
        ...base('meeting', ordinal, fact.evidence),
        meetingId,
        meetingDate: fact.date,
        datePrecision: fact.datePrecision,
        location: fact.location?.trim() || null,
        participants,
      };
    }),
  };
}
