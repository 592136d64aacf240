import { ForbiddenError, NotFoundError, RequiredDocumentsMissingError, ValidationError } from '../domain/errors.js';
import type { CaseStatus } from '../domain/vocabulary.js';
import { type CaseRow, listCases, messagePagesByCaseIds, readableCasesByIds } from '../services/case-reads.js';
import { type AccessLogEntry, listOwnAccessLog } from '../services/citizens.js';
import { type MessageRow, sendMessage } from '../services/messages.js';
import { orderPublications, type PublicationOrderRow } from '../services/orders.js';
import { anonymizeCitizen, exportCitizenData } from '../services/privacy.js';
import { mandatesInForce } from '../services/mandates/acting.js';
import { agentSummariesByIds, type AgentSummary } from '../services/people.js';
import { advanceProcedureStep, procedureProgressByCaseIds, type StepProgress, startProcedure } from '../services/procedures.js';
import { builder } from './builder.js';
import { Case, casePage, caseRelationsAsked, loggedReads } from './case.js';
import { Citizen } from './citizen.js';
import { Mandate } from './mandates/mandate.js';
import { CaseStatusEnum } from './enums.js';
import { vocabularyLabelField } from './language.js';
import { batchLoader } from './loaders.js';
import { toConnection } from './pagination.js';
import { ProcedureStep } from './procedure.js';
import { Publication } from './publication.js';
import { Service } from './service.js';

// What the citizen portal reads and does: their cases, procedures, messages.

const CITIZEN = { citizen: true } as const;
const STAFF_OR_OWNER = { $any: { staff: true, citizen: true } } as const;

const StepStateEnum = builder.enumType('StepState', {
  description: 'Where a procedure step stands for a case.',
  values: {
    DONE: { description: 'Passed.' },
    CURRENT: { description: 'The step the file is at.' },
    PENDING: { description: 'Still to come.' },
  } as const,
});

const StepProgressType = builder.objectRef<StepProgress>('StepProgress').implement({
  description: 'One step of the case’s procedure and where it stands.',
  authScopes: STAFF_OR_OWNER,
  fields: (t) => ({
    step: t.field({ type: ProcedureStep, description: 'The step, with its label.', resolve: (progress) => progress.step }),
    state: t.expose('state', { type: StepStateEnum, description: 'Done, current or pending.' }),
    stateLabel: vocabularyLabelField(t, 'STEP_STATE', 'The state in words, in the asked language.', (progress) => progress.state),
    reachedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the file reached the step; null for pending steps.', resolve: (progress) => progress.reachedAt }),
  }),
});

const ReferentSummary = builder.objectRef<AgentSummary>('ReferentSummary').implement({
  description: 'The citizen’s single referent, as the citizen sees them: first name and service only.',
  authScopes: STAFF_OR_OWNER,
  fields: (t) => ({
    givenName: t.exposeString('givenName', { description: 'First name.' }),
    service: t.field({ type: Service, description: 'Their service, with its coordinates.', resolve: (agent) => agent.serviceId }),
  }),
});

const MessageAuthorEnum = builder.enumType('MessageAuthor', {
  description: 'Who wrote a message.',
  values: { CITIZEN: { description: 'The citizen.' }, ADMINISTRATION: { description: 'An agent or a back-office service.' } } as const,
});

export const Message = builder.objectRef<MessageRow>('Message').implement({
  description: 'A message exchanged with the citizen on a case; visible to the citizen and to staff. Bodies are plain text, stored as given.',
  authScopes: STAFF_OR_OWNER,
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the message.', resolve: (message) => ({ type: 'Message', id: message.id }) }),
    author: t.field({ type: MessageAuthorEnum, description: 'The citizen or the administration.', resolve: (message) => (message.authorCitizenId ? 'CITIZEN' : 'ADMINISTRATION') }),
    authorName: t.string({
      nullable: true,
      description: 'For the administration: the agent’s first name (never a login); null for the citizen or a service account.',
      resolve: async (message, _args, context) =>
        message.authorAgentId
          ? ((await batchLoader(context, 'agentSummaries', (ids) => agentSummariesByIds(context.db, ids)).load(message.authorAgentId))?.givenName ?? null)
          : null,
    }),
    body: t.exposeString('body', { description: 'The text, as written; render it as text, never as HTML.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was sent.', resolve: (message) => message.createdAt }),
  }),
});

builder.objectFields(Case, (t) => ({
  procedureProgress: t.field({
    type: [StepProgressType],
    nullable: true,
    authScopes: STAFF_OR_OWNER,
    description: 'The steps of the linked procedure, DONE / CURRENT / PENDING with dates; null when the case follows no procedure.',
    resolve: (row, _args, context) => batchLoader(context, 'procedureProgress', (ids) => procedureProgressByCaseIds(context.db, ids)).load(row.id),
  }),
  referentSummary: t.field({
    type: ReferentSummary,
    nullable: true,
    authScopes: STAFF_OR_OWNER,
    description: 'The citizen’s single referent: first name and service; null while none is named.',
    resolve: (row, _args, context) =>
      row.referentAgentId ? batchLoader(context, 'agentSummaries', (ids) => agentSummariesByIds(context.db, ids)).load(row.referentAgentId) : null,
  }),
  messages: t.connection(
    {
      type: Message,
      authScopes: STAFF_OR_OWNER,
      description: 'Messages exchanged with the citizen, oldest first: the case’s staff and its citizen read them all.',
      resolve: casePage('messages', messagePagesByCaseIds),
    },
    { name: 'MessageConnection', description: 'A page of messages.', authScopes: STAFF_OR_OWNER },
    { name: 'MessageEdge', description: 'A message and its cursor.', authScopes: STAFF_OR_OWNER },
  ),
}));

builder.queryField('myCases', (t) =>
  t.connection(
    {
      type: Case,
      description:
        'The signed-in citizen’s cases, whatever channel they started on, newest first; with onBehalfOf, those of a person who gave them a mandate in force, within its scope (each read is in that person’s access log). Citizens only.',
      authScopes: CITIZEN,
      args: {
        status: t.arg({ type: [CaseStatusEnum], required: false, description: 'Only cases in any of these statuses.' }),
        onBehalfOf: t.arg.globalID({
          required: false,
          for: Citizen,
          description:
            'The global id of a citizen you represent (see viewer.mandatesHeld): their cases that your mandates in force reach. A mandate that ended is refused with FORBIDDEN naming its end date (extensions.mandateEndedAt); someone who gave you none is NOT_FOUND.',
        }),
      },
      resolve: async (_root, args, context, info) => {
        const { viewer } = context;
        if (viewer.kind !== 'citizen') throw new ForbiddenError('Citizens only.');
        const represented = args.onBehalfOf && args.onBehalfOf.id !== viewer.citizenId ? args.onBehalfOf.id : undefined;
        if (represented) await mandatesInForce(context.db, viewer.citizenId, represented, context.now);
        const page = await listCases(
          context.db,
          viewer,
          { statuses: (args.status ?? undefined) as CaseStatus[] | undefined, citizenId: represented ?? viewer.citizenId },
          { field: 'CREATED_AT', direction: 'DESC' },
          args,
          context.limits.maxPageSize,
          context.now,
          caseRelationsAsked(info, ['edges', 'node'], context),
        );
        if (represented) await loggedReads(context, page.rows);
        return toConnection(page);
      },
    },
    { name: 'MyCaseConnection', description: 'A page of the citizen’s cases.', authScopes: CITIZEN },
    { name: 'MyCaseEdge', description: 'A case and its cursor.', authScopes: CITIZEN },
  ),
);

const StartProcedureSuccess = builder.objectRef<{ case: CaseRow; trackingCode: string }>('StartProcedureSuccess').implement({
  description: 'The procedure was started.',
  authScopes: CITIZEN,
  fields: (t) => ({
    case: t.field({ type: Case, description: 'The new case, at the first step.', resolve: (result) => result.case }),
    trackingCode: t.exposeString('trackingCode', { description: 'Code to follow the case without logging in (trackCase). Shown only now.' }),
  }),
});

const StartProcedureInput = builder.inputType('StartProcedureInput', {
  description: 'An online procedure submitted by the citizen.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The procedure’s code.' }),
    onBehalfOf: t.globalID({
      required: false,
      for: Citizen,
      description:
        'The global id of a citizen you represent, to start it for them: it takes a mandate in force with ACT whose scope reaches the procedure’s theme (FORBIDDEN otherwise, naming the end date of one that ended). The case is theirs, and its events record both of you.',
    }),
    answers: t.field({
      type: 'JSON',
      required: true,
      description:
        'The form’s answers: a JSON object (not a string holding one), at most 20,000 bytes, e.g. { surface: 120, isolant: "laine de roche" }. Checked against the procedure’s form (Procedure.form) when it has one: a missing required answer or one of the wrong type is a ValidationError at input.answers.<name>; answers the form does not name are kept.',
    }),
  }),
});

builder.mutationField('startProcedure', (t) =>
  t.field({
    type: StartProcedureSuccess,
    description: 'Starts an online procedure: a case at the owning service, at the first step. Citizens only.',
    authScopes: CITIZEN,
    errors: { types: [ValidationError], directResult: true },
    args: { input: t.arg({ type: StartProcedureInput, required: true, description: 'The submission.' }) },
    resolve: (_root, { input }, context) => startProcedure(context.db, context.viewer, context.vault, { code: input.code, answers: input.answers, onBehalfOf: input.onBehalfOf?.id }, context.now),
  }),
);

const AdvanceProcedureStepInput = builder.inputType('AdvanceProcedureStepInput', {
  description: 'Move a case’s procedure to a later step.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    stepCode: t.string({ required: true, description: 'The step to move to: the next one, or a later one when the procedure allows skipping.' }),
    documentsOverrideReason: t.string({
      required: false,
      description:
        'Moves on although documents the current step needs are not all accepted, saying why (up to 1,000 characters; it is in the PROCEDURE_STEP_CHANGED event, which the citizen sees). Without it such a move is refused with RequiredDocumentsMissingError.',
    }),
  }),
});

builder.mutationField('advanceProcedureStep', (t) =>
  t.field({
    type: builder.objectRef<{ case: CaseRow }>('AdvanceProcedureStepSuccess').implement({
      description: 'The procedure moved.',
      authScopes: { staff: true },
      fields: (f) => ({ case: f.field({ type: Case, description: 'The case at its new step.', resolve: (result) => result.case }) }),
    }),
    description: 'Moves a case’s procedure to a later step. Agents and service accounts of the owning service only.',
    authScopes: { staff: true },
    errors: { types: [ValidationError, NotFoundError, RequiredDocumentsMissingError], directResult: true },
    args: { input: t.arg({ type: AdvanceProcedureStepInput, required: true, description: 'The move.' }) },
    resolve: async (_root, { input }, context) => ({
      case: await advanceProcedureStep(context.db, context.viewer, { caseId: input.caseId.id, stepCode: input.stepCode, documentsOverrideReason: input.documentsOverrideReason }, context.now),
    }),
  }),
);

const SendMessageInput = builder.inputType('SendMessageInput', {
  description: 'A message on a case.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case (a citizen: one of theirs).' }),
    body: t.string({ required: true, description: 'Plain text, 1 to 5,000 characters.' }),
  }),
});

builder.mutationField('sendMessage', (t) =>
  t.field({
    type: builder.objectRef<{ message: MessageRow; case: CaseRow }>('SendMessageSuccess').implement({
      description: 'The message was sent.',
      authScopes: STAFF_OR_OWNER,
      fields: (f) => ({
        sentMessage: f.field({ type: Message, description: 'The message sent.', resolve: (result) => result.message }),
        message: f.field({
          type: Message,
          description: 'The message sent; same as sentMessage.',
          deprecationReason: 'Use sentMessage: `message` here has another type than Error.message, so both cannot be selected in one SendMessageResult selection.',
          resolve: (result) => result.message,
        }),
        case: f.field({ type: Case, description: 'The case (back IN_PROGRESS when the citizen answered a request for information).', resolve: (result) => result.case }),
      }),
    }),
    description: 'Sends a message to the citizen (staff) or to the administration (the citizen, on their own case).',
    authScopes: STAFF_OR_OWNER,
    errors: { types: [ValidationError, NotFoundError], directResult: true },
    args: { input: t.arg({ type: SendMessageInput, required: true, description: 'The message.' }) },
    resolve: (_root, { input }, context) => sendMessage(context.db, context.viewer, { caseId: input.caseId.id, body: input.body }, context.now),
  }),
);

const AccessLogEntryType = builder.objectRef<AccessLogEntry>('AccessLogEntry').implement({
  description: 'One read of the citizen’s personal data: by the administration (when, which service, which data), or by someone they gave a mandate (by name).',
  authScopes: CITIZEN,
  fields: (t) => ({
    occurredAt: t.field({ type: 'DateTime', description: 'When it was read.', resolve: (entry) => entry.occurredAt }),
    service: t.field({ type: Service, nullable: true, description: 'The service that read it (never the person); null for a read by a representative, or if that account no longer exists.', resolve: (entry) => entry.serviceId }),
    representativeName: t.exposeString('representativeName', { nullable: true, description: 'Who read it under a mandate you gave (given and family name); null for a read by the administration.' }),
    mandate: t.field({ type: Mandate, nullable: true, description: 'The mandate a representative read under; null otherwise.', resolve: (entry) => entry.mandateId }),
    fields: t.exposeStringList('fields', {
      description:
        'What was read: nationalNumber, nationalNumber:revealed, contactPoints, document (the content of one of your documents was downloaded), case (a representative read the case, or a document or appointment on it), citizen (a representative read your name and masked number); for what a representative did, the event type (e.g. MESSAGE_SENT).',
    }),
    caseReference: t.string({
      nullable: true,
      description: 'The case it was read for, when known; null otherwise.',
      resolve: async (entry, _args, context) =>
        entry.caseId ? ((await readableCasesByIds(context.db, context.viewer, [entry.caseId], context.now))[0]?.reference ?? null) : null,
    }),
  }),
});

builder.queryField('myAccessLog', (t) =>
  t.connection(
    {
      type: AccessLogEntryType,
      description: 'Who consulted my file: every read of the signed-in citizen’s personal data by the administration, newest first. Citizens only.',
      authScopes: CITIZEN,
      resolve: async (_root, args, context) => toConnection(await listOwnAccessLog(context.db, context.viewer, args, context.limits.maxPageSize)),
    },
    { name: 'AccessLogConnection', description: 'A page of reads of personal data.', authScopes: CITIZEN },
    { name: 'AccessLogEdge', description: 'A read and its cursor.', authScopes: CITIZEN },
  ),
);

const PublicationOrder = builder.objectRef<PublicationOrderRow>('PublicationOrder').implement({
  description: 'Copies of one publication ordered for a citizen.',
  authScopes: STAFF_OR_OWNER,
  fields: (t) => ({
    publication: t.field({ type: Publication, description: 'What was ordered.', resolve: (order) => order.publicationId }),
    quantity: t.exposeInt('quantity', { description: 'How many copies.' }),
    orderedAt: t.field({ type: 'DateTime', description: 'When it was ordered.', resolve: (order) => order.orderedAt }),
  }),
});

const OrderItemInput = builder.inputType('OrderItemInput', {
  description: 'One publication and how many copies.',
  fields: (t) => ({
    publicationCode: t.string({ required: true, description: 'The publication’s code; it must be available in print.' }),
    quantity: t.int({ required: false, defaultValue: 1, description: '1 to 100; 1 when omitted.' }),
  }),
});

const OrderPublicationsInput = builder.inputType('OrderPublicationsInput', {
  description: 'An order of brochures, sent by post.',
  fields: (t) => ({
    items: t.field({ type: [OrderItemInput], required: true, description: '1 to 10 publications.' }),
    deliveryAddress: t.string({ required: true, description: 'Where to send them.' }),
    citizenId: t.globalID({ required: false, for: Citizen, description: 'For an agent: the global id of the citizen ordering. A citizen orders for themself.' }),
  }),
});

builder.mutationField('orderPublications', (t) =>
  t.field({
    type: builder.objectRef<{ case: CaseRow; orders: PublicationOrderRow[]; trackingCode: string }>('OrderPublicationsSuccess').implement({
      description: 'The order was recorded on a case resolved as ORDER_REGISTERED.',
      authScopes: STAFF_OR_OWNER,
      fields: (f) => ({
        case: f.field({ type: Case, description: 'The case recording the order.', resolve: (result) => result.case }),
        orders: f.field({ type: [PublicationOrder], description: 'One line per publication.', resolve: (result) => result.orders }),
        trackingCode: f.exposeString('trackingCode', { description: 'Code to follow the case without logging in. Shown only now.' }),
      }),
    }),
    description: 'Orders brochures, by a citizen on the portal or by an agent for a citizen.',
    authScopes: { $any: { agent: true, citizen: true } },
    errors: { types: [ValidationError], directResult: true },
    args: { input: t.arg({ type: OrderPublicationsInput, required: true, description: 'The order.' }) },
    resolve: (_root, { input }, context) =>
      orderPublications(
        context.db,
        context.viewer,
        context.vault,
        {
          items: input.items.map((item) => ({ publicationCode: item.publicationCode, quantity: item.quantity ?? 1 })),
          deliveryAddress: input.deliveryAddress,
          citizenId: input.citizenId?.id,
        },
        context.now,
      ),
  }),
);

builder.queryField('myData', (t) =>
  t.string({
    description: 'Everything Guichet stores about the signed-in citizen, as one JSON document (GDPR right of access). Citizens only.',
    authScopes: CITIZEN,
    resolve: async (_root, _args, context) => JSON.stringify(await exportCitizenData(context.db, context.viewer, context.vault, context.now)),
  }),
);

const AnonymizeCitizenInput = builder.inputType('AnonymizeCitizenInput', {
  description: 'The citizen whose personal data is erased.',
  fields: (t) => ({ id: t.globalID({ required: true, for: Citizen, description: 'The global id of the citizen.' }) }),
});

builder.mutationField('anonymizeCitizen', (t) =>
  t.field({
    type: builder.objectRef<{ id: string; cases: number }>('AnonymizeCitizenSuccess').implement({
      description: 'The citizen’s personal data was erased; their cases remain for statistics.',
      authScopes: { admin: true },
      fields: (f) => ({
        casesKept: f.exposeInt('cases', { description: 'How many cases were kept, redacted.' }),
      }),
    }),
    description: 'Erases a citizen’s personal data (names, national number, contact points, free texts of their cases) and keeps the cases for statistics. Admins only; logged.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError], directResult: true },
    args: { input: t.arg({ type: AnonymizeCitizenInput, required: true, description: 'The citizen.' }) },
    resolve: (_root, { input }, context) => anonymizeCitizen(context.db, context.documentStore, context.viewer, input.id.id, context.requestId),
  }),
);
