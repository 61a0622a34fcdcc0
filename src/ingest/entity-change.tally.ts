/**
 * Folds the per-article changes of a run into per-entity outcomes: an entity added and then
 * updated by later articles counts once as added; one removed and added again counts as updated.
 */
import { ENTITY_COLLECTIONS, type EntityChanges, type EntityCollection } from '../store';
import type { ChangeCounts } from './seed-summary.type';

type Outcome = 'added' | 'updated' | 'removed';

export class EntityChangeTally {
  private readonly outcomes = new Map<EntityCollection, Map<string, Outcome>>(
    ENTITY_COLLECTIONS.map((name) => [name, new Map()]),
  );

  record(changes: EntityChanges): void {
    for (const name of ENTITY_COLLECTIONS) {
      const outcomes = this.outcomes.get(name)!;
      const { added, updated, removed } = changes[name];
      for (const id of added) outcomes.set(id, outcomes.get(id) === 'removed' ? 'updated' : 'added');
      for (const id of updated) if (outcomes.get(id) !== 'added') outcomes.set(id, 'updated');
      for (const id of removed) {
        if (outcomes.get(id) === 'added') outcomes.delete(id);
        else outcomes.set(id, 'removed');
      }
    }
  }

  /** The counts, given how many documents the collection holds after the run. */
  counts(name: EntityCollection, total: number): ChangeCounts {
    const counts: ChangeCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
    for (const outcome of this.outcomes.get(name)!.values()) counts[outcome]++;
    counts.unchanged = total - counts.added - counts.updated;
    return counts;
  }
}
