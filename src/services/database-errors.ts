// The one place that reads driver errors: constraint violations become domain outcomes.

export type ConstraintViolation = { kind: 'unique' | 'foreign_key' | 'check' | 'not_null' | 'exclusion'; constraint: string | undefined };

const KINDS: Record<string, ConstraintViolation['kind']> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
  '23P01': 'exclusion',
};

/**
 * An error and the ones it wraps, outermost first: GraphQL wraps in `originalError`, Drizzle
 * (and most others) in `cause`.
 */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && chain.length < 5) {
    chain.push(current);
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The violated constraint, looking through Drizzle's wrapping to the driver error. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  for (const cause of causeChain(error)) {
    const { code, constraint, constraint_name } = cause as { code?: string; constraint?: string; constraint_name?: string };
    const kind = code ? KINDS[code] : undefined;
    if (kind) return { kind, constraint: constraint ?? constraint_name };
  }
  return undefined;
}

/** Error codes of Node and Postgres that mean "the database cannot be reached right now". */
const UNAVAILABLE_CAUSES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** Whether an error (or one it wraps) is a lost or refused database connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some((cause) => UNAVAILABLE_CAUSES.has(String((cause as { code?: unknown }).code)));
}

/** Whether Postgres ended the transaction to break a deadlock (40P01): running it again may succeed. */
export function isDeadlock(error: unknown): boolean {
  return causeChain(error).some((cause) => (cause as { code?: unknown }).code === '40P01');
}
