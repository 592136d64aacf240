import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { TOKEN_ROLES, type TokenRole } from '../domain/viewer.js';

export interface TokenClaims {
  role: TokenRole;
  sub: string;
}

export interface TokenSettings {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /** The longest a token may last: `exp − iat`, or `exp − now` when it has no `iat`. */
  maxLifetimeSeconds: number;
}

/**
 * How far ahead of this server's clock a token's `iat` may be, for the issuer's clock drift. It
 * also widens the `exp − now` limit of tokens without `iat`, which compares two clocks.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** Why a bearer token was refused; the message is safe to show to the caller. */
export class InvalidTokenError extends Error {}

/** The identity provider's keys could not be fetched: no verdict on the token, which is not the caller's fault. */
export class TokenKeysUnavailableError extends Error {}

/** jose's codes for a key set that could not be had (as opposed to a token that does not verify). */
const KEYS_UNAVAILABLE_CODES = ['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID'];

export type TokenVerifier = (token: string) => Promise<TokenClaims>;

/**
 * HS256 with a shared secret (development and simple deployments) or RS256/ES256 keys from a
 * JWKS URL (production identity provider). `exp` is required either way, and bounded: a token
 * minted for a month (or dated ahead to last longer) is refused, whoever signed it.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  return rememberingVerifiedTokens(verifySignedToken(settings));
}

/** How long a verified token is taken on trust without checking its signature again. */
export const VERIFIED_TOKEN_MEMORY_MS = 60_000;
const VERIFIED_TOKEN_MEMORY_SIZE = 10_000;

/**
 * A client sends the same token with every request: its signature is checked once, then the
 * claims are remembered until it expires or for VERIFIED_TOKEN_MEMORY_MS, whichever comes first
 * (so that a key withdrawn from the identity provider's set stops working within that bound).
 * Checking an HMAC or RSA signature costs more CPU than the rest of a small request's auth.
 */
function rememberingVerifiedTokens(verify: (token: string) => Promise<{ claims: TokenClaims; expiresAt: number }>): TokenVerifier {
  const remembered = new Map<string, { claims: TokenClaims; forgetAt: number }>();
  return async (token) => {
    const now = Date.now();
    const known = remembered.get(token);
    // Never past its expiry: forgetAt comes first.
    if (known && now < known.forgetAt) return known.claims;
    remembered.delete(token);
    const { claims, expiresAt } = await verify(token);
    // Oldest first out: the map keeps insertion order.
    if (remembered.size >= VERIFIED_TOKEN_MEMORY_SIZE) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, { claims: Object.freeze(claims), forgetAt: Math.min(expiresAt, now + VERIFIED_TOKEN_MEMORY_MS) });
    return claims;
  };
}

function verifySignedToken(settings: TokenSettings): (token: string) => Promise<{ claims: TokenClaims; expiresAt: number }> {
  const jwks: JWTVerifyGetKey | undefined = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  const secret = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const options = {
    requiredClaims: ['exp', 'sub', 'role'],
    issuer: settings.issuer,
    audience: settings.audience,
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      if (jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] }));
      } else if (secret) {
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }));
      } else {
        throw new InvalidTokenError('No token verification is configured.');
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const code = (error as { code?: string }).code;
      // A failed fetch of the key set has no jose code: the provider is away, the token may be fine.
      if (jwks && (code === undefined || KEYS_UNAVAILABLE_CODES.includes(code))) {
        throw new TokenKeysUnavailableError('The identity provider’s keys could not be fetched.', { cause: error });
      }
      if (code === 'ERR_JWT_EXPIRED') throw new InvalidTokenError('The token has expired.');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw new InvalidTokenError(`The token lacks a valid claim: ${(error as Error).message}`);
      throw new InvalidTokenError('The token is malformed or its signature is not valid.');
    }
    checkLifetime(payload, settings.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    const { role, sub } = payload;
    if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
      throw new InvalidTokenError(`The token's role must be one of ${TOKEN_ROLES.join(', ')}.`);
    }
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new InvalidTokenError('The token has no valid subject.');
    return { claims: { role: role as TokenRole, sub }, expiresAt: (payload.exp as number) * 1000 };
  };
}

/** jose has already checked that `exp` is present and that `iat`, when present, is a number. */
function checkLifetime(payload: JWTPayload, maxLifetimeSeconds: number, now: number): void {
  const { iat, exp } = payload as { iat?: number; exp: number };
  if (iat !== undefined && iat > now + CLOCK_SKEW_SECONDS) {
    throw new InvalidTokenError(`The token was issued in the future: its iat is ${iat - now} s ahead of the server clock, more than the ${CLOCK_SKEW_SECONDS} s allowed.`);
  }
  const lifetime = iat !== undefined ? exp - iat : exp - now;
  const allowed = iat !== undefined ? maxLifetimeSeconds : maxLifetimeSeconds + CLOCK_SKEW_SECONDS;
  if (lifetime > allowed) {
    const measure = iat !== undefined ? 'exp − iat' : 'exp − now, without iat';
    throw new InvalidTokenError(`The token lasts longer than the ${maxLifetimeSeconds} s allowed (${measure} = ${lifetime} s).`);
  }
}

/** Mints an HS256 token: for development, demos and tests. */
export async function signToken(claims: TokenClaims, secret: string, expiresIn: string | number = '8h'): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** The token of an `Authorization: Bearer <JWT>` header; undefined when there is no header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new InvalidTokenError('The Authorization header must read "Bearer <token>".');
  return match[1];
}
