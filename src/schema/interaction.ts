import { mandateCovers, mandateStatus } from '../domain/mandates.js';
import type { Channel } from '../domain/vocabulary.js';
import { type InteractionDetails, interactionDetailsByIds, type InteractionRow } from '../services/case-reads.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';
import { Case } from './case.js';
import type { Context } from './context.js';
import { ChannelEnum, DirectionEnum } from './enums.js';
import { Procedure, ProcedureStep } from './procedure.js';
import { Counter } from './publication.js';
import { batchLoader } from './loaders.js';
import { Mandate } from './mandates/mandate.js';
import { citizenNamesByIds } from '../services/mandates/names.js';
import { stepsByIds } from '../services/reference-data.js';
import { type ColumnsOfField } from './selection.js';

/**
 * The columns of its row each field of an interaction reads (reads planned from the selection);
 * the channel's details come from their own loader, by the interaction's id.
 */
export const COLUMNS_OF_INTERACTION_FIELD: ColumnsOfField<InteractionRow> = {
  __typename: [],
  id: [],
  channel: [],
  direction: ['direction'],
  externalId: ['externalId'],
  summary: ['summary'],
  agent: ['agentId'],
  occurredAt: ['occurredAt'],
  contactedBy: ['caseId', 'contactedByMandateId', 'contactedByName', 'contactedByRelationship'],
  ...Object.fromEntries(
    ['abandoned', 'callerNumberMasked', 'counter', 'from', 'ivrPath', 'letterReference', 'line', 'messageCount', 'messageId', 'procedure', 'registeredMail', 'senderAddress', 'step', 'subject', 'submissionId', 'talkSeconds', 'ticket', 'to', 'transcript', 'waitSeconds'].map(
      (detail) => [detail, []],
    ),
  ),
};

// One touchpoint on one channel. The common fields live on the interface; each channel has
// its own type with its details. Interactions are read through their case, under its rules.

const TYPE_OF_CHANNEL = {
  PHONE: 'PhoneCall',
  EMAIL: 'EmailMessage',
  CHAT: 'ChatSession',
  COUNTER: 'CounterVisit',
  ONLINE_PROCEDURE: 'OnlineSubmission',
  LETTER: 'Letter',
} as const;

export const Interaction = builder.interfaceRef<InteractionRow>('Interaction').implement({
  description: 'One contact on one channel, always on a case. Readable by whoever may read the case.',
  resolveType: (row) => TYPE_OF_CHANNEL[row.channel],
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the interaction.', resolve: (row) => ({ type: 'Interaction', id: row.id }) }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel; the concrete type says the same.' }),
    direction: t.expose('direction', { type: DirectionEnum, description: 'Inbound (from the citizen) or outbound.' }),
    externalId: t.exposeString('externalId', { nullable: true, description: 'Id in the channel system (call id, Message-ID, …); null when none was sent.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'What was said or done, as noted by the agent; null when not noted.' }),
    agent: t.field({ type: Agent, nullable: true, description: 'The agent who handled it; null for online submissions.', resolve: (row) => row.agentId }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the contact happened.', resolve: (row) => row.occurredAt }),
  }),
});

const STAFF = { staff: true } as const;
// Agents, not service accounts: these read no mandate (services/mandates/reads.ts).
const AGENTS = { agent: true } as const;

/** Who contacted us for the case's citizen, read from the interaction's own columns. */
type ContactedByValue = { kind: 'representative'; mandateId: string; caseId: string } | { kind: 'unverified'; name: string; relationship: string };

const NO_CASE_DATA = 'Without a mandate in force, give general information only, no personal case data.';

const ContactedByRepresentative = builder.objectRef<Extract<ContactedByValue, { kind: 'representative' }>>('ContactedByRepresentative').implement({
  description: `A representative contacted us for the citizen and showed a mandate they hold (checked in force when the contact happened). ${NO_CASE_DATA} Agents only.`,
  authScopes: AGENTS,
  fields: (t) => ({
    mandate: t.field({ type: Mandate, description: 'The mandate they showed, with its scope and rights.', resolve: (value) => value.mandateId }),
    representativeName: t.string({
      description: 'Who they are: the representative’s given and family name when they are a citizen of the portal, or the name the agent recorded with the mandate.',
      resolve: async (value, _args, context) => {
        const mandate = await Mandate.getDataloader(context).load(value.mandateId);
        if (mandate.representativeName !== null) return mandate.representativeName;
        return batchLoader(context, 'mandateCitizenNames', (ids) => citizenNamesByIds(context.db, ids)).load(mandate.representativeCitizenId!);
      },
    }),
    mayDiscussCases: t.boolean({
      description:
        'Whether the mandate is in force now, at the time of this request (not when the contact was recorded): the representative may then be told about the citizen’s cases it reaches (see mandate.scope and mandate.rights). False once it was revoked or expired: general information only.',
      resolve: async (value, _args, context) => mandateStatus(await Mandate.getDataloader(context).load(value.mandateId), context.now) === 'ACTIVE',
    }),
    mayDiscussThisCase: t.boolean({
      description:
        'Whether the case of this contact may be discussed with them now: the mandate is in force (mayDiscussCases) and its scope reaches this case (all the citizen’s cases, its theme, or this very case).',
      resolve: async (value, _args, context) => {
        const mandate = await Mandate.getDataloader(context).load(value.mandateId);
        if (mandateStatus(mandate, context.now) !== 'ACTIVE') return false;
        // Read through the case access rule: a case the agent may not read is not discussed.
        const contactCase = await Case.getDataloader(context)
          .load(value.caseId)
          .catch(() => undefined);
        if (!contactCase || contactCase.citizenId !== mandate.representedCitizenId) return false;
        const [theme] = await context.referenceCache.themesByIds([contactCase.themeId]);
        return theme !== undefined && mandateCovers(mandate, { caseId: contactCase.id, themeCode: theme.code });
      },
    }),
  }),
});

const ContactedByUnverifiedPerson = builder.objectRef<Extract<ContactedByValue, { kind: 'unverified' }>>('ContactedByUnverifiedPerson').implement({
  description: `Someone contacted us for the citizen without a mandate; who they are is as they said, not checked. ${NO_CASE_DATA} Agents only.`,
  authScopes: AGENTS,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Their name, as they gave it.' }),
    relationship: t.exposeString('relationship', { description: 'What they said they are to the citizen, e.g. "son" or "social worker, CPAS Namur".' }),
    mayDiscussCases: t.boolean({ description: 'Always false: without a mandate, no personal case data may be given.', resolve: () => false }),
    mayDiscussThisCase: t.boolean({ description: 'Always false, as mayDiscussCases.', resolve: () => false }),
  }),
});

const ContactedBy = builder.unionType('ContactedBy', {
  description: `Who contacted us for the citizen: a representative with a mandate, or an unverified person. ${NO_CASE_DATA}`,
  types: [ContactedByRepresentative, ContactedByUnverifiedPerson],
  resolveType: (value) => (value.kind === 'representative' ? ContactedByRepresentative : ContactedByUnverifiedPerson),
});

builder.interfaceField(Interaction, 'contactedBy', (t) =>
  t.field({
    type: ContactedBy,
    nullable: true,
    authScopes: AGENTS,
    description:
      'Who made the contact for the citizen, when not the citizen: a representative with a mandate (ContactedByRepresentative), or someone without one (ContactedByUnverifiedPerson) who gets general information only, no personal case data. Null when the citizen contacted us themself, or when an erasure removed what an unverified person said of themself. Agents only: the name is a third person’s personal data.',
    resolve: (row): ContactedByValue | null => {
      if (row.contactedByMandateId !== null) return { kind: 'representative', mandateId: row.contactedByMandateId, caseId: row.caseId };
      if (row.contactedByName !== null && row.contactedByRelationship !== null) return { kind: 'unverified', name: row.contactedByName, relationship: row.contactedByRelationship };
      return null;
    },
  }),
);

/** The channel's details of an interaction, read for all the interactions of a request at once. */
function detailsOf<C extends Channel>(channel: C) {
  return async (row: InteractionRow, context: Context): Promise<InteractionDetails[C]> => {
    const loader = batchLoader(context, `interactionDetails:${channel}`, (ids) => interactionDetailsByIds(context.db, channel, ids));
    const details = await loader.load(row.id);
    if (!details) throw new Error(`Interaction ${row.id} (${channel}) has no details row.`);
    return details;
  };
}
const phone = detailsOf('PHONE');
const email = detailsOf('EMAIL');
const chat = detailsOf('CHAT');
const counter = detailsOf('COUNTER');
const onlineProcedure = detailsOf('ONLINE_PROCEDURE');
const letter = detailsOf('LETTER');

builder.objectRef<InteractionRow>('PhoneCall').implement({
  description: 'A call to the 1718 (French) or 1719 (German) line.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'PHONE',
  authScopes: STAFF,
  fields: (t) => ({
    line: t.string({ description: 'The number called: 1718 or 1719.', resolve: async (row, _args, context) => (await phone(row, context)).line }),
    ivrPath: t.stringList({ description: 'Keys pressed in the voice menu, in order.', resolve: async (row, _args, context) => (await phone(row, context)).ivrPath }),
    waitSeconds: t.int({ nullable: true, description: 'Seconds waited before an agent answered; null when unknown.', resolve: async (row, _args, context) => (await phone(row, context)).waitSeconds }),
    talkSeconds: t.int({ nullable: true, description: 'Seconds of conversation; null when unknown.', resolve: async (row, _args, context) => (await phone(row, context)).talkSeconds }),
    callerNumberMasked: t.string({
      nullable: true,
      description: 'The caller’s number with all but the country code and last four digits hidden; null when withheld.',
      resolve: async (row, _args, context) => (await phone(row, context)).callerNumberMasked,
    }),
    abandoned: t.boolean({ description: 'True when the caller hung up before being answered.', resolve: async (row, _args, context) => (await phone(row, context)).abandoned }),
  }),
});

builder.objectRef<InteractionRow>('EmailMessage').implement({
  description: 'An e-mail received or sent.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'EMAIL',
  authScopes: STAFF,
  fields: (t) => ({
    from: t.string({ description: 'Sender address.', resolve: async (row, _args, context) => (await email(row, context)).fromAddress }),
    to: t.string({ description: 'Recipient address.', resolve: async (row, _args, context) => (await email(row, context)).toAddress }),
    subject: t.string({ description: 'Subject line.', resolve: async (row, _args, context) => (await email(row, context)).subject }),
    messageId: t.string({ nullable: true, description: 'The Message-ID header; null when unknown.', resolve: async (row, _args, context) => (await email(row, context)).messageId }),
  }),
});

builder.objectRef<InteractionRow>('ChatSession').implement({
  description: 'A chat session.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'CHAT',
  authScopes: STAFF,
  fields: (t) => ({
    messageCount: t.int({ description: 'Messages exchanged.', resolve: async (row, _args, context) => (await chat(row, context)).messageCount }),
    transcript: t.string({ nullable: true, description: 'The transcript; null when not kept.', resolve: async (row, _args, context) => (await chat(row, context)).transcript }),
  }),
});

builder.objectRef<InteractionRow>('CounterVisit').implement({
  description: 'A visit to an Espace Wallonie counter.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'COUNTER',
  authScopes: STAFF,
  fields: (t) => ({
    counter: t.field({ type: Counter, description: 'Where the citizen came.', resolve: async (row, _args, context) => (await counter(row, context)).counterId }),
    ticket: t.string({ nullable: true, description: 'Queue ticket; null when none.', resolve: async (row, _args, context) => (await counter(row, context)).ticket }),
  }),
});

builder.objectRef<InteractionRow>('OnlineSubmission').implement({
  description: 'A submission of an online procedure.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'ONLINE_PROCEDURE',
  authScopes: STAFF,
  fields: (t) => ({
    procedure: t.field({ type: Procedure, description: 'The procedure submitted.', resolve: async (row, _args, context) => (await onlineProcedure(row, context)).procedureId }),
    submissionId: t.string({ description: 'Id of the submission in the online platform.', resolve: async (row, _args, context) => (await onlineProcedure(row, context)).submissionId }),
    step: t.loadable({
      type: ProcedureStep,
      nullable: true,
      description: 'The step the submission is at; null when not given.',
      load: (ids: string[], context) => stepsByIds(context.db, ids),
      sort: (step) => step.id,
      resolve: async (row, _args, context) => (await onlineProcedure(row, context)).stepId,
    }),
  }),
});

builder.objectRef<InteractionRow>('Letter').implement({
  description: 'A letter by post.',
  interfaces: [Interaction],
  isTypeOf: (row) => (row as InteractionRow).channel === 'LETTER',
  authScopes: STAFF,
  fields: (t) => ({
    senderAddress: t.string({ nullable: true, description: 'Postal address of the sender; null when unknown.', resolve: async (row, _args, context) => (await letter(row, context)).senderAddress }),
    registeredMail: t.boolean({ description: 'True for registered mail.', resolve: async (row, _args, context) => (await letter(row, context)).registeredMail }),
    letterReference: t.string({ nullable: true, description: 'Reference printed on the letter; null when none.', resolve: async (row, _args, context) => (await letter(row, context)).letterReference }),
  }),
});
