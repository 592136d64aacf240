import type { Channel, Line } from './vocabulary.js';

// Service-level agreements as data: each policy gives a business-time budget for one kind of
// deadline, optionally narrowed to a channel, theme, line or procedure. The most specific
// matching policy applies; between equally specific ones, the shorter budget.

export const SLA_KINDS = ['FIRST_RESPONSE', 'HANDOFF_ACCEPTANCE', 'RESOLUTION'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaPolicy {
  kind: SlaKind;
  channel: Channel | null;
  themeId: string | null;
  line: Line | null;
  procedureId: string | null;
  businessMinutes: number;
  /** Share of the budget after which the deadline is at risk, in percent. */
  atRiskPercent: number;
}

export interface SlaSubject {
  channel: Channel;
  /** The theme and its ancestors: a policy on a theme covers its sub-themes. */
  themeIds: readonly string[];
  line: Line;
  procedureId: string | null;
}

export function choosePolicy(policies: readonly SlaPolicy[], kind: SlaKind, subject: SlaSubject): SlaPolicy | undefined {
  let best: { policy: SlaPolicy; specificity: number } | undefined;
  for (const policy of policies) {
    if (policy.kind !== kind) continue;
    if (policy.channel !== null && policy.channel !== subject.channel) continue;
    if (policy.themeId !== null && !subject.themeIds.includes(policy.themeId)) continue;
    if (policy.line !== null && policy.line !== subject.line) continue;
    if (policy.procedureId !== null && policy.procedureId !== subject.procedureId) continue;
    const specificity = [policy.channel, policy.themeId, policy.line, policy.procedureId].filter((criterion) => criterion !== null).length;
    if (!best || specificity > best.specificity || (specificity === best.specificity && policy.businessMinutes < best.policy.businessMinutes)) {
      best = { policy, specificity };
    }
  }
  return best?.policy;
}

export interface SlaClock {
  dueAt: Date | null;
  atRiskAt: Date | null;
  /** Set while the case waits for the citizen: the clock stands still at that instant. */
  waitingSince: Date | null;
  /** For a settled case: when it was resolved. */
  settledAt: Date | null;
}

/** Where a deadline stands at `now`; null when the case has none. */
export function slaState(clock: SlaClock, now: Date): SlaState | null {
  if (!clock.dueAt) return null;
  const at = (clock.settledAt ?? clock.waitingSince ?? now).getTime();
  if (at > clock.dueAt.getTime()) return 'BREACHED';
  if (clock.atRiskAt && at >= clock.atRiskAt.getTime()) return 'AT_RISK';
  return 'ON_TRACK';
}
