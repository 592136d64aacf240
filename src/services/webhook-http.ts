import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed, bareHost, type DestinationAllowList } from '../domain/network-addresses.js';
import { failureOfStatus, type WebhookFailure } from '../domain/webhooks.js';

// One POST to an endpoint that a client chose. node:http(s) rather than fetch: its `lookup`
// option lets Guichet resolve the name itself, check every address, and connect to the address
// it checked — a second resolution between check and connection (DNS rebinding) cannot happen.
// node:http never follows redirects.

/** Resolves a host name to all its addresses; dns.lookup (the system resolver, /etc/hosts included) by default. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const resolveWithSystem: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface PostOutcome {
  /** The status the endpoint answered; null when no answer came. */
  statusCode: number | null;
  /** Null on a 2xx. */
  failure: WebhookFailure | null;
  /** What went wrong in the network's words, for the server log only. */
  detail: string | null;
}

class AddressNotAllowed extends Error {
  constructor(readonly host: string, readonly addresses: string[]) {
    super(`${host} resolves to ${addresses.join(', ')}, outside what webhooks may reach`);
  }
}

class NoAnswerInTime extends Error {}

/** A net `lookup` that answers only with addresses the allow-list lets this host reach, and refuses if any is not. */
function checkedLookup(allowList: DestinationAllowList, resolve: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        const refused = addresses.filter((entry) => !addressAllowed(hostname, entry.address, allowList)).map((entry) => entry.address);
        if (refused.length > 0) return callback(new AddressNotAllowed(hostname, refused), '', 0);
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        // With autoSelectFamily (Node's default) net asks for every address and tries them in turn.
        if (options.all) return (callback as unknown as (error: null, all: typeof wanted) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** POSTs `body` to `url` if its host may be reached, and says how it went. */
export async function postToEndpoint(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowList: DestinationAllowList; resolve?: ResolveHost },
): Promise<PostOutcome> {
  const target = new URL(url);
  const host = bareHost(target.hostname);
  // net connects to an IP literal without calling `lookup`: check it here.
  if (isIP(host) !== 0 && !addressAllowed(host, host, options.allowList)) {
    return { statusCode: null, failure: 'ADDRESS_NOT_ALLOWED', detail: `${host} is outside what webhooks may reach` };
  }
  try {
    const statusCode = await post(target, headers, body, options.timeoutMs, checkedLookup(options.allowList, options.resolve ?? resolveWithSystem));
    return { statusCode, failure: failureOfStatus(statusCode), detail: null };
  } catch (error) {
    if (error instanceof AddressNotAllowed) return { statusCode: null, failure: 'ADDRESS_NOT_ALLOWED', detail: error.message };
    if (error instanceof NoAnswerInTime) return { statusCode: null, failure: 'TIMEOUT', detail: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { statusCode: null, failure: 'CONNECTION_FAILED', detail: [code, error instanceof Error ? error.message : String(error)].filter(Boolean).join(': ') };
  }
}

function post(target: URL, headers: Record<string, string>, body: string, timeoutMs: number, lookup: LookupFunction): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      // No shared agent: every try makes its own connection through the checked lookup.
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, agent: false },
      (response) => {
        clearTimeout(timer);
        // Only the status matters; the answer's body is not read.
        response.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => request.destroy(new NoAnswerInTime(`No answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
