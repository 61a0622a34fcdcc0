/**
 * A graph of many people, offices and meetings, loaded through the store's own loader from
 * extraction records, for tests that need volume with known shape (not extraction quality):
 * host i holds an office and meets visitor i and visitor i+1 with an organization present, of
 * which visitor i is a member and an envoy (an office whose jurisdiction is the organization).
 * Hosts' names sort before every visitor's, so a page of hosts always has participants beyond it.
 */
import type { Db } from 'mongodb';
import type { Evidence, ExtractionRecord } from '../../src/extract';
import { loadExtractions } from '../../src/store';

const HOST_FIRST = ['Aaron', 'Abel', 'Adam', 'Adrian', 'Alan', 'Albert', 'Alex', 'Alfred', 'Allen', 'Alvin'];
const VISITOR_FIRST = ['Walter', 'Wayne', 'Wesley', 'Wilbur', 'Willis', 'Xavier', 'Yusuf', 'Yves', 'Zane', 'Zeke'];
const SURNAMES = ['Baker', 'Carter', 'Dawson', 'Ellis', 'Fisher', 'Graham', 'Hughes', 'Irving', 'Jensen', 'Keller'];

export const MAX_HOSTS = HOST_FIRST.length * SURNAMES.length;

export const hostName = (i: number): string => `${HOST_FIRST[i % 10]} ${SURNAMES[Math.floor(i / 10) % 10]}`;
export const visitorName = (i: number): string => `${VISITOR_FIRST[i % 10]} ${SURNAMES[Math.floor(i / 10) % 10]}`;

function articleFor(i: number, hosts: number): { record: ExtractionRecord; text: string } {
  const host = hostName(i);
  const visitors = [visitorName(i), visitorName((i + 1) % hosts)];
  const council = `${SURNAMES[i % 10]} Trade Council`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const text = `${host}, Governor of ${SURNAMES[i % 10]} Province, met ${visitors.join(' and ')} with the ${council} on 2021-03-${day}.`;
  const evidence: Evidence[] = [{ text, start: 0, end: text.length }];
  const meeting = (visitor: string, date: string) => ({
    date,
    datePrecision: 'day' as const,
    location: 'Springfield',
    participants: [host, visitor, council],
    roles: [
      { name: host, kind: 'person' as const, role: 'host' as const },
      { name: visitor, kind: 'person' as const, role: 'visitor' as const },
      { name: council, kind: 'organization' as const, role: 'attendee' as const },
    ],
    evidence,
  });
  return {
    text,
    record: {
      source: `fixture-${String(i).padStart(3, '0')}.txt`,
      title: `${host} meets visitors`,
      publishedOn: `2021-03-${day}`,
      referenceDate: `2021-03-${day}`,
      paragraphs: [{ start: 0, end: text.length }],
      people: [host, ...visitors].map((name) => ({ name, aliases: [], mentions: 1, evidence })),
      organizations: [{ name: council, aliases: [], evidence }],
      offices: [
        {
          holder: host,
          title: 'Governor',
          jurisdiction: `${SURNAMES[i % 10]} Province`,
          canonicalTitle: 'Governor',
          jurisdictionRef: { kind: 'region', name: `${SURNAMES[i % 10]} Province`, code: null },
          evidence,
        },
        {
          holder: visitors[0],
          title: 'Envoy',
          jurisdiction: council,
          canonicalTitle: 'Envoy',
          jurisdictionRef: { kind: 'organization', name: council, code: null },
          evidence,
        },
      ],
      affiliations: [{ member: visitors[0], organization: council, evidence }],
      meetings: [meeting(visitors[0], `2021-03-${day}`), meeting(visitors[1], `2021-04-${day}`)],
    },
  };
}

/** Loads the articles of `hosts` hosts, a batch at a time (the same result as one by one). */
export async function loadMeetingGraph(db: Db, hosts: number): Promise<void> {
  if (hosts > MAX_HOSTS) throw new Error(`at most ${MAX_HOSTS} hosts`);
  const BATCH = 20;
  for (let first = 0; first < hosts; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, hosts - first) }, (_, i) => articleFor(first + i, hosts));
    await loadExtractions(db, batch);
  }
}
