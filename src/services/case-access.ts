import { type SQL, sql } from 'drizzle-orm';
import { cases, handoffs, themes } from '../db/tables/index.js';
import type { Viewer } from '../domain/viewer.js';
import { representedCases } from './mandates/reads.js';

/**
 * The cases a viewer may read, as a predicate on `cases`: every query that reads cases (or
 * their interactions, events, notes, handoffs) goes through it, so that what the schema does
 * not show cannot be reached another way either.
 * - supervisors and admins: every case;
 * - first-line agents: every case but confidential ones and themes excluded from the first line;
 * - back-office agents and service accounts: cases of their service and cases handed to it;
 * - a citizen: their own cases, and those a mandate in force at `now` lets them reach for
 *   someone else (the schema shows them only citizen-visible fields and events);
 * - anonymous callers: none.
 */
export function readableCases(viewer: Viewer, now: Date): SQL {
  if (viewer.kind === 'agent') {
    switch (viewer.role) {
      case 'SUPERVISOR':
      case 'ADMIN':
        return sql`true`;
      case 'FIRST_LINE_AGENT':
        return sql`(${cases.confidentiality} = 'NORMAL' and not exists (select 1 from ${themes} where ${themes.id} = ${cases.themeId} and ${themes.firstLineExcluded}))`;
      case 'BACK_OFFICE_AGENT':
        return ofOrHandedToService(viewer.serviceId);
    }
  }
  if (viewer.kind === 'service') return ofOrHandedToService(viewer.serviceId);
  if (viewer.kind === 'citizen') return sql`(${cases.citizenId} = ${viewer.citizenId} or ${representedCases(viewer.citizenId, now)})`;
  return sql`false`;
}

function ofOrHandedToService(serviceId: string): SQL {
  return sql`(${cases.serviceId} = ${serviceId} or exists (select 1 from ${handoffs} where ${handoffs.caseId} = ${cases.id} and ${handoffs.toServiceId} = ${serviceId} and ${handoffs.status} in ('REQUESTED', 'ACCEPTED', 'COMPLETED')))`;
}

/** Agents and service accounts act on cases; citizens act through the portal only. */
export function isStaff(viewer: Viewer): viewer is Extract<Viewer, { kind: 'agent' | 'service' }> {
  return viewer.kind === 'agent' || viewer.kind === 'service';
}
