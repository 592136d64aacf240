import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import {
  accessLog,
  appointments,
  documents,
  mandates,
  bookableResources,
  caseEvents,
  cases,
  handoffs,
  chatSessions,
  citizens,
  contactPoints,
  emailMessages,
  interactions,
  letters,
  messages,
  notes,
  onlineSubmissions,
  phoneCalls,
  publicationOrders,
  webhookDeliveries,
} from '../db/tables/index.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import { downloadPath } from '../domain/documents.js';
import { isUuid } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import { caseColumns } from './case-reads.js';
import { caseSearchWordsOf, forgetCaseSearchWords, refreshCaseSearch, releaseUpcomingAppointments } from './cases.js';
import type { DataVault } from './data-vault.js';
import { deleteCitizenDocuments } from './documents/attachments.js';
import { readableDocuments } from './documents/reads.js';
import type { DocumentStore } from './documents/storage.js';
import { mandatesOfCitizen, type MandateRow } from './mandates/reads.js';

/**
 * Everything stored about the signed-in citizen, as one document (GDPR right of access): their
 * record, contact points, cases with the citizen-visible history, messages, orders,
 * appointments and the reads of their personal data.
 */
export async function exportCitizenData(db: Executor, viewer: Viewer, vault: DataVault, now: Date): Promise<Record<string, unknown>> {
  if (viewer.kind !== 'citizen') throw new ForbiddenError('Only the citizen themself exports their data.');
  const id = viewer.citizenId;
  const [citizen] = await db.select().from(citizens).where(eq(citizens.id, id));
  const ownCases = await db.select(caseColumns).from(cases).where(eq(cases.citizenId, id));
  const caseIds = ownCases.map((row) => row.id);
  const [points, events, exchanged, orders, reads, booked, filed, given, held] = await Promise.all([
    db.select().from(contactPoints).where(eq(contactPoints.citizenId, id)),
    caseIds.length
      ? db
          .select({ caseId: caseEvents.caseId, type: caseEvents.type, payload: caseEvents.payload, occurredAt: caseEvents.occurredAt })
          .from(caseEvents)
          .where(and(anyOf(caseEvents.caseId, caseIds), eq(caseEvents.visibility, 'CITIZEN')))
          .orderBy(caseEvents.position)
      : Promise.resolve([]),
    caseIds.length ? db.select().from(messages).where(anyOf(messages.caseId, caseIds)) : Promise.resolve([]),
    db.select().from(publicationOrders).where(eq(publicationOrders.citizenId, id)),
    db.select({ occurredAt: accessLog.occurredAt, actorKind: accessLog.actorKind, fields: accessLog.fields }).from(accessLog).where(eq(accessLog.citizenId, id)),
    db
      .select({
        resource: bookableResources.code,
        start: appointments.startsAt,
        end: appointments.endsAt,
        status: appointments.status,
        note: appointments.note,
        cancellationReason: appointments.cancellationReason,
        caseReference: cases.reference,
      })
      .from(appointments)
      .innerJoin(bookableResources, eq(bookableResources.id, appointments.resourceId))
      .innerJoin(cases, eq(cases.id, appointments.caseId))
      .where(eq(appointments.citizenId, id))
      .orderBy(appointments.startsAt),
    // What the citizen may read of the documents on their cases, and their own uploads (not the
    // documents of people they represent).
    db
      .select({ document: documents, caseReference: cases.reference })
      .from(documents)
      .leftJoin(cases, eq(cases.id, documents.caseId))
      .where(and(readableDocuments(viewer, now), or(eq(cases.citizenId, id), isNull(documents.caseId))))
      .orderBy(documents.uploadedAt),
    mandatesOfCitizen(db, id, 'given', MANDATES_EXPORTED),
    mandatesOfCitizen(db, id, 'held', MANDATES_EXPORTED),
  ]);
  return {
    citizen: {
      id,
      givenName: citizen!.givenName,
      familyName: citizen!.familyName,
      preferredLanguage: citizen!.preferredLanguage,
      nationalNumber: citizen!.nationalNumberEncrypted ? vault.decrypt(citizen!.nationalNumberEncrypted) : null,
      assistanceNeeds: citizen!.assistanceNeeds,
      createdAt: citizen!.createdAt,
    },
    contactPoints: points.map(({ kind, value, isPrimary }) => ({ kind, value, isPrimary })),
    cases: ownCases.map((row) => ({
      reference: row.reference,
      subject: row.subject,
      description: row.description,
      status: row.status,
      resolution: row.resolution,
      originChannel: row.originChannel,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      dueAt: row.dueAt,
      events: events.filter((event) => event.caseId === row.id).map(({ type, payload, occurredAt }) => ({ type, payload, occurredAt })),
      messages: exchanged
        .filter((message) => message.caseId === row.id)
        .map((message) => ({ fromCitizen: message.authorCitizenId !== null, body: message.body, createdAt: message.createdAt })),
    })),
    publicationOrders: orders.map(({ quantity, status, deliveryAddress, orderedAt }) => ({ quantity, status, deliveryAddress, orderedAt })),
    appointments: booked,
    documents: filed.map(({ document, caseReference }) => ({
      fileName: document.fileName,
      contentType: document.contentType,
      size: document.size,
      sha256: document.sha256,
      kind: document.kind,
      status: document.status,
      review: document.review,
      reviewReason: document.reviewReason,
      uploadedAt: document.uploadedAt,
      caseReference,
      downloadUrl: document.status === 'REMOVED' ? null : downloadPath(document.id),
    })),
    mandates: {
      given: given.map(mandateExport),
      held: held.map(mandateExport),
    },
    accessLog: reads,
  };
}

const REDACTED = '[anonymised]';
/** Mandates a data export lists on each side, newest first. */
const MANDATES_EXPORTED = 1_000;

function mandateExport(mandate: MandateRow) {
  const { scope, themeCodes, rights, validFrom, validUntil, grantedByKind, revokedAt, representativeName, representativeOrganisation, createdAt } = mandate;
  return { scope, themeCodes, rights, validFrom, validUntil, grantedBy: grantedByKind, revokedAt, representativeName, representativeOrganisation, createdAt };
}

/**
 * Erases a citizen's personal data (GDPR erasure) while keeping their cases for statistics:
 * names replaced, national number and contact points removed, and every free text of their
 * cases that may carry personal data redacted, wherever it was copied: events, search
 * documents and the words typos are corrected against, procedure answers, webhook delivery
 * bodies. Admins only; the erasure itself is logged.
 */
export async function anonymizeCitizen(db: Database, store: DocumentStore, viewer: Viewer, citizenId: string, requestId: string): Promise<{ id: string; cases: number }> {
  if (viewer.kind !== 'agent' || viewer.role !== 'ADMIN') throw new ForbiddenError('Only an admin anonymises a citizen.');
  return db.transaction(async (tx) => {
    const [citizen] = isUuid(citizenId) ? await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)).for('update') : [];
    if (!citizen) throw new NotFoundError('Citizen');
    await tx
      .update(citizens)
      .set({ givenName: REDACTED, familyName: REDACTED, nationalNumberEncrypted: null, nationalNumberHash: null, assistanceNeeds: [], updatedAt: new Date() })
      .where(eq(citizens.id, citizenId));
    await tx.delete(contactPoints).where(eq(contactPoints.citizenId, citizenId));
    await tx.update(publicationOrders).set({ deliveryAddress: null }).where(eq(publicationOrders.citizenId, citizenId));
    const caseIds = (await tx.select({ id: cases.id }).from(cases).where(eq(cases.citizenId, citizenId))).map((row) => row.id);
    // Their mandates end now, given or held, and what was written of the other person or the proof goes.
    await tx
      .update(mandates)
      .set({ revokedAt: sql`coalesce(${mandates.revokedAt}, ${new Date().toISOString()}::timestamptz)`, revokedByKind: sql`coalesce(${mandates.revokedByKind}, 'AGENT')`, proofNote: sql`case when ${mandates.proofNote} is null then null else ${REDACTED} end`, representativeName: sql`case when ${mandates.representativeName} is null then null else ${REDACTED} end`, representativeOrganisation: null })
      .where(or(eq(mandates.representedCitizenId, citizenId), eq(mandates.representativeCitizenId, citizenId)));
    // Their documents' contents are deleted (the descriptions of attached ones stay, nameless, as REMOVED).
    await deleteCitizenDocuments(tx, store, citizenId, caseIds, new Date());
    // Nobody is left to come: their upcoming appointments are cancelled (with their events) before their texts go.
    for (const caseId of caseIds) await releaseUpcomingAppointments(tx, viewer, caseId, 'The citizen’s data was erased.', new Date());
    await tx
      .update(appointments)
      .set({ note: null, cancellationReason: sql`case when ${appointments.cancellationReason} is null then null else ${REDACTED} end` })
      .where(eq(appointments.citizenId, citizenId));
    if (caseIds.length > 0) {
      const searchWords = await caseSearchWordsOf(tx, caseIds);
      await tx.update(cases).set({ subject: REDACTED, description: null }).where(anyOf(cases.id, caseIds));
      const interactionIds = tx.select({ id: interactions.id }).from(interactions).where(anyOf(interactions.caseId, caseIds));
      // Who contacted us for them without a mandate: a third person's words about them, gone too.
      await tx.update(interactions).set({ summary: null, contactedByName: null, contactedByRelationship: null }).where(anyOf(interactions.caseId, caseIds));
      await tx.update(emailMessages).set({ fromAddress: REDACTED, toAddress: REDACTED, subject: REDACTED, messageId: null }).where(inArray(emailMessages.interactionId, interactionIds));
      await tx.update(chatSessions).set({ transcript: null }).where(inArray(chatSessions.interactionId, interactionIds));
      await tx.update(letters).set({ senderAddress: null, letterReference: null }).where(inArray(letters.interactionId, interactionIds));
      await tx.update(phoneCalls).set({ callerNumberMasked: null }).where(inArray(phoneCalls.interactionId, interactionIds));
      await tx.update(onlineSubmissions).set({ answers: null }).where(inArray(onlineSubmissions.interactionId, interactionIds));
      await tx.update(messages).set({ body: REDACTED }).where(anyOf(messages.caseId, caseIds));
      await tx.update(notes).set({ body: REDACTED }).where(anyOf(notes.caseId, caseIds));
      await tx
        .update(handoffs)
        .set({ reason: REDACTED, rejectionReason: sql`case when ${handoffs.rejectionReason} is null then null else ${REDACTED} end`, response: sql`case when ${handoffs.response} is null then null else ${REDACTED} end` })
        .where(anyOf(handoffs.caseId, caseIds));
      // Handoff reasons and responses, document names, review and override reasons are copied into their events: free text, so redacted too.
      await tx.update(caseEvents).set({ payload: sql`${caseEvents.payload} - 'reason' - 'response' - 'fileName' - 'documentsOverrideReason'` }).where(anyOf(caseEvents.caseId, caseIds));
      // Webhook bodies copy their event's payload: they get the redacted one, also those still to send.
      await tx
        .update(webhookDeliveries)
        .set({ body: sql`jsonb_set(${webhookDeliveries.body}::jsonb, '{data,payload}', ${caseEvents.payload})::text` })
        .from(caseEvents)
        .where(and(eq(caseEvents.position, webhookDeliveries.eventPosition), anyOf(caseEvents.caseId, caseIds)));
      for (const caseId of caseIds) await refreshCaseSearch(tx, caseId);
      // The typo corrections' vocabulary drops the words only these cases held.
      await forgetCaseSearchWords(tx, searchWords);
    }
    await tx.insert(accessLog).values({
      actorKind: 'AGENT',
      actorSubject: viewer.login,
      citizenId,
      fields: ['anonymized'],
      reason: 'GDPR erasure',
      requestId,
    });
    return { id: citizenId, cases: caseIds.length };
  });
}
