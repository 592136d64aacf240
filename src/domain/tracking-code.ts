// Tracking codes are read out on the phone and typed on the portal: ten characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits of randomness, shown as XXXXX-XXXXX.

export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Formats a code from ten random bytes (the caller supplies the randomness). */
export function formatTrackingCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 10) throw new Error('A tracking code needs ten random bytes.');
  const characters = Array.from(randomBytes.slice(0, 10), (byte) => TRACKING_CODE_ALPHABET[byte % TRACKING_CODE_ALPHABET.length]!);
  return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`;
}

/**
 * The code as issued (upper case, XXXXX-XXXXX) from what someone typed: any letter case, with
 * or without the dash, spaces ignored. Any dash counts as the dash (word processors and phones
 * turn "-" into "–" or "‑"). Anything that is not ten characters stays as typed and simply
 * matches no case.
 */
export function normalizeTrackingCode(typed: string): string {
  const characters = typed.replace(/[\s\p{Pd}\u2212]/gu, '').toUpperCase();
  return characters.length === 10 ? `${characters.slice(0, 5)}-${characters.slice(5)}` : characters;
}
