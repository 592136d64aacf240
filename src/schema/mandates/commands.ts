import { InvalidTransitionError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { MandateRights, MandateScope } from '../../domain/vocabulary.js';
import { grantMandate, type MandateTermsInput, recordMandate, revokeMandate } from '../../services/mandates/grants.js';
import type { MandateRow } from '../../services/mandates/reads.js';
import { builder, type Types } from '../builder.js';
import { Case } from '../case.js';
import { Citizen } from '../citizen.js';
import { Mandate, MandateRightsEnum, MandateScopeEnum } from './mandate.js';

const AGENT_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;
const ERRORS = { types: [ValidationError, NotFoundError, InvalidTransitionError], directResult: true as const };

const MandatePayload = (name: string, description: string) =>
  builder.objectRef<MandateRow>(name).implement({
    description,
    authScopes: AGENT_OR_CITIZEN,
    fields: (t) => ({ mandate: t.field({ type: Mandate, description: 'The mandate after the change.', resolve: (row) => row }) }),
  });

/** The terms every mandate input shares. */
function termFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    scope: t.field({ type: MandateScopeEnum, required: true, description: 'ALL_CASES, THEMES (give themeCodes) or ONE_CASE (give caseId).' }),
    themeCodes: t.stringList({ required: false, description: 'For THEMES: theme codes, e.g. ENERGY (a theme covers its sub-themes).' }),
    caseId: t.globalID({ required: false, for: Case, description: 'For ONE_CASE: the global id of a case of the represented citizen.' }),
    rights: t.field({ type: MandateRightsEnum, required: true, description: 'READ (follow) or ACT (also act).' }),
    validFrom: t.field({ type: 'DateTime', required: false, description: 'When it starts; now when omitted.' }),
    validUntil: t.field({ type: 'DateTime', required: false, description: 'When it ends; until revoked when omitted.' }),
  };
}

function termsOf(input: { scope: string; themeCodes?: string[] | null; caseId?: { id: string } | null; rights: string; validFrom?: Date | null; validUntil?: Date | null }): MandateTermsInput {
  return {
    scope: input.scope as MandateScope,
    themeCodes: input.themeCodes,
    caseId: input.caseId?.id,
    rights: input.rights as MandateRights,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
  };
}

const GrantMandateInput = builder.inputType('GrantMandateInput', {
  description: 'A mandate a citizen gives another citizen of the portal over their own cases.',
  fields: (t) => ({
    representativeCitizenId: t.globalID({ required: true, for: Citizen, description: 'The global id of the citizen who will represent you (they find it in viewer { citizen { id } }).' }),
    representativeFamilyName: t.string({
      required: true,
      description: 'Their family name, as they gave it to you: an id and name that do not match are refused like an unknown id, so that an id alone tells nobody whose it is.',
    }),
    ...termFields(t),
  }),
});

builder.mutationField('grantMandate', (t) =>
  t.field({
    type: MandatePayload('GrantMandateSuccess', 'The mandate is given.'),
    description: 'A citizen lets someone else follow (READ) or act on (ACT) their cases. Citizens only; never to themself.',
    authScopes: { citizen: true },
    errors: ERRORS,
    args: { input: t.arg({ type: GrantMandateInput, required: true, description: 'To whom, and what it reaches.' }) },
    resolve: (_root, { input }, context) => grantMandate(context.db, context.viewer, { ...termsOf(input), representativeCitizenId: input.representativeCitizenId.id, representativeFamilyName: input.representativeFamilyName }, context.now),
  }),
);

const RepresentativeInput = builder.inputType('MandateRepresentativeInput', {
  description: 'Who represents the citizen: a citizen of the portal (citizenId), or a named contact (name, organisation).',
  fields: (t) => ({
    citizenId: t.globalID({ required: false, for: Citizen, description: 'The global id of the representative when they are a citizen of the portal.' }),
    name: t.string({ required: false, description: 'Otherwise their name, up to 200 characters.' }),
    organisation: t.string({ required: false, description: 'And their organisation, e.g. CPAS de Namur.' }),
  }),
});

const RecordMandateInput = builder.inputType('RecordMandateInput', {
  description: 'A mandate an agent records for a caller, after checking its proof.',
  fields: (t) => ({
    representedCitizenId: t.globalID({ required: true, for: Citizen, description: 'The global id of the represented citizen.' }),
    representative: t.field({ type: RepresentativeInput, required: true, description: 'Who represents them: citizenId, or name (and organisation).' }),
    proofNote: t.string({ required: true, description: 'How the proof was checked (a signed proxy seen at the counter, a court decision), up to 1,000 characters. Staff read it.' }),
    ...termFields(t),
  }),
});

builder.mutationField('recordMandate', (t) =>
  t.field({
    type: MandatePayload('RecordMandateSuccess', 'The mandate is recorded.'),
    description: 'An agent records a mandate after checking its proof; how it was checked is required. Agents only.',
    authScopes: { agent: true },
    errors: ERRORS,
    args: { input: t.arg({ type: RecordMandateInput, required: true, description: 'Who, for whom, what it reaches, and the proof.' }) },
    resolve: (_root, { input }, context) => {
      const representative = input.representative;
      if ((representative.citizenId ? 1 : 0) + (representative.name ? 1 : 0) !== 1) {
        throw new ValidationError([{ path: ['input', 'representative'], message: 'Give citizenId, or name (and organisation): one of them.' }]);
      }
      return recordMandate(
        context.db,
        context.viewer,
        {
          ...termsOf(input),
          representedCitizenId: input.representedCitizenId.id,
          representative: representative.citizenId ? { citizenId: representative.citizenId.id } : { name: representative.name!, organisation: representative.organisation },
          proofNote: input.proofNote,
        },
        context.now,
      );
    },
  }),
);

const RevokeMandateInput = builder.inputType('RevokeMandateInput', {
  description: 'A mandate to end now.',
  fields: (t) => ({ mandateId: t.globalID({ required: true, for: Mandate, description: 'The global id of the mandate.' }) }),
});

builder.mutationField('revokeMandate', (t) =>
  t.field({
    type: MandatePayload('RevokeMandateSuccess', 'The mandate ended.'),
    description: 'Ends a mandate at once: the represented citizen, the representative (giving it up) or an agent.',
    authScopes: AGENT_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: RevokeMandateInput, required: true, description: 'The mandate.' }) },
    resolve: (_root, { input }, context) => revokeMandate(context.db, context.viewer, input.mandateId.id, context.now),
  }),
);
