import ipaddr from 'ipaddr.js';

// Where Guichet may send a request that a client chose (webhook endpoints): only to public
// unicast addresses, unless the operator's allow-list names the host or the address. The range
// tables are ipaddr.js's (RFC 6890 special-purpose registries), not ours: CIDR arithmetic and
// the odd IPv4 spellings are easy to get wrong by hand.

/** The special-purpose range an address is in, as ipaddr.js names it, or 'unicast' for a public one. */
export function addressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped private address is judged as private.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  // IPv4-compatible ::a.b.c.d written in hex (deprecated, RFC 4291) is "unicast" to ipaddr.js but embeds an IPv4 address.
  if (range === 'unicast' && parsed.kind() === 'ipv6' && parsed.toByteArray().slice(0, 12).every((byte) => byte === 0)) return 'ipv4Compatible';
  return range;
}

/** True for an address on the public internet; false for loopback, private, link-local, metadata, multicast, reserved… and for what is no address. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** What the operator allows beyond public addresses: host names (exact) and networks. */
export interface DestinationAllowList {
  hosts: ReadonlySet<string>;
  networks: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const EMPTY_ALLOW_LIST: DestinationAllowList = { hosts: new Set(), networks: [] };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * Reads WEBHOOK_ALLOWED_HOSTS: comma-separated host names, IP addresses and CIDR networks.
 * Returns the entries it cannot read in `invalid`.
 */
export function parseAllowList(value: string): { allowList: DestinationAllowList; invalid: string[] } {
  const hosts = new Set<string>();
  const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const invalid: string[] = [];
  for (const raw of value.split(',')) {
    const entry = bareHost(raw.trim());
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) networks.push(normalisedNetwork(ipaddr.parseCIDR(entry)));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry)) hosts.add(entry);
    else invalid.push(raw.trim());
  }
  return { allowList: { hosts, networks }, invalid };
}

function normalisedNetwork([address, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are compared after the same mapping.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [address, bits];
}

function inAllowedNetwork(address: string, allowList: DestinationAllowList): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return allowList.networks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
}

/** A URL's host name as compared here: lower case, without IPv6 brackets or a trailing dot. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * Names that resolve inside the network by convention, refused without asking DNS: localhost
 * and its subdomains, single labels (completed by the resolver's search domains), and the
 * special-use suffixes of internal networks and clouds (metadata.google.internal).
 */
/** Name suffixes used only inside networks (reserved ones, and the usual private conventions: Kubernetes services, LANs). */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa', 'svc', 'lan', 'corp', 'intranet', 'private'];

function isInternalName(host: string): boolean {
  if (!host.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/**
 * Whether a URL's host may be registered as an endpoint. An IP literal (the URL parser has
 * already turned 0x7f.1 and 2130706433 into 127.0.0.1) must be public or allowed; a name must
 * not be an internal one unless allowed. A name is not resolved here: the delivery checks every
 * address it resolves to, and an answer at creation would tell a client what internal DNS knows.
 * Returns the problem in words, or null.
 */
export function destinationProblem(hostname: string, allowList: DestinationAllowList): string | null {
  const host = bareHost(hostname);
  if (allowList.hosts.has(host)) return null;
  const range = addressRange(host);
  if (range !== null) {
    if (range === 'unicast' || inAllowedNetwork(host, allowList)) return null;
    return `Points inside a network (${rangeWords(range)}): only public addresses are accepted.`;
  }
  if (isInternalName(host)) return 'Names a host inside a network: only public host names are accepted.';
  return null;
}

/** Whether a request to `hostname` may connect to `address`, one of the addresses it resolved to. */
export function addressAllowed(hostname: string, address: string, allowList: DestinationAllowList): boolean {
  if (allowList.hosts.has(bareHost(hostname))) return true;
  return isPublicAddress(address) || inAllowedNetwork(address, allowList);
}

function rangeWords(range: string): string {
  const words: Record<string, string> = {
    unspecified: 'unspecified address',
    loopback: 'loopback',
    private: 'private range',
    linkLocal: 'link-local range, where cloud metadata services live',
    uniqueLocal: 'unique-local range',
    carrierGradeNat: 'shared address space',
    multicast: 'multicast',
    broadcast: 'broadcast',
  };
  return words[range] ?? 'reserved range';
}
