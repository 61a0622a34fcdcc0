/**
 * The explorer page at `/` (and `/graphql`) for browsers, and its files under `/explorer/`. The
 * page's Content-Security-Policy lets it load only from this server (fonts and icons are inside
 * the stylesheet), so a browser enforces what the page promises: it works with no network.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { explorerAssets, type ExplorerAssets } from './explorer.bundler';
import { EXPLORER_CONFIG_ELEMENT_ID, type ExplorerConfig } from './explorer-config.type';
import { readExampleOperations } from './example-operations.reader';

export const EXPLORER_ASSET_PREFIX = '/explorer/';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco and GraphiQL set styles on elements as they lay them out.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** JSON that can sit inside a `<script>` element: no `</script>` or comment opener can form. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderExplorerPage(config: ExplorerConfig, assets: Pick<ExplorerAssets, 'fingerprint'>): string {
  const base = `${EXPLORER_ASSET_PREFIX}${assets.fingerprint}/`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgraph · GraphQL explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}explorer.css">
</head>
<body>
<noscript>newsgraph: the GraphQL explorer needs JavaScript. The API answers POST requests at ${config.endpointPath}.</noscript>
<div id="newsgraph-explorer"></div>
<script id="${EXPLORER_CONFIG_ELEMENT_ID}" type="application/json">${scriptSafeJson(config)}</script>
<script src="${base}explorer.js"></script>
</body>
</html>
`;
}

/** A browser asking for a page: Apollo's rule too (a GET that prefers HTML, without a query). */
function wantsPage(request: IncomingMessage, url: URL): boolean {
  if (url.searchParams.has('query')) return false;
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

export interface ExplorerRoute {
  /** Whether this request is for the page or its files. */
  handles(request: IncomingMessage, url: URL): boolean;
  serve(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

export function explorerRoute({
  pagePaths,
  config,
}: {
  pagePaths: ReadonlySet<string>;
  config: Omit<ExplorerConfig, 'examples'>;
}): ExplorerRoute {
  let page: Promise<string> | undefined;
  const renderPage = async (): Promise<string> => {
    const [assets, examples] = await Promise.all([explorerAssets(), readExampleOperations()]);
    return renderExplorerPage({ ...config, examples }, assets);
  };

  async function serveAsset(response: ServerResponse, url: URL): Promise<void> {
    const assets = await explorerAssets();
    const [fingerprint, name] = url.pathname.slice(EXPLORER_ASSET_PREFIX.length).split('/');
    if (fingerprint !== assets.fingerprint || !assets.files.has(name)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such explorer file\n');
      return;
    }
    const body = await readFile(path.join(assets.dir, name));
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
      // The fingerprint in the URL changes with the content.
      'cache-control': 'public, max-age=31536000, immutable',
    });
    response.end(body);
  }

  return {
    handles(request, url) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (url.pathname.startsWith(EXPLORER_ASSET_PREFIX)) return true;
      return pagePaths.has(url.pathname) && wantsPage(request, url);
    },
    async serve(_request, response, url) {
      if (url.pathname.startsWith(EXPLORER_ASSET_PREFIX)) return serveAsset(response, url);
      page ??= renderPage();
      page.catch(() => (page = undefined));
      const html = await page;
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      });
      response.end(html);
    },
  };
}
