import { describe, expect, it } from 'vitest';
import { parseSnapshot, visibleInSnapshot } from './snapshot.js';

describe('snapshots', () => {
  it('tells the transactions committed before the snapshot as pg_visible_in_snapshot does', () => {
    const snapshot = parseSnapshot('100:105:101,103');
    expect(['99', '100', '102', '104'].map((xid) => visibleInSnapshot(xid, snapshot))).toEqual([true, true, true, true]);
    expect(['101', '103', '105', '200'].map((xid) => visibleInSnapshot(xid, snapshot))).toEqual([false, false, false, false]);
    expect(visibleInSnapshot('41', parseSnapshot('42:42:'))).toBe(true);
    expect(visibleInSnapshot('42', parseSnapshot('42:42:'))).toBe(false);
  });

  it('refuses what is not a snapshot', () => {
    expect(() => parseSnapshot('42')).toThrow(/Not a pg_snapshot/);
  });
});
