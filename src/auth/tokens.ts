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
}

/** Why a bearer token was refused; the message is safe to show to the caller. */
export class InvalidTokenError extends Error {}

export type TokenVerifier = (token: string) => Promise<TokenClaims>;

/**
 * HS256 with a shared secret (development and simple deployments) or RS256/ES256 keys from a
 * JWKS URL (production identity provider). `exp` is required either way.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
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
      if (code === 'ERR_JWT_EXPIRED') throw new InvalidTokenError('The token has expired.');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw new InvalidTokenError(`The token lacks a valid claim: ${(error as Error).message}`);
      throw new InvalidTokenError('The token is malformed or its signature is not valid.');
    }
    const { role, sub } = payload;
    if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
      throw new InvalidTokenError(`The token's role must be one of ${TOKEN_ROLES.join(', ')}.`);
    }
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new InvalidTokenError('The token has no valid subject.');
    return { role: role as TokenRole, sub };
  };
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
