import { CASE_STATE_FIELDS, type CaseStateField, changedCaseFields, type StoredCaseState } from '../domain/case-state.js';
import type { CaseEventRow } from '../services/case-events.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';
import { CaseStatusEnum, LineEnum, PriorityEnum, ResolutionEnum } from './enums.js';
import { vocabularyLabelField } from './language.js';
import { type ColumnsOfField } from './selection.js';
import { Service } from './service.js';

/** The columns of its row each field of CaseEvent reads (reads planned from the selection). */
export const COLUMNS_OF_CASE_EVENT_FIELD: ColumnsOfField<CaseEventRow> = {
  __typename: [],
  cursor: ['position'],
  type: ['type'],
  label: ['type'],
  visibility: ['visibility'],
  actorKind: ['actorKind'],
  actorAgent: ['actorAgentId'],
  actorService: ['actorServiceId'],
  payload: ['payload'],
  occurredAt: ['occurredAt'],
  state: ['caseState'],
  previousState: ['caseStateBefore'],
  changedFields: ['caseState', 'caseStateBefore'],
  representation: ['mandateId'],
};

export const CaseEventTypeEnum = builder.enumType('CaseEventType', {
  description: 'What changed on a case.',
  values: {
    CASE_CREATED: { description: 'The case was opened.' },
    CASE_UPDATED: { description: 'Subject, description, priority, theme, confidentiality or due date changed; payload.fields names them.' },
    STATUS_CHANGED: { description: 'The status moved; payload has from, to and the resolution when resolved.' },
    INTERACTION_ADDED: { description: 'A contact was recorded; payload has interactionId, channel, direction.' },
    HANDOFF_REQUESTED: { description: 'A handoff to another line was requested.' },
    HANDOFF_ACCEPTED: { description: 'The receiving service accepted the handoff.' },
    HANDOFF_REJECTED: { description: 'The receiving service rejected the handoff.' },
    HANDOFF_COMPLETED: {
      description: 'The handoff was completed; payload.completion says how: RETURNED (completeHandoff, with the response), RESOLVED (the receiving line resolved the case), ESCALATED.',
    },
    HANDOFF_CANCELLED: { description: 'The requesting line cancelled the handoff, or the case was cancelled (payload.because: CASE_CANCELLED).' },
    CASE_ASSIGNED: { description: 'The assignee changed; payload has from and to agent ids.' },
    NOTE_ADDED: { description: 'An internal note was added.' },
    PROCEDURE_STEP_CHANGED: { description: 'The linked procedure moved to another step.' },
    MESSAGE_SENT: { description: 'A message was exchanged with the citizen.' },
    PUBLICATION_ORDERED: { description: 'A publication order was recorded.' },
    APPOINTMENT_BOOKED: {
      description:
        'An appointment was booked. Every APPOINTMENT_ event’s payload has appointmentId (a global id), resource (its code), start and end, as the appointment is after the change: what a reminder sender needs. This one adds theme.',
    },
    APPOINTMENT_RESCHEDULED: { description: 'An appointment moved; the payload adds previousResource and previousStart.' },
    APPOINTMENT_CANCELLED: { description: 'An appointment was cancelled; the payload adds reason and by (CITIZEN, AGENT or SERVICE).' },
    APPOINTMENT_CHECKED_IN: { description: 'The citizen arrived for an appointment; the payload adds interactionId, the counter visit’s (as INTERACTION_ADDED gives it).' },
    APPOINTMENT_DONE: { description: 'An appointment took place and is over.' },
    APPOINTMENT_NO_SHOW: { description: 'Nobody came to an appointment; the payload adds by (SYSTEM when marked automatically an hour after its end).' },
    DOCUMENT_ATTACHED: { description: 'A document was attached to the case; the payload gives documentId, fileName, kind and requirementId (null when it answers none). Citizen-visible unless the document is INTERNAL.' },
    DOCUMENT_REVIEWED: { description: 'The owning service accepted or rejected a document; the payload gives documentId, fileName, kind, decision and reason.' },
    DOCUMENT_REMOVED: { description: 'A document was removed and its content deleted; the payload gives documentId and fileName.' },
  } as const,
});

const EventVisibilityEnum = builder.enumType('EventVisibility', {
  description: 'Who may see an event.',
  values: {
    CITIZEN: { description: 'Also the citizen, on the portal.' },
    INTERNAL: { description: 'Staff only.' },
  } as const,
});

export const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'Who made a change.',
  values: {
    AGENT: { description: 'An agent.' },
    CITIZEN: { description: 'The citizen.' },
    SERVICE: { description: 'A service account (back-office application) or a service as a whole.' },
    SYSTEM: { description: 'Guichet itself.' },
  } as const,
});

/** The case's state at an event: staff, and the case's own citizen (not a tracking-code holder). */
const STAFF_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;

const CaseStateAtEvent = builder.objectRef<StoredCaseState>('CaseStateAtEvent').implement({
  description: 'The case as it was at one event, stored with the event in the same transaction: a replay or a webhook sent again says what the case was then.',
  authScopes: STAFF_OR_CITIZEN,
  fields: (t) => ({
    status: t.expose('status', { type: CaseStatusEnum, description: 'Its status then.' }),
    resolution: t.expose('resolution', { type: ResolutionEnum, nullable: true, description: 'Its resolution then; null unless resolved or closed.' }),
    priority: t.expose('priority', { type: PriorityEnum, description: 'Its priority then.' }),
    line: t.expose('line', { type: LineEnum, description: 'The line that held it then.' }),
    service: t.field({ type: Service, description: 'The service that held it then.', resolve: (state) => state.serviceId }),
    assignee: t.field({ type: Agent, nullable: true, authScopes: { staff: true }, description: 'Who worked on it then; null when unassigned. Staff only.', resolve: (state) => state.assigneeId }),
    dueAt: t.field({ type: 'DateTime', nullable: true, description: 'Its due date then; null when none applied.', resolve: (state) => state.dueAt }),
    version: t.exposeInt('version', { description: 'Its version then.' }),
  }),
});

const CASE_STATE_FIELD_NAMES: Record<CaseStateField, string> = {
  status: 'STATUS',
  resolution: 'RESOLUTION',
  priority: 'PRIORITY',
  line: 'LINE',
  serviceId: 'SERVICE',
  assigneeId: 'ASSIGNEE',
  dueAt: 'DUE_AT',
  version: 'VERSION',
};

const CaseStateFieldEnum = builder.enumType('CaseStateField', {
  description: 'A field of CaseStateAtEvent.',
  values: Object.fromEntries(CASE_STATE_FIELDS.map((field) => [CASE_STATE_FIELD_NAMES[field], { value: field, description: `The case’s ${field.replace(/Id$/, '')}.` }])) as Record<
    string,
    { value: CaseStateField; description: string }
  >,
});

export const CaseEvent = builder.objectRef<CaseEventRow>('CaseEvent').implement({
  description:
    'One entry of a case’s append-only timeline, written in the same transaction as the change it records. Readable wherever its case is: staff see every event, a citizen (or a tracking code holder) the CITIZEN-visible ones.',
  authScopes: { public: true },
  fields: (t) => ({
    cursor: t.string({ description: 'Global, strictly increasing position of the event.', resolve: (event) => String(event.position) }),
    type: t.expose('type', { type: CaseEventTypeEnum, description: 'What changed.' }),
    label: vocabularyLabelField(t, 'CASE_EVENT_TYPE', 'What changed, in words, in the asked language.', (event) => event.type),
    visibility: t.expose('visibility', { type: EventVisibilityEnum, description: 'Whether the citizen sees it too.' }),
    actorKind: t.expose('actorKind', { type: ActorKindEnum, description: 'Who made the change.' }),
    actorAgent: t.field({ type: Agent, nullable: true, authScopes: { staff: true }, description: 'The agent who made it; null otherwise. Staff only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).', resolve: (event) => event.actorAgentId }),
    actorService: t.field({ type: Service, nullable: true, description: 'The service account’s service; null otherwise.', resolve: (event) => event.actorServiceId }),
    payload: t.string({ description: 'Details of the change, as a JSON object.', resolve: (event) => JSON.stringify(event.payload) }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the change was made.', resolve: (event) => event.occurredAt }),
    state: t.field({
      type: CaseStateAtEvent,
      nullable: true,
      authScopes: STAFF_OR_CITIZEN,
      description: 'The case as of this event (after its change), the same whether read live, replayed or in a webhook; null for events recorded before states were kept. Staff and the case’s citizen.',
      resolve: (event) => event.caseState,
    }),
    previousState: t.field({
      type: CaseStateAtEvent,
      nullable: true,
      authScopes: STAFF_OR_CITIZEN,
      description: 'The case as of its previous change (an earlier transaction): what this event’s change started from; null when unknown. Events recorded by one change share it.',
      resolve: (event) => event.caseStateBefore,
    }),
    changedFields: t.field({
      type: [CaseStateFieldEnum],
      nullable: true,
      authScopes: STAFF_OR_CITIZEN,
      description: 'The fields of the state that differ from previousState; null when either is unknown.',
      resolve: (event) => (event.caseState ? changedCaseFields(event.caseStateBefore, event.caseState) : null),
    }),
  }),
});
