// Expected failures of commands: each has a stable code from the closed set of the public
// contract and is returned as a typed member of the mutation's result union.

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** What a program needs beyond the code, sent in the error's extensions (a top-level error's only). */
  get details(): Record<string, unknown> {
    return {};
  }
}

export interface FieldProblem {
  /** Path of the input field, e.g. ["input", "citizen", "nationalNumber"]. */
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`).join('; ') || 'Invalid input.');
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly entity: string) {
    super(`${entity} not found.`);
  }
}

/** The viewer may read the object but not do this to it: a top-level FORBIDDEN error, not a union member. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/**
 * A representative's mandate over this case or person ended (revoked, or past validUntil): a
 * top-level FORBIDDEN error that names when, so that they know to ask for a new one.
 */
export class MandateEndedError extends ForbiddenError {
  constructor(
    readonly mandateId: string,
    readonly status: 'REVOKED' | 'EXPIRED',
    readonly endedAt: Date,
  ) {
    super(`The mandate ${status === 'REVOKED' ? 'was revoked on' : 'expired on'} ${endedAt.toISOString()}.`);
  }

  override get details() {
    return { reason: `MANDATE_${this.status}`, mandateEndedAt: this.endedAt.toISOString() };
  }
}

/** Too many attempts: a top-level RATE_LIMITED error. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  /** The version the object has now, when the conflict is a stale version. */
  constructor(
    message: string,
    readonly currentVersion: number | null = null,
  ) {
    super(message);
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
    /** For people, in words (each lifecycle's refusal text); the codes stay in from, to and allowed. */
    message: string,
  ) {
    super(message);
  }
}

/** A free slot of a resource, as offered instead of a taken one. */
export interface OfferedSlot {
  resourceId: string;
  start: Date;
  end: Date;
  /** Desks still free at this time. */
  freeDesks: number;
}

/**
 * The slot asked is not free (taken meanwhile, or not a time the resource offers): nothing was
 * booked; the nearest free slots of the same resource and theme are offered instead.
 */
export class SlotUnavailableError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly nearestSlots: readonly OfferedSlot[],
  ) {
    super(message);
  }
}

/**
 * The procedure cannot leave its step: documents the step requires are not all accepted. The
 * service that owns the procedure may still move it, saying why (documentsOverrideReason).
 */
export class RequiredDocumentsMissingError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    /** The requirements not accepted yet, by id. */
    readonly requirementIds: readonly string[],
  ) {
    super(message);
  }
}
