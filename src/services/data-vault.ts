import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { normalizeTrackingCode } from '../domain/tracking-code.js';

/**
 * Secrets at rest, all keyed from DATA_KEY: national register numbers encrypted (AES-256-GCM)
 * with a keyed hash to find a citizen by number without decrypting every row, and the keyed
 * hash under which a case's tracking code is stored.
 */
export interface DataVault {
  encrypt(digits: string): string;
  decrypt(sealed: string): string;
  lookupHash(digits: string): string;
  trackingCodeHash(code: string): string;
}

export function createDataVault(dataKey: string): DataVault {
  const encryptionKey = createHash('sha256').update(`encryption:${dataKey}`).digest();
  const hashKey = createHash('sha256').update(`lookup:${dataKey}`).digest();
  const trackingKey = createHash('sha256').update(`tracking:${dataKey}`).digest();
  return {
    encrypt(digits) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unreadable sealed national number.');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    lookupHash(digits) {
      return createHmac('sha256', hashKey).update(digits).digest('hex');
    },
    trackingCodeHash(code) {
      // Issued codes are hashed in their normalized form too, so that stored hashes still match.
      return createHmac('sha256', trackingKey).update(normalizeTrackingCode(code)).digest('hex');
    },
  };
}
