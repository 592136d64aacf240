import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../src/db/client.js';
import * as t from '../src/db/tables/index.js';
import { businessTimeBetween } from '../src/domain/business-calendar.js';
import { formatCaseReference } from '../src/domain/case-reference.js';
import { nationalNumberCheckDigits } from '../src/domain/national-number.js';
import type {
  AssistanceNeed,
  CaseEventType,
  CaseStatus,
  Channel,
  EventVisibility,
  Language,
  Resolution,
} from '../src/domain/vocabulary.js';
import type { DataVault } from '../src/services/data-vault.js';
import { loadBusinessCalendar } from '../src/services/sla.js';
import { DEMO_AGENTS, DEMO_CITIZENS, DEMO_SERVICE_ACCOUNTS, FIRST_LINE_SERVICE } from './demo-identities.js';
import { SeededRandom } from './random.js';

export interface DemoSize {
  citizens: number;
  cases: number;
}

export const DEFAULT_DEMO_SIZE: DemoSize = { citizens: 200, cases: 1_000 };

/** Demo history ends here, so that the same seed gives the same data whenever it runs. */
const DEMO_END = Date.UTC(2026, 10, 2, 17, 0, 0);
const DEMO_DAYS = 730;
const DAY = 86_400_000;

const FRENCH_GIVEN = ['Marie', 'Jean', 'Nathalie', 'Luc', 'Françoise', 'Pierre', 'Isabelle', 'Michel', 'Catherine', 'Philippe', 'Martine', 'Alain', 'Anne', 'Christian', 'Sylvie', 'Patrick', 'Monique', 'Jacques', 'Chantal', 'Didier', 'Julie', 'Maxime', 'Laura', 'Hugo', 'Emma', 'Louis', 'Léa', 'Nathan', 'Manon', 'Arthur'];
const FRENCH_FAMILY = ['Dupont', 'Lambert', 'Dubois', 'Martin', 'Simon', 'Laurent', 'Lejeune', 'Renard', 'Leroy', 'François', 'Collard', 'Gilson', 'Hubert', 'Delvaux', 'Lemaire', 'Denis', 'Piret', 'Dethier', 'Jacquet', 'Dumont', 'Wilmotte', 'Bastin', 'Gérard', 'Thiry', 'Noël', 'Dessy', 'Lhoest', 'Marchal', 'Hardy', 'Massart'];
const GERMAN_GIVEN = ['Hans', 'Ursula', 'Klaus', 'Monika', 'Jürgen', 'Gabriele', 'Stefan', 'Petra', 'Andreas', 'Sabine', 'Lukas', 'Lena'];
const GERMAN_FAMILY = ['Schmitz', 'Kessler', 'Lennertz', 'Cremer', 'Heinen', 'Mreyen', 'Rauw', 'Küpper', 'Brüll', 'Thomé', 'Jost', 'Gennen'];
const DUTCH_GIVEN = ['Pieter', 'Els', 'Joris', 'An', 'Wouter', 'Griet'];
const DUTCH_FAMILY = ['Peeters', 'Janssens', 'Maes', 'Wouters', 'Claes', 'Goossens'];
const ENGLISH_GIVEN = ['John', 'Emily', 'David', 'Sarah'];
const ENGLISH_FAMILY = ['Smith', 'Taylor', 'Brown', 'Wilson'];
const CITIES = ['4000 Liège', '5000 Namur', '6000 Charleroi', '7000 Mons', '7500 Tournai', '6700 Arlon', '4800 Verviers', '1400 Nivelles', '7100 La Louvière', '4700 Eupen', '4780 Sankt Vith', '6900 Marche-en-Famenne'];
const STREETS = ['Rue de Fer', 'Rue des Carmes', 'Chaussée de Louvain', 'Rue Haute', 'Avenue de la Gare', 'Rue de la Station', 'Place du Marché', 'Rue du Moulin'];
const GERMAN_STREETS = ['Klötzerbahn', 'Hauptstraße', 'Bergstraße', 'Kirchstraße'];

const CHANNEL_WEIGHTS: Record<Channel, number> = { PHONE: 40, EMAIL: 15, CHAT: 8, COUNTER: 10, ONLINE_PROCEDURE: 20, LETTER: 7 };
const STATUS_WEIGHTS: Record<CaseStatus, number> = {
  NEW: 8,
  IN_PROGRESS: 12,
  WAITING_FOR_CITIZEN: 6,
  HANDED_OFF: 14,
  RESOLVED: 25,
  CLOSED: 30,
  CANCELLED: 5,
};
const RESOLUTION_WEIGHTS: Record<Resolution, number> = {
  ANSWERED: 45,
  ORIENTED_TO_SERVICE: 18,
  PROCEDURE_STARTED: 8,
  ORDER_REGISTERED: 8,
  APPOINTMENT_BOOKED: 6,
  HANDLED_BY_BACK_OFFICE: 15,
};
const SUBJECTS: Record<string, string[]> = {
  HOUSING: ['Question sur une prime habitation', 'Demande de prêt Rénopack', 'Salubrité du logement loué'],
  ENERGY: ['Où en est ma prime énergie ?', 'Conditions de la prime isolation toiture', 'Audit logement : quel auditeur ?'],
  ROADS: ['Nid-de-poule sur une route régionale', 'Signalisation endommagée'],
  MOBILITY: ['Transport exceptionnel : autorisation', 'Question sur les limitations de vitesse'],
  SOCIAL: ['Personne isolée cherchant une aide', 'Orientation vers le CPAS'],
  ENVIRONMENT: ['Déclaration environnementale classe 3', 'Signalement de dépôt clandestin', 'Permis de pêche'],
  AGRICULTURE: ['Déclaration de superficie', 'Paiement des aides PAC'],
  TAXATION: ['Taxe de circulation : invitation à payer', 'Réduction du précompte immobilier', 'Redevance télévision : arriérés'],
  EMPLOYMENT: ['Subvention APE', 'Chèques-entreprises'],
  TERRITORY: ['Permis d’urbanisme : délais', 'Certificat d’urbanisme'],
  HERITAGE: ['Journées du patrimoine : brochure', 'Bien classé : travaux'],
  LOCAL_AUTHORITIES: ['Tutelle sur une décision communale', 'Coordonnées de ma commune'],
  INFORMATION: ['Abonnement à Vivre la Wallonie', 'Demande de brochure', 'Coordonnées d’un service'],
};

interface ThemeRef {
  id: string;
  code: string;
  root: string;
  defaultServiceId: string | null;
}
interface ProcedureRef {
  id: string;
  themeId: string;
  ownerServiceId: string;
  steps: { id: string }[];
}

async function loadRefs(tx: Executor) {
  const services = new Map((await tx.select().from(t.services)).map((s) => [s.code, s]));
  const themeRows = await tx.select().from(t.themes);
  const themes: ThemeRef[] = themeRows
    .filter((theme) => !theme.firstLineExcluded)
    .map((theme) => ({ id: theme.id, code: theme.code, root: theme.code.split('.')[0]!, defaultServiceId: theme.defaultServiceId }));
  const stepRows = await tx.select().from(t.procedureSteps).orderBy(t.procedureSteps.procedureId, t.procedureSteps.position);
  const procedures: ProcedureRef[] = (await tx.select().from(t.procedures).orderBy(t.procedures.code)).map((p) => ({
    id: p.id,
    themeId: p.themeId,
    ownerServiceId: p.ownerServiceId,
    steps: stepRows.filter((s) => s.procedureId === p.id).map((s) => ({ id: s.id })),
  }));
  const counters = (await tx.select({ id: t.counters.id }).from(t.counters).orderBy(t.counters.code)).map((c) => c.id);
  const publications = (await tx.select({ id: t.publications.id }).from(t.publications).orderBy(t.publications.code)).map((p) => p.id);
  return { services, themes: themes.sort((a, b) => a.code.localeCompare(b.code)), procedures, counters, publications };
}

async function insertInChunks<Row extends Record<string, unknown>>(tx: Executor, table: Parameters<Executor['insert']>[0], rows: Row[]) {
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(table).values(rows.slice(start, start + 500) as never);
  }
}

/**
 * Loads the deterministic demo data (agents, service accounts, citizens, cases with their
 * interactions, handoffs, notes, messages and events) once: when the first demo citizen
 * already exists it does nothing, so seeding twice changes nothing.
 */
export async function loadDemoData(db: Database, vault: DataVault, size: DemoSize = DEFAULT_DEMO_SIZE): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: t.citizens.id }).from(t.citizens).where(eq(t.citizens.id, DEMO_CITIZENS.marie.id));
    if (existing) return false;

    const random = new SeededRandom(1718);
    const refs = await loadRefs(tx);
    const calendar = await loadBusinessCalendar(tx);
    const serviceId = (code: string) => {
      const service = refs.services.get(code);
      if (!service) throw new Error(`Demo data needs service ${code}: load the reference data first.`);
      return service.id;
    };
    const firstLineServiceId = serviceId(FIRST_LINE_SERVICE);

    // Agents and service accounts.
    const agentRows = DEMO_AGENTS.map((agent) => ({
      id: random.uuid(),
      login: agent.login,
      givenName: agent.givenName,
      familyName: agent.familyName,
      email: `${agent.login}@spw.example`,
      role: agent.role,
      serviceId: serviceId(agent.serviceCode),
      languages: agent.languages,
    }));
    await insertInChunks(tx, t.agents, agentRows);
    const firstLineAgents = agentRows.filter((agent) => agent.role === 'FIRST_LINE_AGENT');
    const germanSpeakingAgents = firstLineAgents.filter((agent) => agent.languages.includes('de'));
    const backOfficeAgentsByService = new Map<string, string[]>();
    for (const agent of agentRows.filter((a) => a.role === 'BACK_OFFICE_AGENT')) {
      backOfficeAgentsByService.set(agent.serviceId, [...(backOfficeAgentsByService.get(agent.serviceId) ?? []), agent.id]);
    }
    await insertInChunks(
      tx,
      t.serviceAccounts,
      DEMO_SERVICE_ACCOUNTS.map((code) => ({ id: random.uuid(), subject: code, name: `Back-office ${code}`, serviceId: serviceId(code) })),
    );

    // Citizens and their contact points.
    const citizenRows: (typeof t.citizens.$inferInsert & { id: string; preferredLanguage: Language })[] = [];
    const contactRows: (typeof t.contactPoints.$inferInsert)[] = [];
    for (let index = 0; index < size.citizens; index++) {
      const fixed = index === 0 ? DEMO_CITIZENS.marie : index === 1 ? DEMO_CITIZENS.hans : undefined;
      const language: Language = fixed?.language ?? random.weighted({ fr: 84, de: 10, nl: 4, en: 2 });
      const [givenNames, familyNames] =
        language === 'de' ? [GERMAN_GIVEN, GERMAN_FAMILY] : language === 'nl' ? [DUTCH_GIVEN, DUTCH_FAMILY] : language === 'en' ? [ENGLISH_GIVEN, ENGLISH_FAMILY] : [FRENCH_GIVEN, FRENCH_FAMILY];
      const givenName = fixed?.givenName ?? random.pick(givenNames);
      const familyName = fixed?.familyName ?? random.pick(familyNames);
      const id = fixed?.id ?? random.uuid();
      let nationalNumber: string | undefined;
      if (fixed || random.chance(0.7)) {
        const year = random.int(1935, 2006);
        const body = `${String(year % 100).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${String(random.int(1, 997)).padStart(3, '0')}`;
        nationalNumber = body + nationalNumberCheckDigits(body, year >= 2000);
      }
      const assistanceNeeds: AssistanceNeed[] = random.chance(0.15)
        ? [random.pick(['ELDERLY', 'REDUCED_MOBILITY', 'NO_INTERNET', 'ISOLATED', 'LANGUAGE'] as const)]
        : [];
      citizenRows.push({
        id,
        givenName,
        familyName,
        preferredLanguage: language,
        nationalNumberEncrypted: nationalNumber ? vault.encrypt(nationalNumber) : null,
        nationalNumberHash: nationalNumber ? vault.lookupHash(nationalNumber) : null,
        assistanceNeeds,
        createdAt: new Date(DEMO_END - (DEMO_DAYS + 30) * DAY + index * 3_600_000),
      });
      const slug = `${givenName}.${familyName}`.normalize('NFD').replace(/[^\w.]/g, '').toLowerCase();
      if (fixed || random.chance(0.8)) {
        const email = `${slug}${index}@example.org`;
        contactRows.push({ citizenId: id, kind: 'EMAIL', value: email, normalizedValue: email, isPrimary: true });
      }
      if (fixed || random.chance(0.7)) {
        const digits = `04${random.int(70, 99)}${String(random.int(0, 999_999)).padStart(6, '0')}`;
        const written = `${digits.slice(0, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`;
        contactRows.push({ citizenId: id, kind: 'PHONE', value: written, normalizedValue: `32${digits.slice(1)}`, isPrimary: true });
      }
      if (fixed || random.chance(0.6)) {
        const city = language === 'de' ? random.pick(['4700 Eupen', '4780 Sankt Vith']) : random.pick(CITIES);
        const street = language === 'de' ? random.pick(GERMAN_STREETS) : random.pick(STREETS);
        const address = `${street} ${random.int(1, 180)}, ${city}`;
        contactRows.push({ citizenId: id, kind: 'POSTAL_ADDRESS', value: address, normalizedValue: address.toLowerCase(), isPrimary: true });
      }
    }
    await insertInChunks(tx, t.citizens, citizenRows);
    await insertInChunks(tx, t.contactPoints, contactRows);

    // Cases, oldest first, so that references and event positions follow time.
    const createdTimes = Array.from({ length: size.cases }, () => {
      const day = DEMO_END - random.int(0, DEMO_DAYS) * DAY;
      const start = new Date(day);
      start.setUTCHours(7, 30, 0, 0); // 08:30 Brussels (winter time)
      return start.getTime() + random.int(0, 8 * 3_600) * 1000;
    }).sort((a, b) => a - b);

    const caseRows: (typeof t.cases.$inferInsert)[] = [];
    const interactionRows: (typeof t.interactions.$inferInsert)[] = [];
    const phoneRows: (typeof t.phoneCalls.$inferInsert)[] = [];
    const emailRows: (typeof t.emailMessages.$inferInsert)[] = [];
    const chatRows: (typeof t.chatSessions.$inferInsert)[] = [];
    const counterRows: (typeof t.counterVisits.$inferInsert)[] = [];
    const submissionRows: (typeof t.onlineSubmissions.$inferInsert)[] = [];
    const letterRows: (typeof t.letters.$inferInsert)[] = [];
    const handoffRows: (typeof t.handoffs.$inferInsert)[] = [];
    const noteRows: (typeof t.notes.$inferInsert)[] = [];
    const messageRows: (typeof t.messages.$inferInsert)[] = [];
    const orderRows: (typeof t.publicationOrders.$inferInsert)[] = [];
    const eventRows: (typeof t.caseEvents.$inferInsert & { occurredAt: Date })[] = [];
    const lastNumberByYear = new Map<number, number>();

    for (const [index, createdMs] of createdTimes.entries()) {
      const caseId = random.uuid();
      const createdAt = new Date(createdMs);
      const at = (minutes: number) => new Date(Math.min(createdMs + minutes * 60_000, DEMO_END));
      // The two named citizens get the first cases each, so they always have some to look at.
      const citizen =
        index % 100 < 4 ? citizenRows[index % 2]! : random.chance(0.8) ? random.pick(citizenRows) : undefined;
      const language: Language = citizen?.preferredLanguage ?? random.weighted({ fr: 88, de: 9, nl: 2, en: 1 });
      const channel = random.weighted(CHANNEL_WEIGHTS);
      const procedure = channel === 'ONLINE_PROCEDURE' && citizen ? random.pick(refs.procedures) : undefined;
      const originChannel: Channel = channel === 'ONLINE_PROCEDURE' && !procedure ? 'PHONE' : channel;
      const theme = procedure ? refs.themes.find((th) => th.id === procedure.themeId) ?? random.pick(refs.themes) : random.pick(refs.themes);
      let status = random.weighted(STATUS_WEIGHTS);
      if (procedure && status === 'HANDED_OFF') status = 'IN_PROGRESS';
      let resolution: Resolution | null = status === 'RESOLVED' || status === 'CLOSED' ? random.weighted(RESOLUTION_WEIGHTS) : null;
      if (procedure && resolution) resolution = 'HANDLED_BY_BACK_OFFICE';
      const firstAgent = language === 'de' && germanSpeakingAgents.length > 0 ? random.pick(germanSpeakingAgents) : random.pick(firstLineAgents);
      const year = createdAt.getUTCFullYear();
      const number = (lastNumberByYear.get(year) ?? 0) + 1;
      lastNumberByYear.set(year, number);

      const events: { type: CaseEventType; visibility: EventVisibility; minutes: number; payload: Record<string, unknown>; actorAgentId?: string | null; actorCitizenId?: string | null; actorServiceId?: string | null; actorKind: 'AGENT' | 'CITIZEN' | 'SERVICE' | 'SYSTEM' }[] = [];
      const agentActor = (agentId: string) => ({ actorKind: 'AGENT' as const, actorAgentId: agentId });

      let currentLine: 'FIRST' | 'SECOND' | 'THIRD' = 'FIRST';
      let currentServiceId = firstLineServiceId;
      let referentAgentId: string | null = firstAgent.id;
      let assigneeAgentId: string | null = status === 'NEW' ? null : firstAgent.id;
      const secondLineServiceId = theme.defaultServiceId && theme.defaultServiceId !== firstLineServiceId ? theme.defaultServiceId : null;

      if (procedure) {
        currentLine = 'SECOND';
        currentServiceId = procedure.ownerServiceId;
        const backOffice = backOfficeAgentsByService.get(procedure.ownerServiceId);
        referentAgentId = backOffice ? random.pick(backOffice) : null;
        assigneeAgentId = status === 'NEW' ? null : referentAgentId;
      }

      events.push({
        type: 'CASE_CREATED',
        visibility: 'CITIZEN',
        minutes: 0,
        payload: { reference: formatCaseReference(year, number), channel: originChannel, themeCode: theme.code },
        ...(procedure && citizen ? { actorKind: 'CITIZEN' as const, actorCitizenId: citizen.id } : agentActor(firstAgent.id)),
      });

      // Interactions: the first on the origin channel, then follow-ups by phone or e-mail.
      const interactionCount = status === 'NEW' ? 1 : random.int(1, 3);
      for (let n = 0; n < interactionCount; n++) {
        const interactionChannel: Channel = n === 0 ? originChannel : random.pick(['PHONE', 'EMAIL'] as const);
        const direction = n === 0 ? 'INBOUND' : random.pick(['INBOUND', 'OUTBOUND'] as const);
        const interactionId = random.uuid();
        const occurredAt = at(n * random.int(60, 4 * 24 * 60));
        const agentId = interactionChannel === 'ONLINE_PROCEDURE' ? null : n === 0 ? firstAgent.id : (assigneeAgentId ?? firstAgent.id);
        interactionRows.push({
          id: interactionId,
          caseId,
          channel: interactionChannel,
          direction,
          externalId: `demo-${interactionChannel.toLowerCase()}-${index}-${n}`,
          agentId,
          summary: n === 0 ? 'Premier contact' : direction === 'INBOUND' ? 'Le citoyen recontacte le service' : 'Rappel du citoyen',
          occurredAt,
        });
        events.push({
          type: 'INTERACTION_ADDED',
          visibility: 'CITIZEN',
          minutes: (occurredAt.getTime() - createdMs) / 60_000,
          payload: { interactionId, channel: interactionChannel, direction },
          ...(agentId ? agentActor(agentId) : { actorKind: 'CITIZEN' as const, actorCitizenId: citizen?.id ?? null }),
        });
        switch (interactionChannel) {
          case 'PHONE': {
            const abandoned = n === 0 && random.chance(0.04);
            phoneRows.push({
              interactionId,
              line: language === 'de' ? '1719' : '1718',
              ivrPath: language === 'de' ? ['2'] : random.chance(0.1) ? ['3'] : [],
              waitSeconds: random.int(5, 420),
              talkSeconds: abandoned ? 0 : random.int(60, 900),
              callerNumberMasked: `+32 4** ** ${String(random.int(10, 99))} ${String(random.int(10, 99))}`,
              abandoned,
            });
            break;
          }
          case 'EMAIL': {
            const address = contactRows.find((c) => c.citizenId === citizen?.id && c.kind === 'EMAIL')?.value ?? 'anonyme@example.org';
            const inbound = direction === 'INBOUND';
            emailRows.push({
              interactionId,
              fromAddress: inbound ? address : '1718@spw.example',
              toAddress: inbound ? '1718@spw.example' : address,
              subject: random.pick(SUBJECTS[theme.root] ?? SUBJECTS.INFORMATION!),
              messageId: `<demo-${index}-${n}@mail.example>`,
            });
            break;
          }
          case 'CHAT':
            chatRows.push({ interactionId, messageCount: random.int(3, 40), transcript: null });
            break;
          case 'COUNTER':
            counterRows.push({ interactionId, counterId: random.pick(refs.counters), ticket: `A${random.int(1, 250)}` });
            break;
          case 'ONLINE_PROCEDURE':
            submissionRows.push({
              interactionId,
              procedureId: procedure!.id,
              submissionId: `WAL-${year}-${String(index).padStart(6, '0')}`,
              stepId: procedure!.steps[0]?.id ?? null,
            });
            break;
          case 'LETTER':
            letterRows.push({ interactionId, senderAddress: contactRows.find((c) => c.citizenId === citizen?.id && c.kind === 'POSTAL_ADDRESS')?.value ?? null, registeredMail: random.chance(0.2), letterReference: null });
            break;
        }
      }

      // Handoffs to the second (and sometimes third) line.
      const handedOff = status === 'HANDED_OFF' || resolution === 'HANDLED_BY_BACK_OFFICE';
      if (handedOff && !procedure && secondLineServiceId) {
        const requestedMinutes = random.int(10, 120);
        const pingPong = random.chance(0.12);
        if (pingPong) {
          const rejectedId = random.uuid();
          handoffRows.push({ id: rejectedId, caseId, fromServiceId: firstLineServiceId, fromLine: 'FIRST', toServiceId: secondLineServiceId, toLine: 'SECOND', requestedByAgentId: firstAgent.id, reason: 'Question technique hors de portée de la première ligne', status: 'REJECTED', rejectionReason: 'Information disponible dans la base de connaissances', requestedAt: at(requestedMinutes), rejectedAt: at(requestedMinutes + 600) });
          events.push({ type: 'HANDOFF_REQUESTED', visibility: 'INTERNAL', minutes: requestedMinutes, payload: { handoffId: rejectedId }, ...agentActor(firstAgent.id) });
          events.push({ type: 'HANDOFF_REJECTED', visibility: 'INTERNAL', minutes: requestedMinutes + 600, payload: { handoffId: rejectedId }, actorKind: 'SERVICE', actorServiceId: secondLineServiceId });
        }
        const start = requestedMinutes + (pingPong ? 900 : 0);
        const handoffStatus = resolution ? 'COMPLETED' : random.pick(['REQUESTED', 'ACCEPTED'] as const);
        const handoffId = random.uuid();
        handoffRows.push({
          id: handoffId,
          caseId,
          fromServiceId: firstLineServiceId,
          fromLine: 'FIRST',
          toServiceId: secondLineServiceId,
          toLine: 'SECOND',
          requestedByAgentId: firstAgent.id,
          reason: 'Dossier à instruire par le service métier',
          status: handoffStatus,
          response: handoffStatus === 'COMPLETED' ? 'Dossier traité, réponse envoyée au citoyen' : null,
          completion: handoffStatus === 'COMPLETED' ? 'RETURNED' : null,
          dueAt: at(start + 10 * 24 * 60),
          requestedAt: at(start),
          acceptedAt: handoffStatus === 'REQUESTED' ? null : at(start + 24 * 60),
          completedAt: handoffStatus === 'COMPLETED' ? at(start + 6 * 24 * 60) : null,
        });
        events.push({ type: 'HANDOFF_REQUESTED', visibility: 'INTERNAL', minutes: start, payload: { handoffId }, ...agentActor(firstAgent.id) });
        if (handoffStatus !== 'REQUESTED') {
          events.push({ type: 'HANDOFF_ACCEPTED', visibility: 'INTERNAL', minutes: start + 24 * 60, payload: { handoffId }, actorKind: 'SERVICE', actorServiceId: secondLineServiceId });
        }
        if (handoffStatus === 'COMPLETED') {
          events.push({ type: 'HANDOFF_COMPLETED', visibility: 'INTERNAL', minutes: start + 6 * 24 * 60, payload: { handoffId }, actorKind: 'SERVICE', actorServiceId: secondLineServiceId });
        }
        if (handoffStatus === 'ACCEPTED') {
          // The receiving line works the case.
          status = 'IN_PROGRESS';
          events.push({ type: 'STATUS_CHANGED', visibility: 'CITIZEN', minutes: start + 24 * 60, payload: { from: 'HANDED_OFF', to: 'IN_PROGRESS' }, actorKind: 'SERVICE', actorServiceId: secondLineServiceId });
          currentLine = 'SECOND';
          currentServiceId = secondLineServiceId;
          const backOffice = backOfficeAgentsByService.get(secondLineServiceId);
          assigneeAgentId = backOffice ? random.pick(backOffice) : null;
        }
      } else if (status === 'HANDED_OFF') {
        status = 'IN_PROGRESS';
      }

      if (status !== 'NEW') {
        events.push({ type: 'STATUS_CHANGED', visibility: 'CITIZEN', minutes: 5, payload: { from: 'NEW', to: 'IN_PROGRESS' }, ...agentActor(firstAgent.id) });
      }
      const finalMinutes = random.int(30, 20 * 24 * 60);
      if (status !== 'NEW' && status !== 'IN_PROGRESS') {
        events.push({ type: 'STATUS_CHANGED', visibility: 'CITIZEN', minutes: finalMinutes, payload: { from: 'IN_PROGRESS', to: status, ...(resolution ? { resolution } : {}) }, ...agentActor(assigneeAgentId ?? firstAgent.id) });
      }
      if (status === 'CLOSED') {
        // A case is closed after it was resolved: record the second step too.
        events.push({ type: 'STATUS_CHANGED', visibility: 'CITIZEN', minutes: finalMinutes + 3 * 24 * 60, payload: { from: 'RESOLVED', to: 'CLOSED' }, actorKind: 'SYSTEM' });
      }

      let procedureStepId: string | null = null;
      if (procedure && procedure.steps.length > 0) {
        const done = status === 'RESOLVED' || status === 'CLOSED';
        const reached = done ? procedure.steps.length - 1 : random.int(0, procedure.steps.length - 2);
        procedureStepId = procedure.steps[reached]!.id;
        for (let step = 1; step <= reached; step++) {
          events.push({ type: 'PROCEDURE_STEP_CHANGED', visibility: 'CITIZEN', minutes: step * 7 * 24 * 60, payload: { stepId: procedure.steps[step]!.id }, actorKind: 'SERVICE', actorServiceId: procedure.ownerServiceId });
        }
      }

      if (random.chance(0.3)) {
        const authorAgentId = assigneeAgentId ?? firstAgent.id;
        noteRows.push({ caseId, authorAgentId, body: 'Citoyen rappelé, dossier complet.', createdAt: at(90) });
        events.push({ type: 'NOTE_ADDED', visibility: 'INTERNAL', minutes: 90, payload: {}, ...agentActor(authorAgentId) });
      }
      if (citizen && random.chance(0.2)) {
        messageRows.push({ caseId, authorCitizenId: citizen.id, body: 'Bonjour, avez-vous besoin d’autres documents ?', createdAt: at(120) });
        events.push({ type: 'MESSAGE_SENT', visibility: 'CITIZEN', minutes: 120, payload: { author: 'CITIZEN' }, actorKind: 'CITIZEN', actorCitizenId: citizen.id });
        const replierId = assigneeAgentId ?? firstAgent.id;
        messageRows.push({ caseId, authorAgentId: replierId, body: 'Merci, votre dossier est complet. Nous revenons vers vous.', createdAt: at(24 * 60) });
        events.push({ type: 'MESSAGE_SENT', visibility: 'CITIZEN', minutes: 24 * 60, payload: { author: 'AGENT' }, ...agentActor(replierId) });
      }
      if (resolution === 'ORDER_REGISTERED' && citizen && refs.publications.length > 0) {
        orderRows.push({ caseId, citizenId: citizen.id, publicationId: random.pick(refs.publications), quantity: random.int(1, 3), status: random.pick(['REQUESTED', 'SENT'] as const), recordedByAgentId: firstAgent.id, orderedAt: at(10) });
        events.push({ type: 'PUBLICATION_ORDERED', visibility: 'CITIZEN', minutes: 10, payload: {}, ...agentActor(firstAgent.id) });
      }

      const closedAt = status === 'CLOSED' ? at(finalMinutes + 3 * 24 * 60) : null;
      const resolvedAt = resolution ? at(finalMinutes) : null;
      const lastEventMinutes = Math.max(...events.map((event) => event.minutes));
      caseRows.push({
        id: caseId,
        reference: formatCaseReference(year, number),
        citizenId: citizen?.id ?? null,
        themeId: theme.id,
        subject: random.pick(SUBJECTS[theme.root] ?? SUBJECTS.INFORMATION!),
        description: null,
        status,
        resolution,
        priority: random.weighted({ LOW: 10, NORMAL: 75, HIGH: 12, URGENT: 3 }),
        originChannel,
        language,
        currentLine,
        serviceId: currentServiceId,
        referentAgentId,
        assigneeAgentId: status === 'NEW' ? null : assigneeAgentId,
        procedureId: procedure?.id ?? null,
        procedureStepId,
        confidentiality: random.chance(0.03) ? 'CONFIDENTIAL' : 'NORMAL',
        dueAt: new Date(createdMs + 14 * DAY),
        atRiskAt: new Date(createdMs + 11 * DAY),
        resolvedAt,
        resolutionBusinessSeconds: resolvedAt ? Math.round(businessTimeBetween(calendar, createdAt, resolvedAt) / 1000) : null,
        closedAt,
        version: events.length,
        createdAt,
        updatedAt: at(lastEventMinutes),
      });
      for (const event of events) {
        eventRows.push({
          caseId,
          type: event.type,
          visibility: event.visibility,
          actorKind: event.actorKind,
          actorAgentId: event.actorAgentId ?? null,
          actorCitizenId: event.actorCitizenId ?? null,
          actorServiceId: event.actorServiceId ?? null,
          payload: event.payload,
          occurredAt: at(event.minutes),
        });
      }
    }

    await insertInChunks(tx, t.cases, caseRows);
    await insertInChunks(tx, t.interactions, interactionRows);
    await insertInChunks(tx, t.phoneCalls, phoneRows);
    await insertInChunks(tx, t.emailMessages, emailRows);
    await insertInChunks(tx, t.chatSessions, chatRows);
    await insertInChunks(tx, t.counterVisits, counterRows);
    await insertInChunks(tx, t.onlineSubmissions, submissionRows);
    await insertInChunks(tx, t.letters, letterRows);
    await insertInChunks(tx, t.handoffs, handoffRows);
    await insertInChunks(tx, t.notes, noteRows);
    await insertInChunks(tx, t.messages, messageRows);
    await insertInChunks(tx, t.publicationOrders, orderRows);
    // Stable sort: events of one instant keep their causal order.
    eventRows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    await insertInChunks(tx, t.caseEvents, eventRows);
    await insertInChunks(
      tx,
      t.caseReferenceCounters,
      [...lastNumberByYear].map(([year, lastNumber]) => ({ year, lastNumber })),
    );
    await tx.execute(sql`update ${t.cases} set search_vector = case_search_vector(id)`);
    return true;
  });
}
