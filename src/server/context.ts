import { GraphQLError } from 'graphql';
import { bearerToken, InvalidTokenError, type TokenVerifier } from '../auth/tokens.js';
import type { Limits } from '../config.js';
import type { Database } from '../db/client.js';
import type { CaseEventFeed } from '../services/event-feed.js';
import type { ReferenceCache } from '../services/reference-cache.js';
import { ANONYMOUS, type Viewer } from '../domain/viewer.js';
import type { WebhookPolicy } from '../domain/webhooks.js';
import type { Context } from '../schema/index.js';
import type { DataVault } from '../services/data-vault.js';
import type { DocumentStore } from '../services/documents/storage.js';
import type { ViewerMemory } from '../services/viewers.js';

export interface ContextDependencies {
  db: Database;
  vault: DataVault;
  documentStore: DocumentStore;
  verifyToken: TokenVerifier;
  limits: Limits;
  caseEvents: CaseEventFeed;
  referenceCache: ReferenceCache;
  webhookPolicy: WebhookPolicy;
  viewers: ViewerMemory;
  /** The time a request runs at: the wall clock, or a test's clock. */
  clock: () => Date;
}

/** A context for a request or a subscription; `freshViewer` looks the token's subject up now, whatever is remembered. */
export type ContextFor = (authorization: string | undefined, requestId: string, clientAddress?: string, options?: { freshViewer?: boolean }) => Promise<Context>;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * The one way a context is made, for HTTP requests and WebSocket subscriptions alike: the
 * Authorization value is verified, its subject looked up, and a fresh context returned.
 * No header means an anonymous viewer; a bad or unknown token is refused outright.
 */
export async function createContext(
  dependencies: ContextDependencies,
  authorization: string | undefined,
  requestId: string,
  clientAddress = 'unknown',
  { freshViewer = false }: { freshViewer?: boolean } = {},
): Promise<Context> {
  let viewer: Viewer = ANONYMOUS;
  try {
    const token = bearerToken(authorization);
    if (token !== undefined) {
      const claims = await dependencies.verifyToken(token);
      const resolved = await (freshViewer ? dependencies.viewers.resolveNow(claims) : dependencies.viewers.resolve(claims));
      if (!resolved) throw new InvalidTokenError(`No active ${claims.role} matches the token's subject.`);
      viewer = resolved;
    }
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
  return {
    viewer,
    db: dependencies.db,
    vault: dependencies.vault,
    documentStore: dependencies.documentStore,
    limits: dependencies.limits,
    caseEvents: dependencies.caseEvents,
    referenceCache: dependencies.referenceCache,
    webhookPolicy: dependencies.webhookPolicy,
    requestId,
    clientAddress,
    now: dependencies.clock(),
    defaultLanguage: viewer.kind === 'citizen' ? viewer.preferredLanguage : 'fr',
  };
}
