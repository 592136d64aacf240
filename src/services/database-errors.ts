// The one place that reads driver errors: constraint violations become domain outcomes.

export type ConstraintViolation = { kind: 'unique' | 'foreign_key' | 'check' | 'not_null'; constraint: string | undefined };

const KINDS: Record<string, ConstraintViolation['kind']> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
};

/** The violated constraint, looking through Drizzle's wrapping to the driver error. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, constraint, constraint_name } = current as { code?: string; constraint?: string; constraint_name?: string };
    const kind = code ? KINDS[code] : undefined;
    if (kind) return { kind, constraint: constraint ?? constraint_name };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Error codes of Node and Postgres that mean "the database cannot be reached right now". */
const UNAVAILABLE_CAUSES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** Whether an error (or one it wraps) is a lost or refused database connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (UNAVAILABLE_CAUSES.has(String((current as { code?: unknown }).code))) return true;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
