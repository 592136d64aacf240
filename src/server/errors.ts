import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { TokenKeysUnavailableError } from '../auth/tokens.js';
import { DomainError, ERROR_CODES, type ErrorCode } from '../domain/errors.js';
import { causeChain, isDatabaseUnavailable } from '../services/database-errors.js';

// One place decides what an error looks like to a client: known codes pass with their
// message; anything else is masked as INTERNAL_SERVER_ERROR and only the logs see it.

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Codes Apollo Server or graphql-js produce, mapped into the closed set of the contract. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
};

export const INTERNAL_MESSAGE = 'Internal server error. Quote the requestId when reporting it.';
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Try again shortly.';

/**
 * Errors Apollo answers before a request starts (CSRF prevention, batching refused, malformed
 * HTTP request) never reach the request plugins: their framework code is mapped here.
 */
export function withContractCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const mapped = FRAMEWORK_CODES[String(formatted.extensions?.code ?? '')];
  return mapped ? { ...formatted, extensions: { ...formatted.extensions, code: mapped } } : formatted;
}

/**
 * What a failure to build a request's context (other than a refused token) becomes: masked,
 * with the request id, and SERVICE_UNAVAILABLE when the database or the identity provider's
 * keys cannot be reached.
 */
export function contextCreationError(error: unknown, requestId: string): GraphQLError {
  const unavailable = isDatabaseUnavailable(error) || error instanceof TokenKeysUnavailableError;
  return new GraphQLError(unavailable ? UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE, {
    extensions: {
      code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR',
      requestId,
      http: { status: unavailable ? 503 : 500 },
    },
  });
}

/** The client-facing form of an error; `masked` tells whether the original must be logged. */
export function presentError(formatted: GraphQLFormattedError, error: unknown): { formatted: GraphQLFormattedError; masked: boolean } {
  const domainError = causeChain(error).find((cause): cause is DomainError => cause instanceof DomainError);
  if (domainError) {
    return { formatted: { ...formatted, message: domainError.message, extensions: { ...domainError.details, code: domainError.code } }, masked: false };
  }
  if (isDatabaseUnavailable(error)) {
    return { formatted: { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } }, masked: true };
  }
  const code = String(formatted.extensions?.code ?? '');
  const known = FRAMEWORK_CODES[code] ?? (KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR' ? code : undefined);
  // Only errors raised on purpose as GraphQLErrors (validation, auth, parsing) keep their message.
  const innermost = causeChain(error).at(-1);
  if (known && innermost instanceof GraphQLError) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { formatted: { ...formatted, extensions: { ...extensions, code: known } }, masked: false };
  }
  return { formatted: { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, masked: true };
}

/**
 * The error as the client receives it. A masked error is logged with its original (stack
 * included) and the request id, and the client gets that id to quote.
 */
export function presentToClient(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  logMasked: (details: { requestId: string | undefined; error: string }) => void,
): GraphQLFormattedError {
  const presented = presentError(formatted, error);
  if (!presented.masked) return presented.formatted;
  const original = causeChain(error).at(-1);
  logMasked({ requestId, error: String((original as Error | undefined)?.stack ?? original) });
  return { ...presented.formatted, extensions: { ...presented.formatted.extensions, requestId } };
}

/** Messages for what Fastify refuses before a request reaches GraphQL, by Fastify's code. */
const REFUSED_REQUESTS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request as application/json (or a GET with query parameters).',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty: send a JSON object with a query.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The content-length does not match the body.',
};

/** What a request that arrives while the server shuts down is answered with (503). */
export const SHUTTING_DOWN_BODY = { errors: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };

/**
 * The GraphQL-over-HTTP form of an error raised outside GraphQL (by Fastify, its parsers or a
 * route): a client's mistake keeps its status and says what to change; anything else is masked.
 */
export function httpErrorBody(error: { statusCode?: number; code?: string; message: string }, requestId: string) {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    const unavailable = isDatabaseUnavailable(error);
    return {
      status: unavailable ? 503 : 500,
      body: { errors: [{ message: unavailable ? UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE, extensions: { code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', requestId } }] },
    };
  }
  const message = REFUSED_REQUESTS[error.code ?? ''] ?? 'The request was refused.';
  return { status, body: { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] } };
}
