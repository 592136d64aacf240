import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { EMPTY_ALLOW_LIST, parseAllowList } from './network-addresses.js';
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

const LOOPBACK = parseAllowList('127.0.0.0/8').allowList;

describe('webhook URLs', () => {
  it('does accept http only outside production', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { requireHttps: false, allowList: LOOPBACK })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { requireHttps: true, allowList: LOOPBACK })).toBe('Must use https.');
    expect(webhookUrlProblem('https://backoffice.example/hook', { requireHttps: true, allowList: LOOPBACK })).toBeNull();
  });

  it('does refuse relative URLs, other schemes and credentials', () => {
    expect(webhookUrlProblem('/hook', { requireHttps: false, allowList: LOOPBACK })).toBe('Not an absolute URL.');
    expect(webhookUrlProblem('ftp://example.org/hook', { requireHttps: false, allowList: LOOPBACK })).toMatch(/http/);
    expect(webhookUrlProblem('https://user:pw@example.org/hook', { requireHttps: false, allowList: LOOPBACK })).toMatch(/credentials/);
    expect(webhookUrlProblem(`https://example.org/${'a'.repeat(2_000)}`, { requireHttps: false, allowList: LOOPBACK })).toMatch(/2,000/);
  });
});

describe('webhook destinations', () => {
  const production = { requireHttps: true, allowList: EMPTY_ALLOW_LIST };
  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://10.1.2.3/hook',
    'https://192.168.0.10/hook',
    'https://172.16.5.4/hook',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://127.0.0.1/hook',
    'https://0x7f.1/hook',
    'https://2130706433/hook',
    'https://017700000001/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/hook',
    'https://[fd00:ec2::254]/hook',
    'https://[fe80::1]/hook',
    'https://[ff02::1]/hook',
    'https://224.0.0.1/hook',
    'https://localhost/hook',
    'https://LOCALHOST./hook',
    'https://api.localhost/hook',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://metadata/hook',
    'https://printer.local/hook',
    'https://billing.default.svc/hook',
    'https://nas.lan/hook',
  ])('does refuse %s', (url) => {
    expect(webhookUrlProblem(url, production)).toMatch(/inside a network/);
  });

  it.each(['https://backoffice.example/hook', 'https://93.184.215.14/hook', 'https://[2606:4700::1111]/hook'])('does accept %s', (url) => {
    expect(webhookUrlProblem(url, production)).toBeNull();
  });

  it('does accept what the allow-list names: a host name, an address, a network', () => {
    const { allowList, invalid } = parseAllowList(' receiver.internal , 10.20.0.0/16,[fd00::5], ');
    expect(invalid).toEqual([]);
    const options = { requireHttps: true, allowList };
    expect(webhookUrlProblem('https://receiver.internal/hook', options)).toBeNull();
    expect(webhookUrlProblem('https://RECEIVER.internal./hook', options)).toBeNull();
    expect(webhookUrlProblem('https://10.20.3.4/hook', options)).toBeNull();
    expect(webhookUrlProblem('https://[::ffff:10.20.3.4]/hook', options)).toBeNull();
    expect(webhookUrlProblem('https://[fd00::5]/hook', options)).toBeNull();
    expect(webhookUrlProblem('https://10.21.0.1/hook', options)).toMatch(/inside a network/);
    expect(webhookUrlProblem('https://other.internal/hook', options)).toMatch(/inside a network/);
    expect(parseAllowList('ok.example, not a host, 10.0.0.0/33').invalid).toEqual(['not a host', '10.0.0.0/33']);
  });
});
