const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids from a client may be anything: only well-formed UUIDs reach a uuid column. */
export function wellFormedUuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/**
 * The public id of an object as the GraphQL API shows it (Relay global id: base64 of
 * "Type:id"), for data that leaves Guichet outside a GraphQL response, such as webhook bodies.
 */
export function globalId(typename: string, id: string): string {
  return btoa(`${typename}:${id}`);
}
