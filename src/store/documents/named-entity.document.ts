import type { MeetingRef } from './latest-meetings';
import type { StoredForms, SupportedDocument } from './support.document';

/** What people and organizations have alike. */
export interface NamedEntityDocument extends SupportedDocument {
  /** Stable id derived from the normalized name the entity was first stored under. */
  slug: string;
  /** The form of the name most articles use (fuller forms win ties). */
  name: string;
  /** Other forms of the name, the most used first, at most `MAX_ALIASES`, in alphabetical order. */
  aliases: string[];
  /** Lower-cased, diacritic-free forms of the name and aliases, matched by anchored prefix in search. */
  searchKeys: string[];
  /** Normalized `name:`, `alias:` (and for people `surname:`) forms that later articles are matched against. */
  identityKeys: string[];
  /** Meetings (not tombstones) it took part in. */
  meetingCount: number;
  /** The latest of those meetings, the first page of its meetings (`latest-meetings.ts`). */
  latestMeetings: MeetingRef[];
  /** How many facts write each form of the name (`name`) and of an alias (`alias`): what name and aliases derive from. */
  forms: StoredForms;
}

export interface PersonDocument extends NamedEntityDocument {
  /** Mentions over all articles. */
  mentionCount: number;
  /** Other people met in at least one meeting. */
  metCount: number;
}

export interface OrganizationDocument extends NamedEntityDocument {
  /** People affiliated with it. */
  memberCount: number;
}
