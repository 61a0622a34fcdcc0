/** explorer: the offline GraphQL explorer page (GraphiQL bundled from npm packages) that the server shows browsers at `/`. */
export { explorerRoute, renderExplorerPage, EXPLORER_ASSET_PREFIX, type ExplorerRoute } from './explorer.route';
export { explorerAssets, type ExplorerAssets } from './explorer.bundler';
export { readExampleOperations, exampleOperation, EXAMPLES_DIR } from './example-operations.reader';
export type { ExplorerConfig, ExampleOperation } from './explorer-config.type';
