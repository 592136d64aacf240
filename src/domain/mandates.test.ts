import { describe, expect, it } from 'vitest';
import { checkMandateTerms, mandateAllows, mandateCovers, mandateEnding, mandateStatus } from './mandates.js';

const NOW = new Date('2027-03-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('mandateStatus', () => {
  it('is PENDING before validFrom, ACTIVE until validUntil excluded, then EXPIRED', () => {
    const mandate = { validFrom: at('2027-03-01T10:00:00Z'), validUntil: at('2027-04-01T00:00:00Z'), revokedAt: null };
    expect(mandateStatus(mandate, at('2027-03-01T09:59:59Z'))).toBe('PENDING');
    expect(mandateStatus(mandate, NOW)).toBe('ACTIVE');
    expect(mandateStatus(mandate, at('2027-03-31T23:59:59Z'))).toBe('ACTIVE');
    expect(mandateStatus(mandate, at('2027-04-01T00:00:00Z'))).toBe('EXPIRED');
  });

  it('is REVOKED from its revocation, whatever the dates, and ACTIVE without an end', () => {
    const open = { validFrom: at('2027-01-01T00:00:00Z'), validUntil: null, revokedAt: null };
    expect(mandateStatus(open, at('2040-01-01T00:00:00Z'))).toBe('ACTIVE');
    const revoked = { ...open, revokedAt: NOW };
    expect(mandateStatus(revoked, at('2027-03-01T09:59:59Z'))).toBe('ACTIVE');
    expect(mandateStatus(revoked, NOW)).toBe('REVOKED');
    expect(mandateStatus({ ...revoked, validUntil: at('2027-02-01T00:00:00Z') }, NOW)).toBe('REVOKED');
  });
});

describe('mandateEnding', () => {
  it('tells a revocation and an expiry with their time, and nothing while in force or to come', () => {
    const terms = { validFrom: at('2027-01-01T00:00:00Z'), validUntil: at('2027-03-01T10:00:00Z'), revokedAt: null };
    expect(mandateEnding(terms, NOW)).toEqual({ status: 'EXPIRED', endedAt: terms.validUntil });
    expect(mandateEnding({ ...terms, revokedAt: at('2027-02-01T00:00:00Z') }, NOW)).toEqual({ status: 'REVOKED', endedAt: at('2027-02-01T00:00:00Z') });
    expect(mandateEnding({ ...terms, validUntil: null }, NOW)).toBeUndefined();
    expect(mandateEnding({ ...terms, validFrom: at('2027-04-01T00:00:00Z'), validUntil: null }, NOW)).toBeUndefined();
  });
});

describe('mandateCovers', () => {
  const target = { caseId: 'c1', themeCode: 'ENERGY.PREMIUMS' };
  it('reaches every case, the cases of a theme and its sub-themes, or one case', () => {
    expect(mandateCovers({ scope: 'ALL_CASES', themeCodes: [], caseId: null }, target)).toBe(true);
    expect(mandateCovers({ scope: 'THEMES', themeCodes: ['ENERGY'], caseId: null }, target)).toBe(true);
    expect(mandateCovers({ scope: 'THEMES', themeCodes: ['ENERGY.PREMIUMS'], caseId: null }, target)).toBe(true);
    expect(mandateCovers({ scope: 'THEMES', themeCodes: ['ENERGY.AUDIT', 'HOUSING'], caseId: null }, target)).toBe(false);
    // A code that only starts alike is another theme.
    expect(mandateCovers({ scope: 'THEMES', themeCodes: ['ENERGY.PREM'], caseId: null }, target)).toBe(false);
    expect(mandateCovers({ scope: 'ONE_CASE', themeCodes: [], caseId: 'c1' }, target)).toBe(true);
    expect(mandateCovers({ scope: 'ONE_CASE', themeCodes: [], caseId: 'c2' }, target)).toBe(false);
  });
});

describe('mandateAllows', () => {
  it('lets READ read only, and ACT read and act', () => {
    expect(mandateAllows({ rights: 'READ' }, 'READ')).toBe(true);
    expect(mandateAllows({ rights: 'READ' }, 'ACT')).toBe(false);
    expect(mandateAllows({ rights: 'ACT' }, 'ACT')).toBe(true);
    expect(mandateAllows({ rights: 'ACT' }, 'READ')).toBe(true);
  });
});

describe('checkMandateTerms', () => {
  const terms = { scope: 'ALL_CASES' as const, themeCodes: [], caseId: null, rights: 'READ' as const, validFrom: NOW, validUntil: null };
  it('takes each scope with its own details only', () => {
    expect(checkMandateTerms(terms, NOW, ['input'])).toEqual([]);
    expect(checkMandateTerms({ ...terms, scope: 'THEMES' }, NOW, ['input']).map((problem) => problem.path.join('.'))).toEqual(['input.themeCodes']);
    expect(checkMandateTerms({ ...terms, scope: 'ONE_CASE' }, NOW, ['input']).map((problem) => problem.path.join('.'))).toEqual(['input.caseId']);
    expect(checkMandateTerms({ ...terms, themeCodes: ['ENERGY'] }, NOW, ['input']).map((problem) => problem.path.join('.'))).toEqual(['input.themeCodes']);
    expect(checkMandateTerms({ ...terms, caseId: 'c1' }, NOW, ['input']).map((problem) => problem.path.join('.'))).toEqual(['input.caseId']);
  });

  it('wants an end after the start and in the future', () => {
    expect(checkMandateTerms({ ...terms, validUntil: NOW }, NOW, ['input'])[0]!.message).toBe('Must be after validFrom.');
    expect(checkMandateTerms({ ...terms, validFrom: at('2027-01-01T00:00:00Z'), validUntil: at('2027-02-01T00:00:00Z') }, NOW, ['input'])[0]!.message).toBe('Must be in the future.');
  });
});
