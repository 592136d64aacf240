import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { CaseRow, HandoffRow } from '../services/case-reads.js';
import { answerHandoff, listIncomingHandoffs, requestHandoff } from '../services/handoffs.js';
import { builder } from './builder.js';
import { Case } from './case.js';
import { Handoff, HandoffStatusEnum } from './handoff.js';
import { toConnection } from './pagination.js';
import { Service } from './service.js';

const STAFF = { staff: true } as const;

builder.objectFields(Handoff, (t) => ({
  case: t.field({ type: Case, description: 'The case handed off.', resolve: (handoff) => handoff.caseId }),
}));

builder.objectFields(Service, (t) => ({
  incomingHandoffs: t.connection(
    {
      type: Handoff,
      description: 'The service’s queue: handoffs to it with this status (REQUESTED by default), by due date (undated last); only cases you may read. Staff only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
      authScopes: STAFF,
      nullable: true,
      args: { status: t.arg({ type: HandoffStatusEnum, required: false, defaultValue: 'REQUESTED', description: 'REQUESTED when omitted.' }) },
      resolve: async (service, args, context) =>
        toConnection(await listIncomingHandoffs(context.db, context.viewer, service.id, args.status ?? 'REQUESTED', args, context.limits.maxPageSize, context.now)),
    },
    { name: 'HandoffConnection', description: 'A page of handoffs.', authScopes: STAFF },
    { name: 'HandoffEdge', description: 'A handoff and its cursor.', authScopes: STAFF },
  ),
}));

const HandoffPayload = (name: string, description: string) =>
  builder.objectRef<{ handoff: HandoffRow; case: CaseRow }>(name).implement({
    description,
    authScopes: STAFF,
    fields: (t) => ({
      handoff: t.field({ type: Handoff, description: 'The handoff after the change.', resolve: (result) => result.handoff }),
      case: t.field({ type: Case, description: 'The case after the change.', resolve: (result) => result.case }),
    }),
  });

const ERRORS = { types: [ValidationError, NotFoundError, ConflictError, InvalidTransitionError], directResult: true as const };

const RequestHandoffInput = builder.inputType('RequestHandoffInput', {
  description: 'Hand a case to a service of the next line up.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case; you must belong to the service that holds it (or be a supervisor).' }),
    toServiceId: t.globalID({ required: true, for: Service, description: 'The global id of an internal service one line above the case’s current line.' }),
    reason: t.string({ required: true, description: 'Why (internal), 1 to 2,000 characters.' }),
  }),
});

builder.mutationField('requestHandoff', (t) =>
  t.field({
    type: HandoffPayload('RequestHandoffSuccess', 'The handoff was requested; the case is HANDED_OFF.'),
    description:
      'Hands a case one line up (first → second, second → third). A case has at most one open handoff; escalating from the line that accepted one completes that one.',
    authScopes: STAFF,
    errors: ERRORS,
    args: { input: t.arg({ type: RequestHandoffInput, required: true, description: 'The handoff.' }) },
    resolve: (_root, { input }, context) =>
      requestHandoff(context.db, context.viewer, { caseId: input.caseId.id, toServiceId: input.toServiceId.id, reason: input.reason }, context.now),
  }),
);

const HandoffIdInput = (name: string, description: string, extra?: 'reason' | 'response') =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      id: t.globalID({ required: true, for: Handoff, description: 'The global id of the handoff.' }),
      ...(extra === 'reason' ? { reason: t.string({ required: true, description: 'Why it is refused, 1 to 2,000 characters; shown in the timeline.' }) } : {}),
      ...(extra === 'response' ? { response: t.string({ required: true, description: 'The answer for the referent, 1 to 2,000 characters.' }) } : {}),
    }),
  });

const MOVES = [
  [
    'acceptHandoff',
    'accept',
    'AcceptHandoffInput',
    'Accept a handoff.',
    undefined,
    'The receiving service takes the case: its line and service change, the case goes IN_PROGRESS there, the referent stays. From then on the receiving service moves it (transitionCase: WAITING_FOR_CITIZEN stops the SLA clock, RESOLVED completes the handoff with completion RESOLVED and tells the referent by a HANDOFF_COMPLETED event) or gives it back with completeHandoff.',
  ],
  ['rejectHandoff', 'reject', 'RejectHandoffInput', 'Reject a handoff.', 'reason', 'The receiving service refuses: the case goes back to the sender’s line and service, with the reason in the timeline.'],
  ['completeHandoff', 'complete', 'CompleteHandoffInput', 'Complete a handoff.', 'response', 'The receiving service answers, having only had to contribute: the response is recorded (completion RETURNED) and the case goes back to the referent’s line, IN_PROGRESS, to be resolved there.'],
  ['cancelHandoff', 'cancel', 'CancelHandoffInput', 'Cancel a handoff.', undefined, 'The requesting service withdraws it: the case goes back to its line and service.'],
] as const;

for (const [fieldName, move, inputName, inputDescription, extra, description] of MOVES) {
  const Input = HandoffIdInput(inputName, inputDescription, extra);
  const successName = `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Success`;
  builder.mutationField(fieldName, (t) =>
    t.field({
      type: HandoffPayload(successName, `${inputDescription.replace(/\.$/, '')}: done.`),
      description: `${description} ${move === 'cancel' ? 'Only the requesting service may do it.' : 'Only agents and service accounts of the receiving service may do it.'}`,
      authScopes: STAFF,
      errors: ERRORS,
      args: { input: t.arg({ type: Input, required: true, description: 'The handoff and the answer.' }) },
      resolve: (_root, { input }, context) => {
        const values = input as { id: { id: string }; reason?: string; response?: string };
        return answerHandoff(context.db, context.viewer, move, { id: values.id.id, reason: values.reason, response: values.response }, context.now);
      },
    }),
  );
}
