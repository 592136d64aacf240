import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { publicationOrders, publications, services } from '../db/tables/index.js';
import { ForbiddenError, type FieldProblem, ValidationError } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import type { Channel } from '../domain/vocabulary.js';
import { recordCaseEvent } from './case-events.js';
import type { CaseRow } from './case-reads.js';
import { checkText, insertCase, moveCase, requireCitizen, staffOpener } from './cases.js';
import type { DataVault } from './data-vault.js';
import { FIRST_LINE_SERVICE_CODE } from './routing.js';

export type PublicationOrderRow = typeof publicationOrders.$inferSelect;

const MAX_ITEMS = 10;
const MAX_QUANTITY = 100;

export interface OrderInput {
  items: { publicationCode: string; quantity: number }[];
  deliveryAddress: string;
  /** For an agent ordering for a citizen; a citizen orders for themself. */
  citizenId?: string | null;
  /** For an agent: the channel the order came by (PHONE when omitted). */
  channel?: Channel | null;
}

/**
 * Records an order of brochures on a new case of the first line, resolved at once as
 * ORDER_REGISTERED: by a citizen on the portal, or by an agent for a citizen.
 */
export async function orderPublications(
  db: Database,
  viewer: Viewer,
  vault: DataVault,
  input: OrderInput,
  now: Date,
): Promise<{ case: CaseRow; orders: PublicationOrderRow[]; trackingCode: string }> {
  if (viewer.kind === 'anonymous' || viewer.kind === 'service') throw new ForbiddenError('Citizens and agents order publications.');
  const problems: FieldProblem[] = [...checkText(input.deliveryAddress, ['input', 'deliveryAddress'], 500, true)];
  if (input.items.length === 0 || input.items.length > MAX_ITEMS) problems.push({ path: ['input', 'items'], message: `Between 1 and ${MAX_ITEMS} items.` });
  input.items.forEach((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      problems.push({ path: ['input', 'items', String(index), 'quantity'], message: `Between 1 and ${MAX_QUANTITY}.` });
    }
  });
  if (viewer.kind === 'agent' && !input.citizenId) problems.push({ path: ['input', 'citizenId'], message: 'Whom the order is for.' });
  if (viewer.kind === 'citizen' && input.citizenId && input.citizenId !== viewer.citizenId) {
    problems.push({ path: ['input', 'citizenId'], message: 'A citizen orders for themself.' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const citizenId = viewer.kind === 'citizen' ? viewer.citizenId : input.citizenId!;

  return db.transaction(async (tx) => {
    await requireCitizen(tx, citizenId, ['input', 'citizenId']);
    const codes = input.items.map((item) => item.publicationCode);
    const found = await tx.select().from(publications).where(inArray(publications.code, codes));
    const unavailable = input.items
      .map((item, index) => ({ item, index, publication: found.find((row) => row.code === item.publicationCode) }))
      .filter(({ publication }) => !publication?.available || publication.format === 'PDF');
    if (unavailable.length > 0) {
      throw new ValidationError(
        unavailable.map(({ item, index }) => ({ path: ['input', 'items', String(index), 'publicationCode'], message: `"${item.publicationCode}" cannot be ordered in print.` })),
      );
    }
    const [firstLine] = await tx.select({ id: services.id, line: services.line }).from(services).where(eq(services.code, FIRST_LINE_SERVICE_CODE));
    const opener =
      viewer.kind === 'agent' ? staffOpener(viewer) : { viewer, serviceId: firstLine!.id, line: firstLine!.line, referentAgentId: null, assigneeAgentId: null };
    const created = await insertCase(
      tx,
      opener,
      vault,
      {
        themeCode: 'INFORMATION.PUBLICATIONS',
        subject: `Commande de publications (${input.items.length})`,
        citizenId,
        originChannel: viewer.kind === 'citizen' ? 'ONLINE_PROCEDURE' : (input.channel ?? 'PHONE'),
      },
      now,
      ['input'],
    );
    const orders = await tx
      .insert(publicationOrders)
      .values(
        input.items.map((item) => ({
          caseId: created.row.id,
          citizenId,
          publicationId: found.find((row) => row.code === item.publicationCode)!.id,
          quantity: item.quantity,
          deliveryAddress: input.deliveryAddress.trim(),
          recordedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null,
          orderedAt: now,
        })),
      )
      .returning();
    await recordCaseEvent(tx, viewer, { caseId: created.row.id, type: 'PUBLICATION_ORDERED', visibility: 'CITIZEN', payload: { publications: codes }, occurredAt: now });
    const resolved = await moveCase(tx, viewer, created.row, 'RESOLVED', 'ORDER_REGISTERED', now);
    return { case: resolved, orders, trackingCode: created.trackingCode };
  });
}
