/**
 * Office holders, meeting participants, affiliated members and organizations, and organizations
 * that are an office's jurisdiction, that a record names without listing them among its people
 * or organizations (by name or alias) get entries of their own, with the fact's evidence, so
 * that every reference in the record resolves to a stored entity and nothing found is lost.
 */
import type { Evidence, ExtractionRecord, OrganizationFact, PersonFact } from '../../extract';
import { nameKey } from '../identity/name-key';

export interface RecordEntities {
  people: PersonFact[];
  organizations: OrganizationFact[];
}

export function entitiesOf(record: ExtractionRecord): RecordEntities {
  const people = record.people.filter((p) => nameKey(p.name));
  const organizations = record.organizations.filter((o) => nameKey(o.name));
  const formsOf = (fact: { name: string; aliases: string[] }) => [fact.name, ...fact.aliases].map(nameKey);
  const personKeys = new Set(people.flatMap(formsOf));
  const organizationKeys = new Set(organizations.flatMap(formsOf));
  const known = (key: string) => !key || personKeys.has(key) || organizationKeys.has(key);

  const addPerson = (name: string, evidence: Evidence[]) => {
    const key = nameKey(name);
    if (known(key)) return;
    personKeys.add(key);
    people.push({ name: name.trim(), aliases: [], mentions: 1, evidence });
  };
  const addOrganization = (name: string, evidence: Evidence[]) => {
    const key = nameKey(name);
    if (known(key)) return;
    organizationKeys.add(key);
    organizations.push({ name: name.trim(), aliases: [], evidence });
  };

  for (const office of record.offices) {
    addPerson(office.holder, office.evidence);
    if (office.jurisdictionRef?.kind === 'organization') addOrganization(office.jurisdictionRef.name, office.evidence);
  }
  for (const affiliation of record.affiliations) {
    addPerson(affiliation.member, affiliation.evidence);
    addOrganization(affiliation.organization, affiliation.evidence);
  }
  for (const meeting of record.meetings) {
    for (const name of meeting.participants) {
      const kind = meeting.roles.find((r) => nameKey(r.name) === nameKey(name))?.kind ?? 'person';
      if (kind === 'organization') addOrganization(name, meeting.evidence);
      else addPerson(name, meeting.evidence);
    }
  }
  return { people, organizations };
}

/**
 * The date the article shows its facts: its publication date, else the date it speaks from. An
 * undated article has none: the meetings it reports may be history (`talks in 1994`), not news.
 */
export function articleDateOf(record: ExtractionRecord): string | null {
  return record.publishedOn ?? record.referenceDate ?? null;
}
