/** A meeting's document, derived from every article's report of it. */
import type { DatePrecision } from '../extract';
import {
  articleIdsOf,
  evidenceOf,
  mostFrequent,
  sortContributions,
  sortedUnique,
  type EvidenceTexts,
  type Derived,
} from './contribution.derivation';
import type { MeetingContribution, MeetingDocument, MeetingParticipantDocument } from './meeting.document';

/** The fields fixed when the meeting is first stored. */
export interface MeetingIdentity {
  _id: string;
  key: string;
}

const PRECISION_BY_LENGTH: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };

/** The most precise date the reports give (reports of one meeting agree up to precision). */
function preciseDate(contributions: readonly MeetingContribution[]): {
  date: string | null;
  datePrecision: DatePrecision | null;
} {
  const dates = contributions.map((c) => c.date).filter((d): d is string => d !== null);
  const longest = Math.max(0, ...dates.map((d) => d.length));
  const date = mostFrequent(dates.filter((d) => d.length === longest));
  return { date, datePrecision: date ? (PRECISION_BY_LENGTH[date.length] ?? null) : null };
}

function participantsOf(contributions: readonly MeetingContribution[]): MeetingParticipantDocument[] {
  const byRef = new Map<string, MeetingParticipantDocument[]>();
  for (const p of contributions.flatMap((c) => c.participants)) {
    const ref = `${p.kind}:${p.refId}`;
    byRef.set(ref, [...(byRef.get(ref) ?? []), p]);
  }
  return [...byRef.keys()].sort().map((ref) => {
    const reports = byRef.get(ref)!;
    const role = mostFrequent(reports.map((p) => p.role)) as MeetingParticipantDocument['role'];
    return { kind: reports[0].kind, refId: reports[0].refId, role };
  });
}

export function deriveMeeting(
  identity: MeetingIdentity,
  contributions: readonly MeetingContribution[],
  texts: EvidenceTexts,
): Derived<MeetingDocument> {
  const sorted = sortContributions(contributions);
  const participants = participantsOf(sorted);
  return {
    _id: identity._id,
    key: identity.key,
    ...preciseDate(sorted),
    location: mostFrequent(sorted.map((c) => c.location)),
    participants,
    personIds: sortedUnique(participants.filter((p) => p.kind === 'person').map((p) => p.refId)),
    organizationIds: sortedUnique(participants.filter((p) => p.kind === 'organization').map((p) => p.refId)),
    articleIds: articleIdsOf(sorted),
    evidence: evidenceOf(sorted, texts),
    contributions: sorted,
  };
}
