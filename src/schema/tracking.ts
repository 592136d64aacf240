import type { CaseRow } from '../services/case-reads.js';
import { timelinePagesByCaseIds } from '../services/case-reads.js';
import { procedureProgressByCaseIds } from '../services/procedures.js';
import { MAX_TRACKING_FAILURES, trackCase } from '../services/tracking.js';
import { builder } from './builder.js';
import { CaseEvent } from './case-event.js';
import { CaseStatusEnum } from './enums.js';
import { vocabularyLabelField } from './language.js';
import { batchLoader } from './loaders.js';
import { ProcedureStep } from './procedure.js';
import { Service } from './service.js';
import { Theme } from './theme.js';

// Tracking without login: whoever holds the reference and the tracking code reads what the
// citizen would read on the portal, nothing more.

const PUBLIC = { public: true } as const;
const TIMELINE_LENGTH = 50;

const TrackedCase = builder.objectRef<CaseRow>('TrackedCase').implement({
  description: 'A case as its reference and tracking code show it: status, theme, service coordinates, next step, due date and the citizen-visible history.',
  authScopes: PUBLIC,
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The case reference.' }),
    status: t.expose('status', { type: CaseStatusEnum, description: 'Where it stands.' }),
    statusLabel: vocabularyLabelField(t, 'CASE_STATUS', 'The status in words, in the asked language (default French).', (row) => row.status),
    theme: t.field({ type: Theme, description: 'What it is about.', resolve: (row) => row.themeId }),
    service: t.field({ type: Service, description: 'The service working on it, with its coordinates.', resolve: (row) => row.serviceId }),
    lastUpdate: t.field({ type: 'DateTime', description: 'When it last changed.', resolve: (row) => row.updatedAt }),
    dueAt: t.field({ type: 'DateTime', nullable: true, description: 'When it should be settled; null without a deadline.', resolve: (row) => row.dueAt }),
    nextStep: t.field({
      type: ProcedureStep,
      nullable: true,
      description: 'The next step of its procedure; null when it follows none or is at the last one.',
      resolve: async (row, _args, context) => {
        const progress = await batchLoader(context, 'procedureProgress', (ids) => procedureProgressByCaseIds(context.db, ids)).load(row.id);
        return progress?.find((entry) => entry.state === 'PENDING')?.step ?? null;
      },
    }),
    timeline: t.field({
      type: [CaseEvent],
      description: `The citizen-visible events, oldest first (the first ${TIMELINE_LENGTH}).`,
      resolve: async (row, _args, context) => (await timelinePagesByCaseIds(context.db, [row.id], { limit: TIMELINE_LENGTH, citizenVisibleOnly: true }))[0]!.rows,
    }),
  }),
});

builder.queryField('trackCase', (t) =>
  t.field({
    type: TrackedCase,
    nullable: true,
    description: `Follows a case without logging in. A wrong reference and a wrong code give the same NOT_FOUND; after ${MAX_TRACKING_FAILURES} failures in 15 minutes from one address or on one reference, attempts are refused with RATE_LIMITED. Each trackCase counts as one attempt, also several in one request.`,
    authScopes: PUBLIC,
    args: {
      reference: t.arg.string({ required: true, description: 'The case reference, e.g. 1718-2026-000123.' }),
      trackingCode: t.arg.string({ required: true, description: 'The code given when the case was opened, e.g. ABCDE-FGH23; letter case, the dash and spaces do not matter.' }),
    },
    resolve: (_root, args, context) =>
      trackCase(context.db, context.vault, { reference: args.reference, trackingCode: args.trackingCode, clientAddress: context.clientAddress }, context.now),
  }),
);
