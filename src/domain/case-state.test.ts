import { describe, expect, it } from 'vitest';
import { changedCaseFields, type StoredCaseState } from './case-state.js';

const before: StoredCaseState = {
  status: 'HANDED_OFF',
  resolution: null,
  priority: 'NORMAL',
  line: 'FIRST',
  serviceId: 'first-line',
  assigneeId: 'agent-1',
  dueAt: '2026-12-10T16:00:00.000Z',
  version: 3,
};

describe('changed case fields', () => {
  it('lists the fields that differ, in a fixed order', () => {
    const after: StoredCaseState = { ...before, status: 'IN_PROGRESS', line: 'SECOND', serviceId: 'energy', assigneeId: null, version: 4 };
    expect(changedCaseFields(before, after)).toEqual(['status', 'line', 'serviceId', 'assigneeId', 'version']);
  });

  it('is empty when nothing changed, and unknown without an earlier state', () => {
    expect(changedCaseFields(before, { ...before })).toEqual([]);
    expect(changedCaseFields(null, before)).toBeNull();
  });
});
