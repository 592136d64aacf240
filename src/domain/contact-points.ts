// How contact points are compared: the same address or number written two ways is one.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && email.length <= 254;
}

/** Digits with the Belgian country code: "0470 12 34 56", "+32 470 12 34 56" → "32470123456". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return `32${digits.slice(1)}`;
  return digits;
}

export function isPhone(phone: string): boolean {
  const digits = normalizePhone(phone);
  return /^[\d\s+().\-/]+$/.test(phone.trim()) && digits.length >= 8 && digits.length <= 15;
}

/** What an agent may see of a caller's number: the country code and the last four digits. */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  return `+${digits.slice(0, 2)} ${'*'.repeat(Math.max(digits.length - 6, 0))}${digits.slice(-4)}`;
}
