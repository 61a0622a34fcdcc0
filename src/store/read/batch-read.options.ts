import { ENTITY_BY_ID_READ_PROJECTION, NAMED_ENTITY_READ_PROJECTION, READ_PROJECTION } from './read.view';

/**
 * Options for the loaders' `$in` lookups: one batch large enough that a lookup for a page of
 * parents is answered by a single command, so the command count of a request does not grow with
 * how many rows it returns (the driver would otherwise follow 101 documents with `getMore`s).
 */
export const BATCH_READ_OPTIONS = { batchSize: 10_000 } as const;

/** The same, for derived documents read without the loaders' bookkeeping. */
export const BATCH_VIEW_OPTIONS = { ...BATCH_READ_OPTIONS, projection: READ_PROJECTION } as const;

/** The same, for people and organizations. */
export const BATCH_NAMED_ENTITY_OPTIONS = { ...BATCH_READ_OPTIONS, projection: NAMED_ENTITY_READ_PROJECTION } as const;

/** The same, for people and organizations read by id. */
export const BATCH_ENTITY_BY_ID_OPTIONS = { ...BATCH_READ_OPTIONS, projection: ENTITY_BY_ID_READ_PROJECTION } as const;
