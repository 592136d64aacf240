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
