import { describe, expect, it } from 'vitest';
import { formatTrackingCode, normalizeTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('formats ten characters as XXXXX-XXXXX', () => {
    expect(formatTrackingCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe('ABCDE-FGHJK');
  });

  it.each([
    ['ABCDE-FGH23', 'ABCDE-FGH23'],
    ['abcde-fgh23', 'ABCDE-FGH23'],
    ['ABCDEFGH23', 'ABCDE-FGH23'],
    [' abcde fgh23 ', 'ABCDE-FGH23'],
    ['AB-CDE-FGH-23', 'ABCDE-FGH23'],
    ['abcdefgh23', 'ABCDE-FGH23'],
    ['ABCDE\u2013FGH23', 'ABCDE-FGH23'],
    ['ABCDE\u2011FGH23', 'ABCDE-FGH23'],
    ['ABCDE\u2212FGH23', 'ABCDE-FGH23'],
    ['\tABCDE\u00a0FGH23\n', 'ABCDE-FGH23'],
  ])('reads "%s" as %s', (typed, issued) => {
    expect(normalizeTrackingCode(typed)).toBe(issued);
  });

  it.each(['', 'ABCDE', 'ABCDE-FGH234'])('leaves "%s", not ten characters, as typed in upper case', (typed) => {
    expect(normalizeTrackingCode(typed)).toBe(typed.replace(/-/g, '').toUpperCase());
  });
});
