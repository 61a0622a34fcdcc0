/** What the server tells the explorer page, as JSON inside the page: shared by the page and the server. */

/** One operation of `schema/examples`, with the variables its comment gives. */
export interface ExampleOperation {
  /** The file name without `.graphql`, e.g. `person-with-meetings`. */
  name: string;
  /** The operation's own name, e.g. `PersonWithMeetings`. */
  title: string;
  /** The file's leading comment, without the variables. */
  description: string;
  query: string;
  /** JSON, formatted for the variables editor; `{}` when the example takes none. */
  variables: string;
}

export interface ExplorerConfig {
  /** The GraphQL path on this server. */
  endpointPath: string;
  examples: ExampleOperation[];
  /** False when the server has no NEWSGRAPH_API_KEY, so every mutation is refused. */
  mutationsEnabled: boolean;
  /** False when NEWSGRAPH_INTROSPECTION is off: no schema for docs, completion or the query builder. */
  introspection: boolean;
}

/** The id of the `<script type="application/json">` element that carries the configuration. */
export const EXPLORER_CONFIG_ELEMENT_ID = 'newsgraph-explorer-config';
