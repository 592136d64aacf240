const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids from a client may be anything: only well-formed UUIDs reach a uuid column. */
export function wellFormedUuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/** A client's id for an equality filter: a malformed one becomes the nil UUID, which matches nothing. */
export function uuidOrNil(id: string): string {
  return isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
}

/**
 * The public id of an object as the GraphQL API shows it (Relay global id: base64 of
 * "Type:id"), for data that leaves Guichet outside a GraphQL response, such as webhook bodies.
 */
export function globalId(typename: string, id: string): string {
  return btoa(`${typename}:${id}`);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const TYPENAME = /^[A-Z_a-z]\w*$/;

/**
 * The type and id a client's global id names, or undefined when it is not one (not base64,
 * no "Type:" prefix, nothing after it, or a NUL that Postgres would refuse in text). The id is
 * not checked here: an id of the right shape that names nothing answers like a missing object.
 */
export function parseGlobalId(value: string): { typename: string; id: string } | undefined {
  if (value.length === 0 || !BASE64.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!TYPENAME.test(typename) || id.length === 0 || id.includes('\u0000')) return undefined;
  return { typename, id };
}
