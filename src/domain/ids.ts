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
