/** The band above GraphiQL: what newsgraph is, the endpoint, the API key field, and the way out to Apollo Sandbox. */
import type { ExplorerConfig } from '../explorer-config.type';

interface PageHeaderProps {
  config: ExplorerConfig;
  endpointUrl: string;
  apiKey: string;
  onApiKeyChange(key: string): void;
}

export function PageHeader({ config, endpointUrl, apiKey, onApiKeyChange }: PageHeaderProps) {
  const sandboxUrl = `https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(endpointUrl)}`;
  const curl = `curl -s ${endpointUrl} -H 'content-type: application/json' -d '{"query":"{ articles { totalCount } }"}'`;
  return (
    <header className="newsgraph-header">
      <div className="newsgraph-about">
        <h1>newsgraph</h1>
        <p>
          A GraphQL API over people, the offices they hold, the meetings between them and the news articles that report
          it all; every fact points back to the sentence it came from.
        </p>
      </div>
      <dl className="newsgraph-facts">
        <dt>Endpoint</dt>
        <dd>
          <code data-testid="endpoint">{endpointUrl}</code> (POST JSON)
          <details>
            <summary>from a script</summary>
            <code>{curl}</code>
          </details>
        </dd>
        <dt>
          <label htmlFor="newsgraph-api-key">API key</label>
        </dt>
        <dd>
          {/* A form only so that browsers treat the key as a password; it is never submitted. */}
          <form className="newsgraph-api-key" onSubmit={(event) => event.preventDefault()}>
            <input
              id="newsgraph-api-key"
              type="password"
              autoComplete="off"
              size={34}
              placeholder="NEWSGRAPH_API_KEY, for mutations"
              value={apiKey}
              onChange={(event) => onApiKeyChange(event.target.value)}
            />
          </form>{' '}
          sent as <code>Authorization: Bearer …</code>
          {config.mutationsEnabled ? null : (
            <span className="newsgraph-note">
              {' '}
              (this server has no key, so mutations are off: start it with <code>NEWSGRAPH_API_KEY</code> set)
            </span>
          )}
        </dd>
        {config.introspection ? null : (
          <>
            <dt>Schema</dt>
            <dd className="newsgraph-note">
              introspection is off (<code>NEWSGRAPH_INTROSPECTION=false</code>): no docs, completion or query builder
            </dd>
          </>
        )}
        <dt>Online</dt>
        <dd>
          <a href={sandboxUrl} target="_blank" rel="noreferrer">
            Open this endpoint in Apollo Sandbox
          </a>{' '}
          (loads from apollographql.com)
        </dd>
      </dl>
    </header>
  );
}
