import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, InvalidTokenError, signToken, VERIFIED_TOKEN_MEMORY_MS } from './tokens.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const settings = { secret: SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined, maxLifetimeSeconds: 86_400 };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('verified tokens remembered', () => {
  it('does check the signature of a token once, then again only after VERIFIED_TOKEN_MEMORY_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signToken({ role: 'agent', sub: 'demo.first' }, SECRET, '1h');
    const verify = createTokenVerifier(settings);
    const signatureChecks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    expect(await verify(token)).toEqual({ role: 'agent', sub: 'demo.first' });
    expect(await verify(token)).toEqual({ role: 'agent', sub: 'demo.first' });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + VERIFIED_TOKEN_MEMORY_MS + 1);
    expect(await verify(token)).toEqual({ role: 'agent', sub: 'demo.first' });
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('does refuse a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signToken({ role: 'agent', sub: 'demo.first' }, SECRET, '10s');
    const verify = createTokenVerifier(settings);
    await verify(token);
    vi.setSystemTime(Date.now() + 11_000);
    await expect(verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it('never remembers a token that failed, nor takes one for another that shares its claims', async () => {
    const verify = createTokenVerifier(settings);
    const forged = await signToken({ role: 'agent', sub: 'demo.supervisor' }, 'another-secret-of-thirty-two-characters', '1h');
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
    await verify(await signToken({ role: 'agent', sub: 'demo.supervisor' }, SECRET, '1h'));
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
  });
});
