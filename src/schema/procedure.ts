import { ValidationError } from '../domain/errors.js';
import {
  findProcedureByCode,
  listProcedures,
  MAX_SEARCH_LENGTH,
  proceduresByIds,
  stepsByProcedureIds,
  type ProcedureRow,
  type ProcedureStepRow,
} from '../services/reference-data.js';
import { builder } from './builder.js';
import { labelField, optionalLabelField } from './language.js';
import { Service } from './service.js';
import { Theme } from './theme.js';
import { REFERENCE_LIST_BOUNDS } from '../domain/reference-bounds.js';
import { listSize } from './cost.js';
import type { FormField, FormFieldType } from '../domain/procedure-form.js';

export const ProcedureStep = builder.objectRef<ProcedureStepRow>('ProcedureStep').implement({
  description: 'One step of an online procedure, in order (submitted, received, instruction, decision, …). Public.',
  authScopes: { public: true },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code within the procedure, e.g. DECISION.' }),
    position: t.exposeInt('position', { description: '1 for the first step.' }),
    label: labelField(t, 'Name of the step.', (row) => row.labels),
    expectedDays: t.exposeInt('expectedDays', { nullable: true, description: 'Business days the step usually takes; null when unknown.' }),
  }),
});

const FormFieldTypeEnum = builder.enumType('FormFieldType', {
  description: 'What an answer of a procedure’s form must be.',
  values: {
    TEXT: { description: 'A JSON string that is not empty.' },
    NUMBER: { description: 'A JSON number.' },
    BOOLEAN: { description: 'true or false.' },
    DATE: { description: 'A day as a JSON string, YYYY-MM-DD, that exists.' },
  } as const satisfies Record<FormFieldType, unknown>,
});

const ProcedureFormField = builder.objectRef<FormField>('ProcedureFormField').implement({
  description: 'One answer a procedure’s form asks for. Public.',
  authScopes: { public: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its key in startProcedure’s answers object.' }),
    type: t.field({ type: FormFieldTypeEnum, description: 'What the answer must be.', resolve: (field) => field.type }),
    required: t.exposeBoolean('required', { description: 'True when startProcedure refuses answers without it.' }),
  }),
});

export const Procedure = builder.loadableNode('Procedure', {
  description: 'An online procedure (démarche) of the catalogue, with its ordered steps and owning service. Public reference data.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => proceduresByIds(context.db, ids),
  sort: (row: ProcedureRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. PERMIS-PECHE.' }),
    label: labelField(t, 'Name of the procedure.', (row) => row.labels),
    description: optionalLabelField(t, 'What the procedure is for; null when not written.', (row) => row.description),
    theme: t.field({ type: Theme, description: 'The theme it belongs to.', resolve: (row) => row.themeId }),
    ownerService: t.field({ type: Service, description: 'The business service that handles the files.', resolve: (row) => row.ownerServiceId }),
    expectedDurationDays: t.exposeInt('expectedDurationDays', { description: 'Business days from submission to decision, as published.' }),
    url: t.exposeString('url', { nullable: true, description: 'Public page of the procedure; null when unknown.' }),
    allowsSkippingSteps: t.exposeBoolean('allowsSkippingSteps', { description: 'True when the back office may jump to a later step.' }),
    form: t.field({
      type: [ProcedureFormField],
      nullable: true,
      description: 'What startProcedure’s answers must hold: the fields of its online form; null when the procedure defines no form (any answers object is taken). A handful of fields.',
      resolve: (row) => row.form?.fields ?? null,
    }),
    steps: t.loadableList({
      type: ProcedureStep,
      description: `The steps, in order (at most ${REFERENCE_LIST_BOUNDS.procedureSteps}).`,
      ...listSize(REFERENCE_LIST_BOUNDS.procedureSteps),
      load: (procedureIds: string[], context) => stepsByProcedureIds(context.db, procedureIds),
      resolve: (row) => row.id,
    }),
  }),
});

builder.queryFields((t) => ({
  procedures: t.field({
    type: [Procedure],
    description: `Online procedures ordered by code, of a theme (and its sub-themes) and/or matching a text (reference data: at most ${REFERENCE_LIST_BOUNDS.procedures}). Public.`,
    ...listSize(REFERENCE_LIST_BOUNDS.procedures),
    authScopes: { public: true },
    args: {
      themeCode: t.arg.string({ required: false, description: 'Only procedures of this theme or of its sub-themes.' }),
      search: t.arg.string({ required: false, description: `Text searched in the code and labels of every language (at most ${MAX_SEARCH_LENGTH} characters).` }),
    },
    resolve: (_root, args, context) => {
      if (args.search && args.search.length > MAX_SEARCH_LENGTH) {
        throw new ValidationError([{ path: ['search'], message: `At most ${MAX_SEARCH_LENGTH} characters.` }]);
      }
      return listProcedures(context.db, { themeCode: args.themeCode ?? undefined, search: args.search ?? undefined });
    },
  }),
  procedure: t.field({
    type: Procedure,
    nullable: true,
    description: 'One procedure by code; null when no procedure has it. Public.',
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true, description: 'The procedure code.' }) },
    resolve: (_root, args, context) => findProcedureByCode(context.db, args.code),
  }),
}));
