import { createHmac, randomBytes } from 'node:crypto';

// Signing as the Standard Webhooks convention says, so that receivers can use any of its
// libraries: the secret is "whsec_" + base64 key; the signature is "v1," + base64 of
// HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>").

const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The three headers of one try: the id stays the same across tries, the timestamp does not. */
export function signedHeaders(secret: string, messageId: string, sentAt: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(sentAt.getTime() / 1000));
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': messageId, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
