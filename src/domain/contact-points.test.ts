import { describe, expect, it } from 'vitest';
import { isEmail, isPhone, maskPhone, normalizeEmail, normalizePhone } from './contact-points.js';

describe('contact points', () => {
  it.each([
    ['0470 12 34 56', '32470123456'],
    ['+32 470 12 34 56', '32470123456'],
    ['0032470123456', '32470123456'],
    ['081/33.00.01', '3281330001'],
  ])('normalizes the phone number %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('normalizes e-mail addresses by case and spaces', () => {
    expect(normalizeEmail('  Marie.Dupont@Example.org ')).toBe('marie.dupont@example.org');
  });

  it.each([
    ['marie@example.org', true],
    ['marie@example', false],
    ['not an email', false],
  ])('checks e-mail %s as %s', (input, valid) => {
    expect(isEmail(input)).toBe(valid);
  });

  it.each([
    ['0470 12 34 56', true],
    ['12', false],
    ['call me', false],
  ])('checks phone %s as %s', (input, valid) => {
    expect(isPhone(input)).toBe(valid);
  });

  it('masks all but the country code and the last four digits', () => {
    expect(maskPhone('0470 12 34 56')).toBe('+32 *****3456');
  });
});
