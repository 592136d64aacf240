import type { HandoffRow } from '../services/case-reads.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';
import { LineEnum } from './enums.js';
import { type ColumnsOfField } from './selection.js';
import { Service } from './service.js';

/** The columns of its row each field of Handoff reads (reads planned from the selection). */
export const COLUMNS_OF_HANDOFF_FIELD: ColumnsOfField<HandoffRow> = {
  __typename: [],
  id: [],
  status: ['status'],
  fromService: ['fromServiceId'],
  fromLine: ['fromLine'],
  toService: ['toServiceId'],
  toLine: ['toLine'],
  requestedBy: ['requestedByAgentId'],
  reason: ['reason'],
  rejectionReason: ['rejectionReason'],
  response: ['response'],
  completion: ['completion'],
  dueAt: ['dueAt'],
  requestedAt: ['requestedAt'],
};

export const HandoffStatusEnum = builder.enumType('HandoffStatus', {
  description: 'Where a handoff stands.',
  values: {
    REQUESTED: { description: 'Waiting for the receiving service; the case is HANDED_OFF.' },
    ACCEPTED: {
      description: 'The receiving service works the case as its own: it moves it (IN_PROGRESS, WAITING_FOR_CITIZEN, RESOLVED), the referent’s line reads it.',
    },
    COMPLETED: { description: 'Done: `completion` says how (given back to the referent’s line, resolved by the receiving line, or escalated).' },
    REJECTED: { description: 'Refused, with a reason, back to the sender.' },
    CANCELLED: { description: 'Withdrawn by the requesting line, or ended because the case was cancelled.' },
  } as const,
});

export const HandoffCompletionEnum = builder.enumType('HandoffCompletion', {
  description: 'How a completed handoff ended.',
  values: {
    RETURNED: { description: 'completeHandoff: the receiving service answered and gave the case back to the referent’s line, in progress.' },
    RESOLVED: { description: 'The receiving service resolved the case itself (transitionCase to RESOLVED); the case stays at its line.' },
    ESCALATED: { description: 'The receiving service handed the case one line further up (requestHandoff).' },
  } as const,
});

export const Handoff = builder.objectRef<HandoffRow>('Handoff').implement({
  description: 'A request from one line to a service of another line to work on a case. Staff only.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the handoff.', resolve: (handoff) => ({ type: 'Handoff', id: handoff.id }) }),
    status: t.expose('status', { type: HandoffStatusEnum, description: 'Where it stands.' }),
    fromService: t.field({
      type: Service,
      description: 'The requesting service.',
      resolve: (handoff, _args, context) => context.referenceCache.loadedService(handoff.fromServiceId) ?? handoff.fromServiceId,
    }),
    fromLine: t.expose('fromLine', { type: LineEnum, description: 'The requesting line.' }),
    toService: t.field({
      type: Service,
      description: 'The receiving service.',
      resolve: (handoff, _args, context) => context.referenceCache.loadedService(handoff.toServiceId) ?? handoff.toServiceId,
    }),
    toLine: t.expose('toLine', { type: LineEnum, description: 'The receiving line.' }),
    requestedBy: t.field({ type: Agent, nullable: true, description: 'The agent who asked; null for a service account.', resolve: (handoff) => handoff.requestedByAgentId }),
    reason: t.exposeString('reason', { description: 'Why the case is handed off (internal).' }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: 'Why it was rejected; null unless rejected.' }),
    response: t.exposeString('response', { nullable: true, description: 'The receiving service’s answer; null until completed, and when it resolved the case itself.' }),
    completion: t.expose('completion', { type: HandoffCompletionEnum, nullable: true, description: 'How it was completed; null unless COMPLETED.' }),
    dueAt: t.field({ type: 'DateTime', nullable: true, description: 'When the receiving service should have answered; null when no deadline applies.', resolve: (handoff) => handoff.dueAt }),
    requestedAt: t.field({ type: 'DateTime', description: 'When it was requested.', resolve: (handoff) => handoff.requestedAt }),
  }),
});
