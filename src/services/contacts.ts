import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import {
  chatSessions,
  counters,
  counterVisits,
  emailMessages,
  interactions,
  letters,
  onlineSubmissions,
  phoneCalls,
  procedureSteps,
  procedures,
} from '../db/tables/index.js';
import { isEmail, maskPhone } from '../domain/contact-points.js';
import { ConflictError, type FieldProblem, ValidationError } from '../domain/errors.js';
import { mandateStatus, MAX_CONTACTED_BY_TEXT } from '../domain/mandates.js';
import type { Viewer } from '../domain/viewer.js';
import { type Channel, type Direction, type Labels, type Language, PHONE_LINES, type PhoneLine, type Priority, type Resolution } from '../domain/vocabulary.js';
import { recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate, type InteractionRow, readableCasesByIds } from './case-reads.js';
import { checkText, insertCase, moveCase, requireCitizen, requireStaff, type StaffViewer, staffOpener, touchCase } from './cases.js';
import { type CitizenIdentity, checkIdentity, findOrCreateCitizen } from './citizens.js';
import type { DataVault } from './data-vault.js';
import { constraintViolation } from './database-errors.js';
import { recordKnowledgeUses } from './knowledge.js';
import { endedMandateError } from './mandates/acting.js';
import { readableMandatesByIds } from './mandates/reads.js';
import { routeContact } from './routing.js';

export interface PhoneDetails {
  /** 1718 or 1719, checked with the rest of the input. */
  line: string;
  ivrPath?: string[] | null;
  waitSeconds?: number | null;
  talkSeconds?: number | null;
  callerNumber?: string | null;
  abandoned?: boolean | null;
}
export interface EmailDetails {
  from: string;
  to: string;
  subject: string;
  messageId?: string | null;
}
export interface ChatDetails {
  messageCount: number;
  transcript?: string | null;
}
export interface CounterDetails {
  counterCode: string;
  ticket?: string | null;
}
export interface OnlineProcedureDetails {
  procedureCode: string;
  submissionId: string;
  stepCode?: string | null;
}
export interface LetterDetails {
  senderAddress?: string | null;
  registeredMail?: boolean | null;
  letterReference?: string | null;
}

/**
 * Who contacted us for the contact's citizen, when not the citizen: a representative showing a
 * mandate in force, or someone without one (name and relationship as they gave them), to whom
 * the agent gives general information only.
 */
export interface ContactedBy {
  mandateId?: string | null;
  unverified?: { name: string; relationship: string } | null;
}

/** The channel-specific part of a contact: exactly the one matching `channel` is given. */
export const DETAILS_OF_CHANNEL = {
  PHONE: 'phone',
  EMAIL: 'email',
  CHAT: 'chat',
  COUNTER: 'counter',
  ONLINE_PROCEDURE: 'onlineProcedure',
  LETTER: 'letter',
} as const satisfies Record<Channel, string>;

export interface ContactInput {
  channel: Channel;
  externalId?: string | null;
  caseId?: string | null;
  caseReference?: string | null;
  citizenId?: string | null;
  citizen?: CitizenIdentity | null;
  themeCode?: string | null;
  subject?: string | null;
  priority?: Priority | null;
  summary?: string | null;
  direction?: Direction | null;
  occurredAt?: Date | null;
  resolution?: Resolution | null;
  phone?: PhoneDetails | null;
  email?: EmailDetails | null;
  chat?: ChatDetails | null;
  counter?: CounterDetails | null;
  onlineProcedure?: OnlineProcedureDetails | null;
  letter?: LetterDetails | null;
  /** Published cards the agent answered from: counted as used on the case and this interaction. */
  knowledgeArticleIds?: string[] | null;
  /** Null or omitted when the citizen contacted us themself. */
  contactedBy?: ContactedBy | null;
}

export type ContactOutcome =
  | { kind: 'registered'; case: CaseRow; interaction: InteractionRow; createdCase: boolean; trackingCode: string | null }
  | { kind: 'redirect'; themeId: string; serviceId: string | null; message: Labels | null };

const MAX_EXTERNAL_ID = 200;
const MAX_SUMMARY = 5_000;
const MAX_TRANSCRIPT = 100_000;
/** Clock skew tolerated between a channel system and the API. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const INPUT = ['input'];

function checkContact(input: ContactInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (...path: string[]) => [...INPUT, ...path];
  const expected = DETAILS_OF_CHANNEL[input.channel];
  for (const key of Object.values(DETAILS_OF_CHANNEL)) {
    const given = input[key] !== undefined && input[key] !== null;
    if (key === expected && !given) problems.push({ path: at(key), message: `A ${input.channel} contact needs its ${key} details.` });
    if (key !== expected && given) problems.push({ path: at(key), message: `Only ${expected} details go with a ${input.channel} contact.` });
  }
  if (input.caseId && input.caseReference) problems.push({ path: at('caseReference'), message: 'Give caseId or caseReference, not both.' });
  if (input.citizenId && input.citizen) problems.push({ path: at('citizen'), message: 'Give citizenId or citizen, not both.' });
  const attaching = Boolean(input.caseId || input.caseReference);
  if (attaching) {
    for (const key of ['themeCode', 'subject', 'priority'] as const) {
      if (input[key]) problems.push({ path: at(key), message: 'Only for a new case.' });
    }
  } else {
    if (!input.themeCode) problems.push({ path: at('themeCode'), message: 'Required to open a new case.' });
    problems.push(...checkText(input.subject, at('subject'), 200, true));
  }
  if (input.externalId !== undefined && input.externalId !== null && (input.externalId.trim() === '' || input.externalId.length > MAX_EXTERNAL_ID)) {
    problems.push({ path: at('externalId'), message: `Between 1 and ${MAX_EXTERNAL_ID} characters.` });
  }
  problems.push(...checkText(input.summary, at('summary'), MAX_SUMMARY, false));
  if (input.occurredAt && input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    problems.push({ path: at('occurredAt'), message: 'A contact cannot happen in the future.' });
  }
  if (input.citizen) problems.push(...checkIdentity(input.citizen, at('citizen')));
  const { contactedBy } = input;
  if (contactedBy) {
    const { mandateId, unverified } = contactedBy;
    if ((mandateId ? 1 : 0) + (unverified ? 1 : 0) !== 1) problems.push({ path: at('contactedBy'), message: 'Give mandateId or unverified: exactly one of them.' });
    if (unverified) {
      problems.push(...checkText(unverified.name, at('contactedBy', 'unverified', 'name'), MAX_CONTACTED_BY_TEXT, true));
      problems.push(...checkText(unverified.relationship, at('contactedBy', 'unverified', 'relationship'), MAX_CONTACTED_BY_TEXT, true));
    }
  }
  const { phone, email, chat } = input;
  if (phone) {
    if (!(PHONE_LINES as readonly string[]).includes(phone.line)) problems.push({ path: at('phone', 'line'), message: `One of ${PHONE_LINES.join(', ')}.` });
    for (const key of ['waitSeconds', 'talkSeconds'] as const) {
      const value = phone[key];
      if (value !== undefined && value !== null && (value < 0 || value > 86_400)) problems.push({ path: at('phone', key), message: 'Between 0 and 86400.' });
    }
    if (phone.ivrPath && (phone.ivrPath.length > 10 || phone.ivrPath.some((key) => !/^[0-9*#]$/.test(key)))) {
      problems.push({ path: at('phone', 'ivrPath'), message: 'At most 10 keys, each 0-9, * or #.' });
    }
  }
  if (email) {
    if (!isEmail(email.from)) problems.push({ path: at('email', 'from'), message: 'Not an e-mail address.' });
    if (!isEmail(email.to)) problems.push({ path: at('email', 'to'), message: 'Not an e-mail address.' });
    problems.push(...checkText(email.subject, at('email', 'subject'), 500, false));
  }
  if (chat) {
    if (chat.messageCount < 0 || chat.messageCount > 10_000) problems.push({ path: at('chat', 'messageCount'), message: 'Between 0 and 10000.' });
    problems.push(...checkText(chat.transcript, at('chat', 'transcript'), MAX_TRANSCRIPT, false));
  }
  return problems;
}

/**
 * The single window: records one contact of any channel on a new or existing case, in one
 * transaction with its events. The same (channel, externalId) sent again — even concurrently —
 * returns the first result and records nothing. A new case on a theme the first line must not
 * handle is not opened: the caller gets the redirect instead.
 */
export async function registerContact(db: Database, viewer: Viewer, vault: DataVault, input: ContactInput, now: Date): Promise<ContactOutcome> {
  const staff = requireStaff(viewer);
  const problems = checkContact(input, now);
  if (problems.length > 0) throw new ValidationError(problems);
  const externalId = input.externalId?.trim() || null;

  if (externalId) {
    const replay = await findRecordedContact(db, viewer, input.channel, externalId, now);
    if (replay) return replay;
  }
  const attaching = Boolean(input.caseId || input.caseReference);
  if (!attaching && staff.line === 'FIRST') {
    const language = input.phone?.line === '1719' ? 'de' : 'fr';
    const route = await routeContact(db, { channel: input.channel, language, themeCode: input.themeCode, ivrPath: input.phone?.ivrPath });
    if (route.kind === 'EXTERNAL_REDIRECT') return { kind: 'redirect', themeId: route.themeId!, serviceId: route.serviceId, message: route.message };
  }
  // Two requests may race: on the same externalId (the loser answers with the winner's
  // result), or registering the same new citizen (the loser tries once more and finds them).
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => recordContact(tx, staff, vault, input, externalId, now));
    } catch (error) {
      const violation = constraintViolation(error);
      if (violation?.kind !== 'unique') throw error;
      if (externalId) {
        const replay = await findRecordedContact(db, viewer, input.channel, externalId, now);
        if (replay) return replay;
      }
      if (attempt >= 2 || !violation.constraint?.startsWith('citizens_')) throw error;
    }
  }
}

async function findRecordedContact(db: Executor, viewer: Viewer, channel: Channel, externalId: string, now: Date): Promise<ContactOutcome | undefined> {
  const [interaction] = await db
    .select()
    .from(interactions)
    .where(and(eq(interactions.channel, channel), eq(interactions.externalId, externalId)));
  if (!interaction) return undefined;
  const [caseRow] = await readableCasesByIds(db, viewer, [interaction.caseId], now);
  if (!caseRow) throw new ConflictError('This contact was already recorded on a case you may not read.');
  const [first] = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(eq(interactions.caseId, caseRow.id))
    .orderBy(interactions.createdAt, interactions.id)
    .limit(1);
  // The tracking code is stored hashed: it can be given only once, when the case is opened.
  return { kind: 'registered', case: caseRow, interaction, createdCase: first?.id === interaction.id, trackingCode: null };
}

async function recordContact(
  tx: Executor,
  viewer: StaffViewer,
  vault: DataVault,
  input: ContactInput,
  externalId: string | null,
  now: Date,
): Promise<ContactOutcome> {
  const occurredAt = input.occurredAt ?? now;
  let citizenId = input.citizenId ?? null;
  let citizenLanguage: Language | undefined;
  if (citizenId) await requireCitizen(tx, citizenId, [...INPUT, 'citizenId']);
  if (input.citizen) {
    const { citizen } = await findOrCreateCitizen(tx, vault, input.citizen, [...INPUT, 'citizen']);
    citizenId = citizen.id;
    citizenLanguage = citizen.preferredLanguage;
  }

  let current: CaseRow;
  let trackingCode: string | null = null;
  const createdCase = !input.caseId && !input.caseReference;
  if (createdCase) {
    const created = await insertCase(
      tx,
      staffOpener(viewer),
      vault,
      {
        themeCode: input.themeCode!,
        subject: input.subject!,
        citizenId,
        originChannel: input.channel,
        priority: input.priority,
        language: citizenLanguage ?? (input.phone?.line === '1719' ? 'de' : 'fr'),
      },
      now,
      INPUT,
    );
    current = created.row;
    trackingCode = created.trackingCode;
  } else {
    current = await findReadableCaseForUpdate(tx, viewer, input.caseId ?? { reference: input.caseReference! }, now);
    if (citizenId && current.citizenId && current.citizenId !== citizenId) {
      throw new ValidationError([{ path: [...INPUT, input.citizenId ? 'citizenId' : 'citizen'], message: 'The case belongs to another citizen.' }]);
    }
  }

  // occurredAt may be a little ahead of now (clock skew): a mandate is never checked at a time still to come.
  const contactedAt = occurredAt < now ? occurredAt : now;
  const contactedBy = input.contactedBy ? await contactedByColumns(tx, viewer, input.contactedBy, citizenId ?? current.citizenId, contactedAt) : {};
  const [interaction] = await tx
    .insert(interactions)
    .values({
      caseId: current.id,
      channel: input.channel,
      direction: input.direction ?? 'INBOUND',
      externalId,
      agentId: viewer.kind === 'agent' ? viewer.agentId : null,
      summary: input.summary ?? null,
      ...contactedBy,
      occurredAt,
      createdAt: now,
    })
    .returning();
  await insertChannelDetails(tx, interaction!.id, input);
  if (citizenId && !current.citizenId) current = { ...current, citizenId };
  await recordCaseEvent(tx, viewer, {
    caseId: current.id,
    type: 'INTERACTION_ADDED',
    visibility: 'CITIZEN',
    payload: { interactionId: interaction!.id, channel: input.channel, direction: input.direction ?? 'INBOUND' },
    occurredAt: now,
  });
  if (input.knowledgeArticleIds?.length) {
    await recordKnowledgeUses(tx, viewer, { caseId: current.id, interactionId: interaction!.id, articleIds: input.knowledgeArticleIds }, [...INPUT, 'knowledgeArticleIds'], now);
  }
  if (input.resolution) current = await moveCase(tx, viewer, current, 'RESOLVED', input.resolution, now);
  // Touched, given its citizen and its search document rebuilt with the new summary, in one update.
  current = { ...current, ...(await touchCase(tx, current.id, { updatedAt: now, citizenId: current.citizenId })) };
  return { kind: 'registered', case: current, interaction: interaction!, createdCase, trackingCode };
}

/**
 * What the interaction records of who contacted us. A mandate must be one the viewer may read,
 * given by the contact's citizen and in force when the contact happened (a call written down
 * afterwards keeps the mandate it was made under): one ended by then is refused with its end
 * date (a FORBIDDEN error), so that the agent knows the caller gets general information only.
 */
async function contactedByColumns(
  tx: Executor,
  viewer: StaffViewer,
  contactedBy: ContactedBy,
  citizenId: string | null,
  occurredAt: Date,
): Promise<Pick<typeof interactions.$inferInsert, 'contactedByMandateId' | 'contactedByName' | 'contactedByRelationship'>> {
  if (contactedBy.unverified) return { contactedByName: contactedBy.unverified.name.trim(), contactedByRelationship: contactedBy.unverified.relationship.trim() };
  const path = [...INPUT, 'contactedBy', 'mandateId'];
  const [mandate] = await readableMandatesByIds(tx, viewer, [contactedBy.mandateId!]);
  if (!mandate) throw new ValidationError([{ path, message: 'No mandate has this id.' }]);
  if (mandate.representedCitizenId !== citizenId) throw new ValidationError([{ path, message: 'This mandate was not given by the citizen of this contact.' }]);
  const ended = endedMandateError(mandate, occurredAt);
  if (ended) throw ended;
  if (mandateStatus(mandate, occurredAt) === 'PENDING') {
    throw new ValidationError([{ path, message: `This mandate is in force only from ${mandate.validFrom.toISOString()}, after the contact.` }]);
  }
  return { contactedByMandateId: mandate.id };
}

async function insertChannelDetails(tx: Executor, interactionId: string, input: ContactInput): Promise<void> {
  const { phone, email, chat, counter, onlineProcedure, letter } = input;
  if (phone) {
    await tx.insert(phoneCalls).values({
      interactionId,
      line: phone.line as PhoneLine,
      ivrPath: phone.ivrPath ?? [],
      waitSeconds: phone.waitSeconds ?? null,
      talkSeconds: phone.talkSeconds ?? null,
      // Only the masked number is kept: the full one is personal data the case does not need.
      callerNumberMasked: phone.callerNumber ? maskPhone(phone.callerNumber) : null,
      abandoned: phone.abandoned ?? false,
    });
  } else if (email) {
    await tx.insert(emailMessages).values({ interactionId, fromAddress: email.from, toAddress: email.to, subject: email.subject, messageId: email.messageId ?? null });
  } else if (chat) {
    await tx.insert(chatSessions).values({ interactionId, messageCount: chat.messageCount, transcript: chat.transcript ?? null });
  } else if (counter) {
    const [found] = await tx.select({ id: counters.id }).from(counters).where(eq(counters.code, counter.counterCode));
    if (!found) throw new ValidationError([{ path: [...INPUT, 'counter', 'counterCode'], message: `No counter has the code "${counter.counterCode}".` }]);
    await tx.insert(counterVisits).values({ interactionId, counterId: found.id, ticket: counter.ticket ?? null });
  } else if (onlineProcedure) {
    const [procedure] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, onlineProcedure.procedureCode));
    if (!procedure) {
      throw new ValidationError([{ path: [...INPUT, 'onlineProcedure', 'procedureCode'], message: `No procedure has the code "${onlineProcedure.procedureCode}".` }]);
    }
    let stepId: string | null = null;
    if (onlineProcedure.stepCode) {
      const [step] = await tx
        .select({ id: procedureSteps.id })
        .from(procedureSteps)
        .where(and(eq(procedureSteps.procedureId, procedure.id), eq(procedureSteps.code, onlineProcedure.stepCode)));
      if (!step) throw new ValidationError([{ path: [...INPUT, 'onlineProcedure', 'stepCode'], message: 'Not a step of this procedure.' }]);
      stepId = step.id;
    }
    await tx.insert(onlineSubmissions).values({ interactionId, procedureId: procedure.id, submissionId: onlineProcedure.submissionId, stepId });
  } else if (letter) {
    await tx.insert(letters).values({
      interactionId,
      senderAddress: letter.senderAddress ?? null,
      registeredMail: letter.registeredMail ?? false,
      letterReference: letter.letterReference ?? null,
    });
  }
}

/**
 * Records a citizen's visit at a counter on a case, with its INTERACTION_ADDED event, inside the
 * caller's transaction (checking in for an appointment).
 */
export async function recordCounterVisit(
  tx: Executor,
  viewer: StaffViewer,
  visit: { caseId: string; counterId: string; ticket: string | null; summary: string | null },
  now: Date,
): Promise<InteractionRow> {
  const [interaction] = await tx
    .insert(interactions)
    .values({ caseId: visit.caseId, channel: 'COUNTER', direction: 'INBOUND', agentId: viewer.kind === 'agent' ? viewer.agentId : null, summary: visit.summary, occurredAt: now, createdAt: now })
    .returning();
  await tx.insert(counterVisits).values({ interactionId: interaction!.id, counterId: visit.counterId, ticket: visit.ticket });
  await recordCaseEvent(tx, viewer, {
    caseId: visit.caseId,
    type: 'INTERACTION_ADDED',
    visibility: 'CITIZEN',
    payload: { interactionId: interaction!.id, channel: 'COUNTER', direction: 'INBOUND' },
    occurredAt: now,
  });
  return interaction!;
}
