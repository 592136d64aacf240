import { MANDATE_GRANTOR_KINDS, MANDATE_RIGHTS, MANDATE_SCOPES, MANDATE_STATUSES, type MandateGrantorKind, type MandateRights, type MandateScope, type MandateStatus } from '../../domain/vocabulary.js';
import { mandateStatus, MAX_MANDATE_THEMES } from '../../domain/mandates.js';
import { citizenNamesByIds } from '../../services/mandates/names.js';
import { mandatesOfCitizen, type MandateRow, readableMandatesByIds } from '../../services/mandates/reads.js';
import { builder } from '../builder.js';
import { vocabularyEnum } from '../enums.js';
import { Case } from '../case.js';
import { listSize } from '../cost.js';
import { batchLoader } from '../loaders.js';
import type { Context } from '../context.js';
import { Viewer } from '../viewer.js';

const STAFF = { staff: true } as const;
const AGENT_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;
/** How many mandates Viewer.mandatesGiven and mandatesHeld list, newest first. */
export const MANDATES_LISTED = 100;


export const MandateScopeEnum = vocabularyEnum<MandateScope>('MandateScope', 'What a mandate reaches.', MANDATE_SCOPES, {
  ALL_CASES: 'Every case of the represented citizen.',
  THEMES: 'Their cases of some themes (a theme covers its sub-themes).',
  ONE_CASE: 'One case.',
});

export const MandateRightsEnum = vocabularyEnum<MandateRights>('MandateRights', 'What a mandate allows.', MANDATE_RIGHTS, {
  READ: 'Follow the cases: what the citizen sees of them.',
  ACT: 'Also act: send messages, start procedures, book appointments, upload documents.',
});

const MandateStatusEnum = vocabularyEnum<MandateStatus>('MandateStatus', 'Where a mandate stands now.', MANDATE_STATUSES, {
  PENDING: 'Not in force yet (validFrom is ahead).',
  ACTIVE: 'In force.',
  REVOKED: 'Revoked: it ended at once.',
  EXPIRED: 'Past its validUntil.',
});

const MandateGrantorEnum = vocabularyEnum<MandateGrantorKind>('MandateGrantor', 'Who granted a mandate.', MANDATE_GRANTOR_KINDS, {
  CITIZEN: 'The represented citizen, on the portal.',
  AGENT: 'An agent, after checking the proof.',
});

export function citizenName(context: Context, citizenId: string): Promise<string> {
  return batchLoader(context, 'mandateCitizenNames', (ids) => citizenNamesByIds(context.db, ids)).load(citizenId);
}

export const Mandate = builder.loadableNode('Mandate', {
  description:
    'A citizen’s permission for someone else to follow (READ) or act on (ACT) their cases: a relative, a social worker, a guardian. Readable by the represented citizen, the representative and agents.',
  authScopes: AGENT_OR_CITIZEN,
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => readableMandatesByIds(context.db, context.viewer, ids),
  sort: (row: MandateRow) => row.id,
  fields: (t) => ({
    representedName: t.string({ description: 'Who is represented: given and family name.', resolve: (row, _args, context) => citizenName(context, row.representedCitizenId) }),
    representativeName: t.string({
      description: 'Who represents them: the citizen’s given and family name, or the name recorded by the agent.',
      resolve: (row, _args, context) => row.representativeName ?? citizenName(context, row.representativeCitizenId!),
    }),
    representativeOrganisation: t.exposeString('representativeOrganisation', { nullable: true, description: 'The representative’s organisation (e.g. a CPAS) when recorded; null otherwise.' }),
    representativeIsCitizen: t.boolean({ description: 'Whether the representative signs in on the portal (a citizen) rather than being a named contact.', resolve: (row) => row.representativeCitizenId !== null }),
    scope: t.expose('scope', { type: MandateScopeEnum, description: 'What it reaches.' }),
    themeCodes: t.exposeStringList('themeCodes', { description: `For THEMES: the theme codes (at most ${MAX_MANDATE_THEMES}); empty otherwise.` }),
    case: t.field({ type: Case, nullable: true, description: 'For ONE_CASE: the case, when you may read it; null otherwise.', resolve: (row) => row.caseId }),
    rights: t.expose('rights', { type: MandateRightsEnum, description: 'READ or ACT.' }),
    validFrom: t.field({ type: 'DateTime', description: 'When it starts.', resolve: (row) => row.validFrom }),
    validUntil: t.field({ type: 'DateTime', nullable: true, description: 'When it ends; null: until revoked.', resolve: (row) => row.validUntil }),
    status: t.field({ type: MandateStatusEnum, description: 'Where it stands at the time of the request.', resolve: (row, _args, context) => mandateStatus(row, context.now) }),
    grantedBy: t.field({ type: MandateGrantorEnum, description: 'The represented citizen (CITIZEN) or an agent (AGENT).', resolve: (row) => row.grantedByKind }),
    proofNote: t.exposeString('proofNote', { nullable: true, authScopes: STAFF, description: 'How the agent checked the proof; null when the citizen granted it. Staff only.' }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was revoked; null otherwise.', resolve: (row) => row.revokedAt }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was granted or recorded.', resolve: (row) => row.createdAt }),
  }),
});

builder.objectFields(Viewer, (t) => ({
  mandatesGiven: t.field({
    type: [Mandate],
    ...listSize(MANDATES_LISTED),
    description: `For a citizen: the mandates they gave, newest first (at most ${MANDATES_LISTED}), ended ones included; empty for staff.`,
    resolve: (viewer, _args, context) => (viewer.kind === 'citizen' ? mandatesOfCitizen(context.db, viewer.citizenId, 'given', MANDATES_LISTED) : []),
  }),
  mandatesHeld: t.field({
    type: [Mandate],
    ...listSize(MANDATES_LISTED),
    description: `For a citizen: the mandates they hold for others, newest first (at most ${MANDATES_LISTED}), ended ones included; empty for staff.`,
    resolve: (viewer, _args, context) => (viewer.kind === 'citizen' ? mandatesOfCitizen(context.db, viewer.citizenId, 'held', MANDATES_LISTED) : []),
  }),
}));
