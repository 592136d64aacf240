// Postgres snapshots as text ("xmin:xmax:xip,…", what pg_current_snapshot()::text gives), read
// without the database: whether a transaction had committed when the snapshot was taken.

export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  inProgress: Set<bigint>;
}

export function parseSnapshot(text: string): Snapshot {
  const match = /^(\d+):(\d+):([\d,]*)$/.exec(text);
  if (!match) throw new Error(`Not a pg_snapshot: ${text}`);
  return { xmin: BigInt(match[1]!), xmax: BigInt(match[2]!), inProgress: new Set(match[3] ? match[3].split(',').map(BigInt) : []) };
}

/** pg_visible_in_snapshot: committed before the snapshot (for a transaction that did commit). */
export function visibleInSnapshot(transactionId: string, snapshot: Snapshot): boolean {
  const xid = BigInt(transactionId);
  if (xid < snapshot.xmin) return true;
  if (xid >= snapshot.xmax) return false;
  return !snapshot.inProgress.has(xid);
}
