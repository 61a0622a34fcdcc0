/**
 * The who-met-whom edges a plan touches: for each ordered pair of people, how many meetings they
 * shared. A meeting's participants never change, so an edge changes only when a meeting becomes
 * live or is emptied.
 */
import type { EncounterDocument } from '../documents/encounter.document';
import { stableId } from '../identity/stable-id';
import { sameContent } from './document.diff';
import type { DocumentWrite } from './load-plan.type';
import { byIds, type StoreReader } from './store.reader';

interface EncounterState {
  id: string;
  stored: EncounterDocument | null;
  personId: string;
  otherId: string;
  count: number;
}

const storedCount = (doc: EncounterDocument | null) => doc?.sharedMeetingCount ?? 0;

export class EncounterSpace {
  private readonly states = new Map<string, EncounterState>();
  constructor(private readonly reader: StoreReader) {}

  /** Reads the edges between every two of these meetings' people, in both directions. */
  async load(meetings: ReadonlyArray<ReadonlyArray<string>>): Promise<void> {
    const pairs = meetings.flatMap((people) =>
      people.flatMap((personId) =>
        people.filter((other) => other !== personId).map((otherId) => ({ personId, otherId })),
      ),
    );
    const unknown = pairs.filter((p) => !this.states.has(stableId('encounter', p.personId, p.otherId)));
    if (!unknown.length) return;
    const ids = unknown.map((p) => stableId('encounter', p.personId, p.otherId));
    const stored = new Map(
      (await this.reader.find('encounters', byIds<EncounterDocument>(ids))).map((doc) => [doc._id, doc] as const),
    );
    for (const { personId, otherId } of unknown) {
      const id = stableId('encounter', personId, otherId);
      const doc = stored.get(id) ?? null;
      this.states.set(id, { id, stored: doc, personId, otherId, count: storedCount(doc) });
    }
  }

  /** A meeting of these people became live (+1) or was emptied (-1). */
  adjust(people: readonly string[], change: number): void {
    for (const personId of people) {
      for (const otherId of people) {
        if (otherId !== personId) this.states.get(stableId('encounter', personId, otherId))!.count += change;
      }
    }
  }

  /** People whose number of others met changes, by how much. */
  metChanges(): Map<string, number> {
    const changes = new Map<string, number>();
    for (const state of this.states.values()) {
      const change = Number(state.count > 0) - Number(storedCount(state.stored) > 0);
      if (change) changes.set(state.personId, (changes.get(state.personId) ?? 0) + change);
    }
    return changes;
  }

  writes(): { writes: DocumentWrite[]; tombstones: DocumentWrite[] } {
    const writes: DocumentWrite[] = [];
    const tombstones: DocumentWrite[] = [];
    for (const state of this.states.values()) {
      const doc = {
        _id: state.id,
        personId: state.personId,
        otherId: state.otherId,
        sharedMeetingCount: Math.max(0, state.count),
      };
      if (sameContent(state.stored, doc) || (state.stored === null && doc.sharedMeetingCount === 0)) continue;
      (doc.sharedMeetingCount > 0 ? writes : tombstones).push({
        collection: 'encounters',
        doc,
        isNew: state.stored === null,
      });
    }
    return { writes, tombstones };
  }
}
