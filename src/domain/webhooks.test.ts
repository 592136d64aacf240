import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type RetrySchedule, retryDelayMs, retryWindowMs, webhookUrlProblem } from './webhooks.js';

const { retryBaseDelayMs, maxAttempts } = loadConfig({}).webhooks;
const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseDelayMs: retryBaseDelayMs, maxAttempts };

describe('webhook retries', () => {
  it('does back off exponentially from the base, capped at 8 hours', () => {
    const delays = Array.from({ length: 10 }, (_, index) => retryDelayMs(index + 1, DEFAULT_RETRY_SCHEDULE));
    expect(delays.slice(0, 4)).toEqual([5_000, 20_000, 80_000, 320_000]);
    expect(Math.max(...(delays as number[]))).toBe(8 * 3_600_000);
    for (let index = 1; index < delays.length; index += 1) expect(delays[index]!).toBeGreaterThanOrEqual(delays[index - 1]!);
  });

  it('does keep trying for at least 24 hours with the default schedule', () => {
    expect(retryWindowMs(DEFAULT_RETRY_SCHEDULE)).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it('does stop after the last attempt', () => {
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE.maxAttempts - 1, DEFAULT_RETRY_SCHEDULE)).not.toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE.maxAttempts, DEFAULT_RETRY_SCHEDULE)).toBeNull();
    expect(retryDelayMs(1, { baseDelayMs: 10, maxAttempts: 1 })).toBeNull();
  });
});

describe('webhook URLs', () => {
  it('does accept http only outside production', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { requireHttps: false })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { requireHttps: true })).toBe('Must use https.');
    expect(webhookUrlProblem('https://backoffice.example/hook', { requireHttps: true })).toBeNull();
  });

  it('does refuse relative URLs, other schemes and credentials', () => {
    expect(webhookUrlProblem('/hook', { requireHttps: false })).toBe('Not an absolute URL.');
    expect(webhookUrlProblem('ftp://example.org/hook', { requireHttps: false })).toMatch(/http/);
    expect(webhookUrlProblem('https://user:pw@example.org/hook', { requireHttps: false })).toMatch(/credentials/);
    expect(webhookUrlProblem(`https://example.org/${'a'.repeat(2_000)}`, { requireHttps: false })).toMatch(/2,000/);
  });
});
