import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { MAX_CONTACTED_BY_TEXT } from '../domain/mandates.js';
import type { Labels } from '../domain/vocabulary.js';
import type { CaseRow, InteractionRow } from '../services/case-reads.js';
import { registerContact } from '../services/contacts.js';
import { builder } from './builder.js';
import { KnowledgeArticle } from './knowledge.js';
import { Case } from './case.js';
import { Citizen } from './citizen.js';
import { ChannelEnum, DirectionEnum, PriorityEnum, ResolutionEnum } from './enums.js';
import { Interaction } from './interaction.js';
import { LanguageEnum, labelField } from './language.js';
import { Mandate } from './mandates/mandate.js';
import { Service } from './service.js';
import { Theme } from './theme.js';

const STAFF = { staff: true } as const;

/**
 * The outcome of a new contact on a theme the first line must not handle. Not a failure, but
 * the errors plugin puts a union member in place only for what the resolver throws.
 */
export class RedirectRequired extends Error {
  constructor(
    readonly themeId: string,
    readonly serviceId: string | null,
    readonly redirectMessage: Labels | null,
  ) {
    super('Redirect required.');
  }
}

const GENERAL_REDIRECT_MESSAGE: Labels = {
  fr: 'Cette demande n’est pas traitée par la première ligne : le service indiqué vous répondra.',
  de: 'Dieses Anliegen wird nicht von der ersten Linie bearbeitet: Der angegebene Dienst hilft Ihnen weiter.',
  nl: 'Deze vraag wordt niet door de eerste lijn behandeld: de vermelde dienst helpt u verder.',
  en: 'This request is not handled by the first line: the service shown will help you.',
};

builder.objectType(RedirectRequired, {
  name: 'RedirectRequired',
  description: 'The theme is not handled by the first line (e.g. personal tax files): no case was opened; redirect the citizen with this message.',
  authScopes: STAFF,
  fields: (t) => ({
    theme: t.field({ type: Theme, description: 'The excluded theme.', resolve: (redirect) => redirect.themeId }),
    service: t.field({ type: Service, nullable: true, description: 'Where to send the citizen, with its coordinates.', resolve: (redirect) => redirect.serviceId }),
    // Never null: beside the typed errors of registerContact, `message` keeps one type (String!).
    message: labelField(t, 'What to tell the citizen, in the asked language: the theme’s redirect message, or a general one when it has none.', (redirect) => redirect.redirectMessage ?? GENERAL_REDIRECT_MESSAGE),
  }),
});

const RegisterContactSuccess = builder
  .objectRef<{ case: CaseRow; interaction: InteractionRow; createdCase: boolean; trackingCode: string | null }>('RegisterContactSuccess')
  .implement({
    description: 'The contact was recorded on a case.',
    authScopes: STAFF,
    fields: (t) => ({
      case: t.field({ type: Case, description: 'The case the contact is on.', resolve: (result) => result.case }),
      interaction: t.field({ type: Interaction, description: 'The recorded interaction.', resolve: (result) => result.interaction }),
      createdCase: t.exposeBoolean('createdCase', { description: 'True when this contact opened the case.' }),
      trackingCode: t.exposeString('trackingCode', {
        nullable: true,
        description: 'When the case was just opened: the code to give the citizen for tracking it on the portal. Null otherwise, also when the same contact is sent again.',
      }),
    }),
  });

const CitizenIdentityInput = builder.inputType('CitizenIdentityInput', {
  description: 'Who the citizen is: found by national number, then e-mail, then phone; registered when unknown (names then required).',
  fields: (t) => ({
    nationalNumber: t.string({ required: false, description: 'Belgian national register number, 11 digits (dots and dashes allowed), checked mod 97.' }),
    givenName: t.string({ required: false, description: 'First name.' }),
    familyName: t.string({ required: false, description: 'Family name.' }),
    email: t.string({ required: false, description: 'E-mail address.' }),
    phone: t.string({ required: false, description: 'Phone number, e.g. 0470 12 34 56 or +32 470 12 34 56.' }),
    preferredLanguage: t.field({ type: LanguageEnum, required: false, description: 'FR when omitted.' }),
  }),
});

const PhoneDetailsInput = builder.inputType('PhoneDetailsInput', {
  description: 'Details of a call.',
  fields: (t) => ({
    line: t.string({ required: true, description: 'The number called: 1718 or 1719.' }),
    ivrPath: t.stringList({ required: false, description: 'Keys pressed in the voice menu, in order.' }),
    waitSeconds: t.int({ required: false, description: 'Seconds waited before being answered.' }),
    talkSeconds: t.int({ required: false, description: 'Seconds of conversation.' }),
    callerNumber: t.string({ required: false, description: 'The caller’s number; only a masked form is kept.' }),
    abandoned: t.boolean({ required: false, description: 'True when the caller hung up before being answered.' }),
  }),
});

const EmailDetailsInput = builder.inputType('EmailDetailsInput', {
  description: 'Details of an e-mail.',
  fields: (t) => ({
    from: t.string({ required: true, description: 'Sender address.' }),
    to: t.string({ required: true, description: 'Recipient address.' }),
    subject: t.string({ required: true, description: 'Subject line.' }),
    messageId: t.string({ required: false, description: 'The Message-ID header.' }),
  }),
});

const ChatDetailsInput = builder.inputType('ChatDetailsInput', {
  description: 'Details of a chat session.',
  fields: (t) => ({
    messageCount: t.int({ required: true, description: 'Messages exchanged.' }),
    transcript: t.string({ required: false, description: 'The transcript, at most 100,000 characters.' }),
  }),
});

const CounterDetailsInput = builder.inputType('CounterDetailsInput', {
  description: 'Details of a counter visit.',
  fields: (t) => ({
    counterCode: t.string({ required: true, description: 'Code of the Espace Wallonie, e.g. EW-LIEGE.' }),
    ticket: t.string({ required: false, description: 'Queue ticket.' }),
  }),
});

const OnlineProcedureDetailsInput = builder.inputType('OnlineProcedureDetailsInput', {
  description: 'Details of an online submission.',
  fields: (t) => ({
    procedureCode: t.string({ required: true, description: 'Code of the procedure.' }),
    submissionId: t.string({ required: true, description: 'Id of the submission in the online platform.' }),
    stepCode: t.string({ required: false, description: 'The step it is at.' }),
  }),
});

const LetterDetailsInput = builder.inputType('LetterDetailsInput', {
  description: 'Details of a letter.',
  fields: (t) => ({
    senderAddress: t.string({ required: false, description: 'Postal address of the sender.' }),
    registeredMail: t.boolean({ required: false, description: 'True for registered mail.' }),
    letterReference: t.string({ required: false, description: 'Reference printed on the letter.' }),
  }),
});

const ContactedByUnverifiedInput = builder.inputType('ContactedByUnverifiedInput', {
  description: 'Someone who contacts us for the citizen without a mandate: who they say they are. Give them general information only, no personal case data.',
  fields: (t) => ({
    name: t.string({ required: true, description: `Their name, as they gave it; at most ${MAX_CONTACTED_BY_TEXT} characters.` }),
    relationship: t.string({ required: true, description: `What they are to the citizen, e.g. "son" or "social worker, CPAS Namur"; at most ${MAX_CONTACTED_BY_TEXT} characters.` }),
  }),
});

const ContactedByInput = builder.inputType('ContactedByInput', {
  description:
    'The contact was made for the citizen by someone else. Give exactly one: mandateId when they hold a mandate of the citizen in force (they may then be told about the cases it reaches), or unverified when they have none yet (general information only).',
  fields: (t) => ({
    mandateId: t.globalID({
      required: false,
      for: Mandate,
      description: 'The global id of the mandate the representative holds: given by the contact’s citizen and in force when the contact happened (occurredAt, or now). One ended by then is refused with a FORBIDDEN error naming its end date.',
    }),
    unverified: t.field({ type: ContactedByUnverifiedInput, required: false, description: 'Or, without a mandate, who they say they are.' }),
  }),
});

const RegisterContactInput = builder.inputType('RegisterContactInput', {
  description:
    'One contact on any channel. Attach it to a case with caseId or caseReference, or open a new case with themeCode and subject. Give exactly the details object of the channel.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, required: true, description: 'The channel.' }),
    externalId: t.string({ required: false, description: 'Id in the channel system (call id, Message-ID, …): sending it again returns the first result and records nothing.' }),
    caseId: t.globalID({ required: false, for: Case, description: 'The global id of the case to attach the contact to.' }),
    caseReference: t.string({ required: false, description: 'Or its reference.' }),
    citizenId: t.globalID({ required: false, for: Citizen, description: 'The global id of the citizen, when known.' }),
    citizen: t.field({ type: CitizenIdentityInput, required: false, description: 'Or who the citizen is, to find or register them.' }),
    themeCode: t.string({ required: false, description: 'For a new case: its theme.' }),
    subject: t.string({ required: false, description: 'For a new case: what it is about.' }),
    priority: t.field({ type: PriorityEnum, required: false, description: 'For a new case: NORMAL when omitted.' }),
    summary: t.string({ required: false, description: 'What was said or done, at most 5,000 characters.' }),
    direction: t.field({ type: DirectionEnum, required: false, description: 'INBOUND when omitted.' }),
    occurredAt: t.field({ type: 'DateTime', required: false, description: 'When it happened; now when omitted; not in the future.' }),
    resolution: t.field({ type: ResolutionEnum, required: false, description: 'Resolve the case with this contact (first-contact resolution).' }),
    phone: t.field({ type: PhoneDetailsInput, required: false, description: 'For PHONE.' }),
    email: t.field({ type: EmailDetailsInput, required: false, description: 'For EMAIL.' }),
    chat: t.field({ type: ChatDetailsInput, required: false, description: 'For CHAT.' }),
    counter: t.field({ type: CounterDetailsInput, required: false, description: 'For COUNTER.' }),
    onlineProcedure: t.field({ type: OnlineProcedureDetailsInput, required: false, description: 'For ONLINE_PROCEDURE.' }),
    letter: t.field({ type: LetterDetailsInput, required: false, description: 'For LETTER.' }),
    knowledgeArticleIds: t.globalIDList({
      required: false,
      for: KnowledgeArticle,
      description: 'The global ids of the published knowledge cards the agent answered from (at most 20): counted as used on the case and this contact.',
    }),
    contactedBy: t.field({
      type: ContactedByInput,
      required: false,
      description: 'When someone else contacted us for the citizen (a relative, a social worker): their mandate, or who they say they are. Omitted when the citizen contacted us themself.',
    }),
  }),
});

builder.mutationField('registerContact', (t) =>
  t.field({
    type: RegisterContactSuccess,
    description:
      'The single window: records a contact of any channel on a new or existing case, in one transaction with its events. With contactedBy.mandateId, a mandate that was revoked or expired when the contact happened is refused with a top-level FORBIDDEN error whose extensions.mandateEndedAt gives its end date.',
    authScopes: STAFF,
    errors: { types: [RedirectRequired, ValidationError, NotFoundError, ConflictError, InvalidTransitionError], directResult: true },
    args: { input: t.arg({ type: RegisterContactInput, required: true, description: 'The contact.' }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await registerContact(
        context.db,
        context.viewer,
        context.vault,
        {
          ...input,
          caseId: input.caseId?.id,
          citizenId: input.citizenId?.id,
          knowledgeArticleIds: input.knowledgeArticleIds?.map((id) => id.id),
          contactedBy: input.contactedBy && { mandateId: input.contactedBy.mandateId?.id, unverified: input.contactedBy.unverified },
        },
        context.now,
      );
      if (outcome.kind === 'redirect') throw new RedirectRequired(outcome.themeId, outcome.serviceId, outcome.message);
      return outcome;
    },
  }),
);
