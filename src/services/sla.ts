import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { businessHours, closureDays, slaPolicies, themes } from '../db/tables/index.js';
import { addBusinessTime, type BusinessCalendar, businessTimeBetween, minutesOfTime } from '../domain/business-calendar.js';
import { choosePolicy, type SlaKind, type SlaPolicy, type SlaSubject } from '../domain/sla.js';
import type { Channel, Line } from '../domain/vocabulary.js';

const MINUTE = 60_000;

/** The opening hours and closure days stored in the database, as the calendar needs them. */
export async function loadBusinessCalendar(db: Executor): Promise<BusinessCalendar> {
  const [hours, closures] = await Promise.all([db.select().from(businessHours), db.select({ day: closureDays.day }).from(closureDays)]);
  return {
    openingHours: hours.map((row) => ({ weekday: row.weekday, opensAt: minutesOfTime(row.opensAt), closesAt: minutesOfTime(row.closesAt) })),
    closureDays: new Set(closures.map((row) => row.day)),
  };
}

/** The theme and its ancestors, by the dotted codes (ENERGY.PREMIUMS → ENERGY.PREMIUMS, ENERGY). */
async function themeLineage(db: Executor, themeId: string): Promise<string[]> {
  const [theme] = await db.select({ code: themes.code }).from(themes).where(eq(themes.id, themeId));
  if (!theme) return [];
  const codes = theme.code.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'));
  const rows = await db
    .select({ id: themes.id, code: themes.code })
    .from(themes)
    .where(inArray(themes.code, codes));
  return rows.map((row) => row.id);
}

export interface Deadline {
  dueAt: Date;
  atRiskAt: Date;
}

/** A deadline of `kind` for a subject from `start`, or null when no policy applies. */
function planDeadline(policies: readonly SlaPolicy[], calendar: BusinessCalendar, kind: SlaKind, subject: SlaSubject, start: Date): Deadline | null {
  const policy = choosePolicy(policies, kind, subject);
  if (!policy) return null;
  const budget = policy.businessMinutes * MINUTE;
  return {
    dueAt: addBusinessTime(calendar, start, budget),
    atRiskAt: addBusinessTime(calendar, start, Math.round((budget * policy.atRiskPercent) / 100)),
  };
}

/** Resolution and first-response deadlines of a case opened now. */
export async function planCaseDeadlines(
  db: Executor,
  subject: { channel: Channel; themeId: string; line: Line; procedureId: string | null },
  now: Date,
): Promise<{ dueAt: Date | null; atRiskAt: Date | null; firstResponseDueAt: Date | null }> {
  const [calendar, policies, themeIds] = await Promise.all([loadBusinessCalendar(db), db.select().from(slaPolicies), themeLineage(db, subject.themeId)]);
  const slaSubject: SlaSubject = { ...subject, themeIds };
  const resolution = planDeadline(policies, calendar, 'RESOLUTION', slaSubject, now);
  const firstResponse = planDeadline(policies, calendar, 'FIRST_RESPONSE', slaSubject, now);
  return { dueAt: resolution?.dueAt ?? null, atRiskAt: resolution?.atRiskAt ?? null, firstResponseDueAt: firstResponse?.dueAt ?? null };
}

/** When the receiving service should accept a handoff requested now. */
export async function planHandoffDeadline(
  db: Executor,
  subject: { channel: Channel; themeId: string; toLine: Line; procedureId: string | null },
  now: Date,
): Promise<Date | null> {
  const [calendar, policies, themeIds] = await Promise.all([
    loadBusinessCalendar(db),
    db.select().from(slaPolicies).where(eq(slaPolicies.kind, 'HANDOFF_ACCEPTANCE')),
    themeLineage(db, subject.themeId),
  ]);
  const slaSubject: SlaSubject = { channel: subject.channel, themeIds, line: subject.toLine, procedureId: subject.procedureId };
  return planDeadline(policies, calendar, 'HANDOFF_ACCEPTANCE', slaSubject, now)?.dueAt ?? null;
}

/**
 * The deadlines after a wait for the citizen that began at `waitingSince` and ends now: both
 * move later by the business time waited, since the clock stood still meanwhile.
 */
export async function resumeDeadlines(
  db: Executor,
  deadlines: { dueAt: Date | null; atRiskAt: Date | null; waitingSince: Date },
  now: Date,
): Promise<{ dueAt: Date | null; atRiskAt: Date | null }> {
  const calendar = await loadBusinessCalendar(db);
  const waited = businessTimeBetween(calendar, deadlines.waitingSince, now);
  return {
    dueAt: deadlines.dueAt ? addBusinessTime(calendar, deadlines.dueAt, waited) : null,
    atRiskAt: deadlines.atRiskAt ? addBusinessTime(calendar, deadlines.atRiskAt, waited) : null,
  };
}

/** Business time from a case's opening to its resolution, in whole seconds, for statistics. */
export async function resolutionBusinessSeconds(db: Executor, openedAt: Date, resolvedAt: Date): Promise<number> {
  return Math.round(businessTimeBetween(await loadBusinessCalendar(db), openedAt, resolvedAt) / 1000);
}
