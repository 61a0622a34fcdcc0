/**
 * The explorer page in a real browser (Debian's Chromium, driven by playwright-core), with every
 * host but this machine unreachable: it loads, shows what newsgraph is and the endpoint, runs an
 * example whose answer is read off the page, sends the API key typed into its field, and asks
 * nothing of any other host. Without Chromium the suite is skipped, saying why.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seedDirectory } from '../../../src/ingest';
import { explorerAssets } from '../../../src/server';
import { startTestApi, TEST_API_KEY, type TestApi } from '../../helpers/api-test-server';
import { useTestDatabase } from '../../helpers/test-database';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'seeds');
const HAS_CHROMIUM = existsSync(CHROMIUM);

if (!HAS_CHROMIUM) {
  console.warn(
    `explorer.browser.test: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
}

(HAS_CHROMIUM ? describe : describe.skip)(
  `the explorer page in Chromium${HAS_CHROMIUM ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`,
  () => {
    let api: TestApi;
    let profile: string;
    let context: BrowserContext;
    let page: Page;
    const elsewhere: string[] = [];
    const problems: string[] = [];

    // Declared before the database's hooks, so that the browser and the API stop before the database closes.
    afterAll(async () => {
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
      await api?.stop();
    });
    const database = useTestDatabase();
    beforeAll(async () => {
      await seedDirectory(database().db, { dir: SEEDS_DIR });
      // Built once per version of the page (at install, normally): not part of what is tested here.
      await explorerAssets();
      api = await startTestApi(database().db, { apiKey: TEST_API_KEY });
      profile = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Any name but this machine's fails to resolve: the machine is offline as far as the page can tell.
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      context.setDefaultTimeout(90_000);
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
        elsewhere.push(url.href);
        return route.abort();
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`http://127.0.0.1:${api.server.port}/`);
    });

    /** An editor's visible text; Monaco lays out spaces as no-break spaces. */
    const editorText = async (selector: string) => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');

    async function runExample(name: string, operationName: string): Promise<void> {
      await page.click(`[data-example="${name}"]`);
      // The tab takes the operation's name once the editor holds it.
      await page.locator('.graphiql-tab-active', { hasText: operationName }).waitFor();
      await page.click('.graphiql-execute-button');
    }

    it('says what newsgraph is and where its endpoint is, and links Apollo Sandbox', async () => {
      const header = page.locator('header');
      await header.waitFor();
      expect(await header.innerText()).toMatch(/newsgraph[\s\S]*people, the offices they hold, the meetings/);
      expect(await page.getByTestId('endpoint').innerText()).toBe(`http://127.0.0.1:${api.server.port}/graphql`);
      const sandbox = await page.getByRole('link', { name: /Apollo Sandbox/ }).getAttribute('href');
      expect(sandbox).toBe(
        `https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(`http://127.0.0.1:${api.server.port}/graphql`)}`,
      );
    });

    it('offers every example operation with its variables, and runs one', async () => {
      const offered = await page
        .locator('[data-example]')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-example')));
      expect(offered).toEqual(expect.arrayContaining(['person-with-meetings', 'search', 'ingest-article']));
      await runExample('person-with-meetings', 'PersonWithMeetings');
      expect(await editorText('.graphiql-editor-tool')).toContain('"slug": "masrour-barzani"');
      await page.locator('.graphiql-response', { hasText: '"Masrour Barzani"' }).waitFor();
      expect(await editorText('.graphiql-response')).toMatch(/"title": "Prime Minister"/);
    });

    it('sends the API key typed into its field as a bearer token', async () => {
      await runExample('ingest-article', 'IngestArticle');
      await page.locator('.graphiql-response', { hasText: 'UNAUTHENTICATED' }).waitFor();
      await page.fill('#newsgraph-api-key', TEST_API_KEY);
      await page.click('.graphiql-execute-button');
      await page.locator('.graphiql-response', { hasText: '"status": "ADDED"' }).waitFor();
    });

    it('asked no other host for anything, and reported no error', () => {
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    });
  },
);
