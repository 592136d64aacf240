// Configuration comes from the environment once, at start-up, and is passed down explicitly.
// Production is never inferred: only NODE_ENV=production turns the strict settings on.

export const DEVELOPMENT_JWT_SECRET = 'guichet-development-secret-change-me-0123456789';
export const DEVELOPMENT_DATA_KEY = 'guichet-development-data-key-change-me-0123456789';
/** Outside production, webhooks may reach receivers on this machine (set WEBHOOK_ALLOWED_HOSTS to change it, '' for none). */
export const DEVELOPMENT_WEBHOOK_ALLOWED_HOSTS = 'localhost,127.0.0.0/8,::1';

export interface Config {
  production: boolean;
  host: string;
  port: number;
  /** postgres:// URL of a Postgres server; absent means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** Tokens that last longer (`exp − iat`, or `exp − now` without `iat`) are refused; JWT_MAX_LIFETIME. */
    maxLifetimeSeconds: number;
  };
  /** Key for encrypting and hashing national register numbers. */
  dataKey: string;
  logLevel: string;
  /** Load the deterministic demo data on an empty database at start-up. */
  seedDemoData: boolean;
  limits: Limits;
  /** How long a subscription result may wait to be handed to its client before the client is closed as too slow. */
  subscriberStallTimeoutMs: number;
  /** How often an open WebSocket connection's token and viewer are checked again (a deactivated agent is cut off within it). */
  subscriberRightsRecheckMs: number;
  webhooks: WebhookSettings;
  /**
   * How long the oldest committed case event may wait to be handed out (an open transaction
   * anywhere on the database server holds the feed back) before a warning names the holder and
   * /readyz shows it; FEED_LAG_WARNING_MS.
   */
  feedLagWarningMs: number;
  /** The no-show job (every instance may run it: it skips rows another holds); APPOINTMENT_NO_SHOW_JOB, APPOINTMENT_NO_SHOW_INTERVAL_MS. */
  noShowJob: { enabled: boolean; intervalMs: number };
  /** Largest document `POST /documents` takes, in bytes; DOCUMENT_MAX_BYTES (20 MB). */
  documentMaxBytes: number;
  /** The clean-up of uploads never attached (every instance may run it: it skips rows another holds); DOCUMENT_CLEANUP_JOB, DOCUMENT_CLEANUP_INTERVAL_MS. */
  documentCleanupJob: { enabled: boolean; intervalMs: number };
  /** Serve GET /metrics (Prometheus text: SQL statements, GraphQL requests, CPU, memory); off unless METRICS=true. */
  metricsEnabled: boolean;
  /** How long a SIGTERM may take to drain clients and close everything before the process exits with 1 anyway. */
  shutdownTimeoutMs: number;
}

export interface WebhookSettings {
  /** Run the delivery worker in this process (every instance may: deliveries are leased). */
  workerEnabled: boolean;
  /** Wait before the first retry; later retries back off from it (domain/webhooks.ts). */
  retryBaseDelayMs: number;
  /** Tries in all before a delivery is DEAD. */
  maxAttempts: number;
  /** How long one try may take before it counts as failed. */
  requestTimeoutMs: number;
  /** Endpoints must use https (always in production). */
  requireHttps: boolean;
  /**
   * WEBHOOK_ALLOWED_HOSTS, unparsed: host names, IP addresses and CIDR networks that endpoints
   * may reach although they are not public (domain/network-addresses.ts reads it). Empty in
   * production; loopback outside it, for receivers on the developer's machine.
   */
  allowedHosts: string;
  /** Days a delivered (or dead) delivery and its body are kept; then the worker deletes it. */
  bodyRetentionDays: number;
}

export interface Limits {
  maxDepth: number;
  /** Field selections of a query once its fragments are spread where they are used. */
  maxExpandedFields: number;
  /** Upper bound of objects a query may ask for; see estimateCost. */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxPageSize: number;
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxExpandedFields: 5_000,
  maxCost: 20_000,
  maxAliases: 30,
  maxTokens: 2_000,
  maxPageSize: 100,
  maxBodyBytes: 100 * 1024,
};

/** One working day and then some, for agents and service accounts alike; citizens' tokens are usually much shorter. */
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 24 * 3600;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);

  const secret = env.JWT_SECRET || (production ? undefined : DEVELOPMENT_JWT_SECRET);
  const jwksUrl = env.JWKS_URL || undefined;
  if (production && !secret && !jwksUrl) {
    throw new ConfigError('In production set JWT_SECRET (HS256) or JWKS_URL (RS256/ES256): no development default is used.');
  }
  if (secret && secret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long.');

  const dataKey = env.DATA_KEY || (production ? undefined : DEVELOPMENT_DATA_KEY);
  if (!dataKey) throw new ConfigError('In production set DATA_KEY: it encrypts national register numbers.');

  return {
    production,
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './.data',
    jwt: {
      secret,
      jwksUrl,
      issuer: env.JWT_ISSUER || undefined,
      audience: env.JWT_AUDIENCE || undefined,
      maxLifetimeSeconds: durationSeconds(env, 'JWT_MAX_LIFETIME', DEFAULT_JWT_MAX_LIFETIME_SECONDS),
    },
    dataKey,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemoData: (env.SEED_DEMO_DATA ?? (production ? 'false' : 'true')) === 'true',
    limits: DEFAULT_LIMITS,
    subscriberStallTimeoutMs: positiveInteger(env, 'SUBSCRIBER_STALL_TIMEOUT_MS', 10_000),
    subscriberRightsRecheckMs: positiveInteger(env, 'SUBSCRIBER_RIGHTS_RECHECK_MS', 5_000, { max: 3_600_000 }),
    webhooks: {
      workerEnabled: (env.WEBHOOK_WORKER ?? 'true') === 'true',
      retryBaseDelayMs: positiveInteger(env, 'WEBHOOK_RETRY_BASE_MS', 5_000),
      maxAttempts: positiveInteger(env, 'WEBHOOK_MAX_ATTEMPTS', 11),
      requestTimeoutMs: positiveInteger(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
      requireHttps: production,
      allowedHosts: env.WEBHOOK_ALLOWED_HOSTS ?? (production ? '' : DEVELOPMENT_WEBHOOK_ALLOWED_HOSTS),
      bodyRetentionDays: positiveInteger(env, 'WEBHOOK_BODY_RETENTION_DAYS', 30),
    },
    feedLagWarningMs: positiveInteger(env, 'FEED_LAG_WARNING_MS', 30_000),
    noShowJob: {
      enabled: (env.APPOINTMENT_NO_SHOW_JOB ?? 'true') === 'true',
      intervalMs: positiveInteger(env, 'APPOINTMENT_NO_SHOW_INTERVAL_MS', 300_000),
    },
    documentMaxBytes: positiveInteger(env, 'DOCUMENT_MAX_BYTES', 20 * 1024 * 1024),
    documentCleanupJob: {
      enabled: (env.DOCUMENT_CLEANUP_JOB ?? 'true') === 'true',
      intervalMs: positiveInteger(env, 'DOCUMENT_CLEANUP_INTERVAL_MS', 900_000),
    },
    metricsEnabled: env.METRICS === 'true',
    shutdownTimeoutMs: positiveInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, { max = Number.MAX_SAFE_INTEGER } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
    throw new ConfigError(`${name} must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, got "${raw}"`);
  }
  return value;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds (`3600`) or a number and a unit (`90m`, `24h`, `1d`). */
function durationSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(raw);
  const value = match ? Number(match[1]) * DURATION_UNITS[match[2] || 's']! : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive duration in seconds (3600) or with a unit s, m, h or d (90m, 24h, 1d), got "${raw}"`);
  }
  return value;
}
