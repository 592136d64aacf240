const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids from a client may be anything: only well-formed UUIDs reach a uuid column. */
export function wellFormedUuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}
