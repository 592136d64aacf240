import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { gql } from 'graphql-request';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, PRODUCTION_ENV, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// GraphiQL in a real browser (Debian's Chromium), with every request that is not to the API
// refused: the explorer must work with no network. The screenshot goes to test/artifacts/.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

const INBOX = gql`
  {
    cases(first: 20, filter: { statuses: [NEW, IN_PROGRESS] }, orderBy: { field: DUE_AT, direction: ASC }) {
      edges { node { id reference } }
    }
  }
`;

/** The text GraphiQL's response pane shows (CodeMirror draws the lines in view). */
const responseText = (page: Page) => page.locator('.result-window').innerText();

async function openTab(page: Page, operationName: string) {
  await page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${operationName}$`) }).click();
  await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain(operationName);
}

/** A browser context that reaches the API's origin only, over HTTP and WebSocket; `refused` lists what it stopped. */
async function offlineContext(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const refused: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  await context.routeWebSocket(
    (url) => url.host !== new URL(origin).host,
    (socket) => {
      refused.push(socket.url());
      return socket.close();
    },
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, refused, pageErrors };
}

/** Runs a browser check; on failure saves a screenshot and tells what was refused and what the page threw. */
async function inBrowser(name: string, browser: Browser, origin: string, check: (page: Page) => Promise<void>) {
  const { context, page, refused, pageErrors } = await offlineContext(browser, origin);
  const failure = `${ARTIFACTS}${name}-failure.png`;
  await mkdir(ARTIFACTS, { recursive: true });
  try {
    await check(page);
    await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    await rm(failure, { force: true });
  } catch (error) {
    await page.screenshot({ path: failure }).catch(() => {});
    throw new Error(`${(error as Error).message}\nrefused requests: ${JSON.stringify(refused)}\npage errors: ${JSON.stringify(pageErrors)}\nscreenshot: ${failure}`, { cause: error });
  } finally {
    await context.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH. This test does not skip.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(() => browser?.close());

describe('explorer in a browser', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does sign in as demo.first, run the inbox and receive a live case event when the network is cut off', async () => {
    const origin = new URL(server.url).origin;
    await inBrowser(`explorer-${server.database.url ? 'postgres' : 'pglite'}`, browser, origin, async (page) => {
      await page.goto(`${origin}/`);
      expect(new URL(page.url()).pathname).toBe('/graphql');

      // The schema came by introspection: the docs explorer lists the root types.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 15_000 }).toMatch(/Subscription/);

      // Sign in as demo.first through the menu, then run the first-line inbox.
      await page.locator('#sign-in-as option[value="demo.first"]').waitFor({ state: 'attached' });
      await page.selectOption('#sign-in-as', 'demo.first');
      await expect.poll(() => page.inputValue('#token')).toMatch(/^ey/);
      const token = await page.inputValue('#token');
      const { data: inbox } = await execute<{ cases: { edges: { node: { id: string; reference: string } }[] } }>(server.client(token), INBOX);
      const first = inbox!.cases.edges[0]!.node;

      await openTab(page, 'FirstLineInbox');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain(first.reference);
      expect(await responseText(page)).toContain('totalCount');

      // A live subscription over graphql-ws, fed by a note written through the API.
      await openTab(page, 'CaseEvents');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => server.server.caseEvents.tails, { timeout: 15_000 }).toBeGreaterThan(0);
      const note = await execute<{ addNote: { __typename: string } }>(
        server.client(await tokenFor({ role: 'agent', sub: 'demo.first' })),
        gql`mutation ($caseId: ID!) { addNote(input: { caseId: $caseId, body: "Seen from the explorer" }) { __typename } }`,
        { caseId: first.id },
      );
      expect(note.data?.addNote.__typename).toBe('AddNoteSuccess');
      await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('NOTE_ADDED');
      expect(await responseText(page)).toContain(first.reference);
    });
  }, 120_000);
});

describe('explorer in a browser, in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION_ENV });
  });
  afterAll(() => server?.close());

  it('does load without introspection or a sign-in menu, say why, and still run a query when NODE_ENV is production', async () => {
    const origin = new URL(server.url).origin;
    await inBrowser('explorer-production', browser, origin, async (page) => {
      await page.goto(`${origin}/graphql`);
      await expect.poll(() => page.locator('#notice').innerText()).toMatch(/introspection is off/i);
      expect(await page.locator('#sign-in').isHidden()).toBe(true);
      await openTab(page, 'Themes');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('"code"');
    });
  }, 60_000);
});
