import type { SequencedFields } from './support.document';

/** One edge of the who-met-whom graph, one per direction: how many meetings two people shared. */
export interface EncounterDocument extends SequencedFields {
  personId: string;
  otherId: string;
  /** 0 marks a tombstone. */
  sharedMeetingCount: number;
}
