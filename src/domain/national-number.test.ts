import { describe, expect, it } from 'vitest';
import { checkNationalNumber, maskNationalNumber, nationalNumberCheckDigits } from './national-number.js';

describe('checkNationalNumber', () => {
  it.each([
    ['85073003328', true], // born 1985: 97 - (850730033 % 97) = 28
    ['85.07.30-033.28', true],
    ['85 07 30 033 28', true],
    ['85073003329', false],
    ['00010100105', true], // born 1 Jan 2000: 97 - (2000101001 % 97) = 5
    ['00010100106', false],
  ])('checks %s as %s', (input, valid) => {
    expect(checkNationalNumber(input).valid).toBe(valid);
  });

  it('accepts numbers of people born from 2000 on (2 prefixed before the modulo)', () => {
    const body = '050315123';
    const check = nationalNumberCheckDigits(body, true);
    expect(checkNationalNumber(body + check)).toEqual({ valid: true, digits: body + check });
    expect(Number(check)).toBe(97 - (Number(`2${body}`) % 97));
  });

  it.each(['', '123', '8507300332a', '850730033281'])('rejects the format of "%s"', (input) => {
    expect(checkNationalNumber(input)).toEqual({ valid: false, reason: 'FORMAT' });
  });

  it('reports a wrong check digit as CHECKSUM', () => {
    expect(checkNationalNumber('85073003300')).toEqual({ valid: false, reason: 'CHECKSUM' });
  });
});

describe('maskNationalNumber', () => {
  it('hides all but the check digits', () => {
    expect(maskNationalNumber('85073003328')).toBe('**.**.**-***.28');
  });
});
