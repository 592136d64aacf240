import { describe, expect, it } from 'vitest';
import { formatCaseReference, parseCaseReference } from './case-reference.js';

describe('case references', () => {
  it('pads the number to six digits', () => {
    expect(formatCaseReference(2026, 123)).toBe('1718-2026-000123');
  });

  it('parses what it formats', () => {
    expect(parseCaseReference(formatCaseReference(2026, 1_234_567))).toEqual({ year: 2026, number: 1_234_567 });
  });

  it.each(['', '1718-26-000001', '1719-2026-000001', 'abc'])('returns null for "%s"', (reference) => {
    expect(parseCaseReference(reference)).toBeNull();
  });
});
