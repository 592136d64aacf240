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
