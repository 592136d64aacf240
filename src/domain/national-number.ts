// Belgian national register number (numéro de registre national): YYMMDD + 3-digit serial +
// 2-digit check. The check is 97 - (first nine digits mod 97); for people born from 2000 on,
// the nine digits are prefixed with a 2 before the modulo.

export type NationalNumberCheck =
  | { valid: true; digits: string }
  | { valid: false; reason: 'FORMAT' | 'CHECKSUM' };

/** Accepts the usual written forms (85.07.30-033.28, 85073003328) and checks the mod-97 digits. */
export function checkNationalNumber(input: string): NationalNumberCheck {
  const digits = input.replace(/[\s.\-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { valid: false, reason: 'FORMAT' };
  const body = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const before2000 = 97 - (Number(body) % 97);
  const from2000 = 97 - (Number(`2${body}`) % 97);
  if (check !== before2000 && check !== from2000) return { valid: false, reason: 'CHECKSUM' };
  return { valid: true, digits };
}

/** The two check digits for a nine-digit body. */
export function nationalNumberCheckDigits(body: string, bornFrom2000: boolean): string {
  const value = bornFrom2000 ? Number(`2${body}`) : Number(body);
  return String(97 - (value % 97)).padStart(2, '0');
}

/** Masked form shown by default: everything but the two check digits hidden. */
export function maskNationalNumber(digits: string): string {
  return `**.**.**-***.${digits.slice(9)}`;
}
