/**
 * The explorer page in the browser: what newsgraph is and where its endpoint is, a field for the
 * API key, and GraphiQL with the query builder and the example operations. Everything it loads
 * comes from this server; Apollo Sandbox is only a link.
 */
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXPLORER_CONFIG_ELEMENT_ID, type ExplorerConfig } from '../explorer-config.type';
import { examplesPlugin } from './examples.plugin';
import { PageHeader } from './page-header.component';
import './monaco-workers.setup';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';

const config = JSON.parse(document.getElementById(EXPLORER_CONFIG_ELEMENT_ID)!.textContent!) as ExplorerConfig;
const endpointUrl = new URL(config.endpointPath, window.location.href).href;

/** Adds the key from the page's field as a bearer token, unless the headers editor sets its own. */
function fetcherWithApiKey(apiKey: () => string): Fetcher {
  const fetcher = createGraphiQLFetcher({ url: endpointUrl, enableIncrementalDelivery: false });
  return (params, options) => {
    const key = apiKey().trim();
    const headers = { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...options?.headers };
    return fetcher(params, { ...options, headers });
  };
}

const examples = examplesPlugin(config.examples);
const plugins = [examples, explorerPlugin()];
const [firstExample] = config.examples;

function ExplorerPage() {
  const [apiKey, setApiKey] = useState('');
  const currentApiKey = useRef(apiKey);
  // The fetcher reads the key when it sends, so GraphiQL keeps one fetcher (and its schema) throughout.
  const [fetcher] = useState(() => fetcherWithApiKey(() => currentApiKey.current));
  return (
    <div className="newsgraph-page">
      <PageHeader
        config={config}
        endpointUrl={endpointUrl}
        apiKey={apiKey}
        onApiKeyChange={(key) => {
          currentApiKey.current = key;
          setApiKey(key);
        }}
      />
      <div className="newsgraph-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={plugins}
          visiblePlugin={examples}
          defaultEditorToolsVisibility="variables"
          defaultTabs={firstExample ? [{ query: firstExample.query, variables: firstExample.variables }] : undefined}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById('newsgraph-explorer')!).render(
  <StrictMode>
    <ExplorerPage />
  </StrictMode>,
);
