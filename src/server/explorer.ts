import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signToken } from '../auth/tokens.js';
import { type Config, DEVELOPMENT_JWT_SECRET } from '../config.js';
import type { TokenRole } from '../domain/viewer.js';

// GraphiQL for browsers that open /graphql, served by the API from the browser builds that the
// npm packages ship (UMD files with React as a global): no CDN, no bundler, works offline.

/** A demo identity the "sign in as" menu offers; the entry point supplies them (the server does not import seeds). */
export interface DemoIdentity {
  role: TokenRole;
  sub: string;
  /** What the menu shows, e.g. "Sophie Lambert, first line". */
  label: string;
}

/** Where the explorer's own files and demo tokens are served. */
export const EXPLORER_PREFIX = '/explorer';
export const DEMO_TOKENS_PATH = `${EXPLORER_PREFIX}/demo-tokens`;

/** URL name → package and file in it. Only these files are served: nothing else of node_modules is reachable. */
const ASSETS = {
  'react.production.min.js': { packageName: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { packageName: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { packageName: 'graphiql', file: 'graphiql.min.css' },
  'plugin-explorer.umd.js': { packageName: '@graphiql/plugin-explorer', file: 'dist/index.umd.js' },
  'plugin-explorer.css': { packageName: '@graphiql/plugin-explorer', file: 'dist/style.css' },
  'graphql-ws.min.js': { packageName: 'graphql-ws', file: 'umd/graphql-ws.min.js' },
} as const;
type AssetName = keyof typeof ASSETS;

const require = createRequire(import.meta.url);

/** The folder of an installed package, found as Node finds it, whatever the package's `exports` allow. */
function packageFolder(packageName: string): string {
  for (const folder of require.resolve.paths(packageName) ?? []) {
    if (existsSync(join(folder, packageName, 'package.json'))) return join(folder, packageName);
  }
  throw new Error(`The explorer needs the npm package ${packageName}: run npm ci.`);
}

interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

/** Reads a file once, on its first request, and keeps it with its gzipped form: seven files, about 1.5 MB. */
function assetLoader() {
  const loaded = new Map<AssetName, LoadedAsset>();
  return (name: AssetName): LoadedAsset => {
    const known = loaded.get(name);
    if (known) return known;
    const { packageName, file } = ASSETS[name];
    const body = readFileSync(join(packageFolder(packageName), file));
    const asset = {
      body,
      gzipped: gzipSync(body),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      contentType: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    };
    loaded.set(name, asset);
    return asset;
  };
}

function sendAsset(asset: LoadedAsset, request: FastifyRequest, reply: FastifyReply) {
  // Revalidated on each load (no-cache) so that an upgrade of a package shows at once; unchanged files answer 304.
  reply.header('cache-control', 'no-cache').header('etag', asset.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  reply.type(asset.contentType);
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  return reply.send(asset.body);
}

/**
 * Demo tokens are handed out only outside production, and only when the server verifies tokens
 * with the development secret, which is public anyway: a server given its own JWT_SECRET (a
 * staging server without NODE_ENV=production, say) never hands out tokens for anyone.
 */
export function mintsDemoTokens(config: Config, identities: readonly DemoIdentity[]): boolean {
  return !config.production && config.jwt.secret === DEVELOPMENT_JWT_SECRET && !config.jwt.jwksUrl && identities.length > 0;
}

/** The explorer's files, the demo tokens outside production, and `GET /` sent on to /graphql. */
export function serveExplorer(app: FastifyInstance, config: Config, identities: readonly DemoIdentity[]): void {
  const load = assetLoader();
  for (const name of Object.keys(ASSETS) as AssetName[]) {
    app.get(`${EXPLORER_PREFIX}/${name}`, async (request, reply) => sendAsset(load(name), request, reply));
  }
  app.get('/', async (_request, reply) => reply.redirect('/graphql', 302));
  if (!mintsDemoTokens(config, identities)) return;
  // A working day, or less when the server accepts less (as npm run token).
  const lifetimeSeconds = Math.min(8 * 3600, config.jwt.maxLifetimeSeconds);
  app.get(DEMO_TOKENS_PATH, async (_request, reply) => {
    const secret = config.jwt.secret!;
    const tokens = await Promise.all(
      identities.map(async (identity) => ({ ...identity, token: await signToken(identity, secret, `${lifetimeSeconds}s`) })),
    );
    return reply.header('cache-control', 'no-store').send({ expiresInSeconds: lifetimeSeconds, identities: tokens });
  });
}

/** Apollo answers GET /graphql from a browser (Accept: text/html) with this page; POST and WebSocket are untouched. */
export function explorerPagePlugin<TContext extends object>(config: Config, identities: readonly DemoIdentity[]): ApolloServerPlugin<TContext> {
  const html = explorerPageHtml({ production: config.production, demoTokens: mintsDemoTokens(config, identities) });
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}

/** One example tab of the explorer: an operation, its variables, and who it is for. */
interface Example {
  query: string;
  variables?: Record<string, unknown>;
}

const EXAMPLES: Example[] = [
  {
    query: `# The first-line inbox: open cases, soonest due first.
# Sign in as demo.first above, then press ▶.
query FirstLineInbox {
  cases(first: 20, filter: { statuses: [NEW, IN_PROGRESS] }, orderBy: { field: DUE_AT, direction: ASC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        reference
        subject
        status
        slaState
        dueAt
        citizen { familyName }
      }
    }
  }
}
`,
  },
  {
    query: `# An internal note, as demo.first: paste a case id
# from FirstLineInbox (edges.node.id) into the variables.
# CaseEvents, running in a second explorer window, shows it.
mutation AddNote($caseId: ID!, $body: String!) {
  addNote(input: { caseId: $caseId, body: $body }) {
    __typename
    ... on AddNoteSuccess { note { id } case { reference version } }
    ... on NotFoundError { message }
    ... on ValidationError { message }
  }
}
`,
    variables: { caseId: 'paste a case id here', body: 'Called back: the citizen sends the invoice tomorrow.' },
  },
  {
    query: `# A phone call by a new citizen, as demo.first:
# the single window opens a case. Sent again with the
# same externalId, it records nothing new.
mutation RegisterPhoneCall {
  registerContact(input: {
    channel: PHONE
    externalId: "explorer-call-0001"
    citizen: { givenName: "Luc", familyName: "Renard", phone: "0470 11 22 33" }
    themeCode: "ENERGY.PREMIUMS"
    subject: "Où en est ma prime ?"
    summary: "Demande l'état de son dossier de prime toiture"
    phone: { line: "1718", waitSeconds: 40, callerNumber: "0470 11 22 33" }
  }) {
    __typename
    ... on RegisterContactSuccess { createdCase trackingCode case { id reference status } }
    ... on RedirectRequired { message service { label phone } }
    ... on ValidationError { problems { path message } }
  }
}
`,
  },
  {
    query: `# A citizen's own cases, as on the portal:
# sign in as Marie Dupont (citizen).
query MyCases {
  myCases(first: 10) {
    edges {
      node {
        reference
        subject
        statusLabel
        theme { label }
        procedureProgress { state step { label } }
      }
    }
  }
}
`,
  },
  {
    query: `# A back office's queue of handoffs waiting for it:
# sign in as service account TLPE-ENERGY (or demo.energy).
query HandoffQueue {
  viewer {
    service {
      code
      label
      incomingHandoffs(first: 20, status: REQUESTED) {
        edges {
          node {
            id
            status
            dueAt
            reason
            fromService { code }
            case { reference subject status }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# Live case events over graphql-ws on this same URL, as
# any signed-in identity: press ▶, then run AddNote in a
# second explorer window (▶ in any tab of this one stops
# the subscription: GraphiQL runs one operation at a time).
# caseEvents(after: "<a feedCursor>") replays what you
# missed first. state is the case as of the event (the same
# when replayed), case the case as it is now.
subscription CaseEvents {
  caseEvents {
    feedCursor
    type
    occurredAt
    label
    state { status line service { code } version }
    changedFields
    case { reference status currentLine }
  }
}
`,
  },
  {
    query: `# Public reference data: no sign-in needed.
query Themes {
  themes(topLevelOnly: true) {
    code
    label(language: DE)
    defaultService { code label }
  }
}
`,
  },
];

/** JSON inside a <script> element: nothing in it may close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function explorerPageHtml({ production, demoTokens }: { production: boolean; demoTokens: boolean }): string {
  const settings = {
    demoTokensUrl: demoTokens ? DEMO_TOKENS_PATH : null,
    production,
    examples: EXAMPLES,
  };
  const asset = (name: AssetName) => `${EXPLORER_PREFIX}/${name}`;
  const notice = production
    ? '<span id="notice">Production: introspection is off, so the docs and autocompletion are empty; the schema is <code>schema/schema.graphql</code> in the source.</span>'
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Guichet GraphQL explorer</title>
  <link rel="stylesheet" href="${asset('graphiql.min.css')}">
  <link rel="stylesheet" href="${asset('plugin-explorer.css')}">
  <style>
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, sans-serif; }
    #bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 6px 12px; background: #c8102e; color: white; }
    #bar h1 { margin: 0; font-size: 16px; }
    #bar label { display: flex; align-items: center; gap: 6px; }
    #bar [hidden] { display: none; }
    #bar select, #bar input { font: 13px ui-monospace, monospace; padding: 3px 6px; border: 0; border-radius: 3px; }
    #bar input { width: 22em; }
    #notice code { background: rgba(255, 255, 255, 0.2); padding: 0 3px; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <div id="bar">
    <h1>Guichet</h1>
    <label id="sign-in" hidden>Sign in as
      <select id="sign-in-as"><option value="">nobody (no token)</option></select>
    </label>
    <label>Bearer token <input id="token" placeholder="npm run token -- --role agent --sub demo.first" autocomplete="off" spellcheck="false"></label>
    ${notice}
  </div>
  <div id="graphiql">Loading the explorer…</div>
  <script id="explorer-settings" type="application/json">${scriptJson(settings)}</script>
  <script src="${asset('react.production.min.js')}"></script>
  <script src="${asset('react-dom.production.min.js')}"></script>
  <script src="${asset('graphiql.min.js')}"></script>
  <script src="${asset('plugin-explorer.umd.js')}"></script>
  <script src="${asset('graphql-ws.min.js')}"></script>
  <script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

// The page's own script, plain browser JavaScript (no build step). The token field applies to
// every tab, over HTTP and WebSocket alike; an Authorization header typed in GraphiQL's headers
// editor wins over it.
const PAGE_SCRIPT = `
(() => {
  const settings = JSON.parse(document.getElementById('explorer-settings').textContent);
  const { React, ReactDOM, GraphiQL, GraphiQLPluginExplorer, graphqlWs } = window;
  const { parse, getOperationAST } = GraphiQL.GraphQL;
  const tokenField = document.getElementById('token');
  const signInAs = document.getElementById('sign-in-as');
  const url = location.origin + '/graphql';
  const webSocketUrl = url.replace(/^http/, 'ws');

  const authorizationOf = (headers) => {
    for (const [name, value] of Object.entries(headers || {})) if (name.toLowerCase() === 'authorization') return String(value);
    const token = tokenField.value.trim();
    return token ? 'Bearer ' + token : undefined;
  };

  // One WebSocket client per token: the server reads the token once, from connection_init.
  let webSocket;
  const webSocketClientFor = (authorization) => {
    if (webSocket && webSocket.authorization === authorization) return webSocket.client;
    if (webSocket) webSocket.client.dispose();
    const client = graphqlWs.createClient({ url: webSocketUrl, lazy: true, retryAttempts: 0, connectionParams: authorization ? { authorization } : {} });
    webSocket = { authorization, client };
    return client;
  };

  const isSubscription = (params) => {
    try { return getOperationAST(parse(params.query), params.operationName || undefined)?.operation === 'subscription'; }
    catch { return false; }
  };

  // Run at once after a change of tab, GraphiQL 3 may still send the previous tab's operation
  // name (seen in CI: "Unknown operation named FirstLineInbox" from the CaseEvents tab): a name
  // the document does not define is replaced by its only operation's.
  const withKnownOperation = (params) => {
    try {
      const operations = parse(params.query).definitions.filter((definition) => definition.kind === 'OperationDefinition');
      const known = operations.some((operation) => operation.name && operation.name.value === params.operationName);
      if (params.operationName && !known && operations.length === 1) return { ...params, operationName: operations[0].name ? operations[0].name.value : undefined };
    } catch {}
    return params;
  };

  const httpFetcher = GraphiQL.createFetcher({ url });
  const fetcher = (asked, options = {}) => {
    const params = withKnownOperation(asked);
    const authorization = authorizationOf(options.headers);
    if (isSubscription(params)) return webSocketClientFor(authorization).iterate(params);
    return httpFetcher(params, { ...options, headers: { ...options.headers, ...(authorization ? { authorization } : {}) } });
  };

  if (settings.demoTokensUrl) {
    const demoTokens = () => fetch(settings.demoTokensUrl, { cache: 'no-store' }).then((response) => response.json());
    demoTokens().then(({ identities }) => {
      for (const identity of identities) {
        const option = document.createElement('option');
        option.value = identity.sub;
        option.textContent = identity.label + ' (' + identity.sub + ')';
        signInAs.append(option);
      }
      document.getElementById('sign-in').hidden = false;
    });
    // Tokens are minted afresh on each choice, so a page left open for days still signs in.
    signInAs.addEventListener('change', async () => {
      const chosen = signInAs.value;
      if (!chosen) { tokenField.value = ''; return; }
      const { identities } = await demoTokens();
      tokenField.value = identities.find((identity) => identity.sub === chosen)?.token ?? '';
    });
  }
  tokenField.addEventListener('input', () => { signInAs.value = ''; });

  const explorer = GraphiQLPluginExplorer.explorerPlugin();
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      plugins: [explorer],
      defaultTabs: settings.examples.map((example) => ({
        query: example.query,
        variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
      })),
      defaultEditorToolsVisibility: 'variables',
      shouldPersistHeaders: false,
    }),
  );
})();
`;
