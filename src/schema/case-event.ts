import type { CaseEventRow } from '../services/case-events.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';
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
    HANDOFF_COMPLETED: { description: 'The receiving service completed the handoff.' },
    HANDOFF_CANCELLED: { description: 'The requesting line cancelled the handoff.' },
    CASE_ASSIGNED: { description: 'The assignee changed; payload has from and to agent ids.' },
    NOTE_ADDED: { description: 'An internal note was added.' },
    PROCEDURE_STEP_CHANGED: { description: 'The linked procedure moved to another step.' },
    MESSAGE_SENT: { description: 'A message was exchanged with the citizen.' },
    PUBLICATION_ORDERED: { description: 'A publication order was recorded.' },
  } as const,
});

const EventVisibilityEnum = builder.enumType('EventVisibility', {
  description: 'Who may see an event.',
  values: {
    CITIZEN: { description: 'Also the citizen, on the portal.' },
    INTERNAL: { description: 'Staff only.' },
  } as const,
});

const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'Who made a change.',
  values: {
    AGENT: { description: 'An agent.' },
    CITIZEN: { description: 'The citizen.' },
    SERVICE: { description: 'A service account (back-office application) or a service as a whole.' },
    SYSTEM: { description: 'Guichet itself.' },
  } as const,
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
  }),
});
