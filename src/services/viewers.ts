import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { agents, citizens, serviceAccounts, services } from '../db/tables/index.js';
import type { TokenClaims } from '../auth/tokens.js';
import { isUuid } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';

/** The viewer a verified token stands for, or null when its subject is unknown or inactive. */
export async function resolveViewer(db: Executor, claims: TokenClaims): Promise<Viewer | null> {
  switch (claims.role) {
    case 'citizen': {
      if (!isUuid(claims.sub)) return null;
      const [row] = await db
        .select({ id: citizens.id, preferredLanguage: citizens.preferredLanguage })
        .from(citizens)
        .where(eq(citizens.id, claims.sub));
      return row ? { kind: 'citizen', citizenId: row.id, preferredLanguage: row.preferredLanguage } : null;
    }
    case 'agent': {
      const [row] = await db
        .select({ id: agents.id, login: agents.login, role: agents.role, serviceId: agents.serviceId, line: services.line, active: agents.active })
        .from(agents)
        .innerJoin(services, eq(services.id, agents.serviceId))
        .where(eq(agents.login, claims.sub));
      if (!row || !row.active) return null;
      return { kind: 'agent', agentId: row.id, login: row.login, role: row.role, serviceId: row.serviceId, line: row.line };
    }
    case 'service': {
      const [row] = await db
        .select({ id: serviceAccounts.id, subject: serviceAccounts.subject, serviceId: serviceAccounts.serviceId, line: services.line, active: serviceAccounts.active })
        .from(serviceAccounts)
        .innerJoin(services, eq(services.id, serviceAccounts.serviceId))
        .where(eq(serviceAccounts.subject, claims.sub));
      if (!row || !row.active) return null;
      return { kind: 'service', accountId: row.id, subject: row.subject, serviceId: row.serviceId, line: row.line };
    }
  }
}

/**
 * How long a viewer looked up for a token's subject is taken as is: a deactivated agent or
 * service account, or one moved to another service, is refused or re-scoped within this bound
 * on HTTP (open WebSocket connections are checked apart, see SUBSCRIBER_RIGHTS_RECHECK_MS).
 */
export const VIEWER_MEMORY_MS = 5_000;
const VIEWER_MEMORY_SIZE = 10_000;

export interface ViewerMemory {
  /** The viewer of the claims, remembered for VIEWER_MEMORY_MS; null when no active subject matches. */
  resolve(claims: TokenClaims): Promise<Viewer | null>;
  /** The same, looked up now whatever is remembered (and remembered afresh). */
  resolveNow(claims: TokenClaims): Promise<Viewer | null>;
}

/**
 * A client sends many requests a second with one token: its subject is looked up once per
 * VIEWER_MEMORY_MS instead of once per request. Subjects that match no active viewer are not
 * remembered: they are refused again at every request.
 */
export function rememberingViewers(db: Executor): ViewerMemory {
  const remembered = new Map<string, { viewer: Viewer; forgetAt: number }>();
  const keyOf = (claims: TokenClaims) => `${claims.role}\u0000${claims.sub}`;
  const resolveNow = async (claims: TokenClaims) => {
    const key = keyOf(claims);
    const viewer = await resolveViewer(db, claims);
    remembered.delete(key);
    if (viewer) {
      // Oldest first out: the map keeps insertion order.
      if (remembered.size >= VIEWER_MEMORY_SIZE) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, { viewer, forgetAt: Date.now() + VIEWER_MEMORY_MS });
    }
    return viewer;
  };
  return {
    resolveNow,
    async resolve(claims) {
      const known = remembered.get(keyOf(claims));
      if (known && Date.now() < known.forgetAt) return known.viewer;
      return resolveNow(claims);
    },
  };
}
