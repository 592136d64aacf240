import { readDay } from './calendar-values.js';
import type { FieldProblem } from './errors.js';

// What an online procedure's form asks, stored with the procedure as data, and the check of a
// citizen's answers against it. Answers the form does not name are kept as sent: a form may grow
// without refusing the answers of clients built for the previous one.

export const FORM_FIELD_TYPES = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
  /** The answer's key in the answers object. */
  name: string;
  type: FormFieldType;
  required: boolean;
}

export interface ProcedureForm {
  fields: FormField[];
}

const MATCHES_TYPE: Record<FormFieldType, (value: unknown) => boolean> = {
  TEXT: (value) => typeof value === 'string' && value.trim() !== '',
  NUMBER: (value) => typeof value === 'number' && Number.isFinite(value),
  BOOLEAN: (value) => typeof value === 'boolean',
  DATE: (value) => readDay(value) !== undefined,
};

const EXPECTED: Record<FormFieldType, string> = {
  TEXT: 'a text that is not empty',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  DATE: 'a day that exists, as YYYY-MM-DD',
};

/** The problems of `answers` against `form`, one per field, at `path` + the field's name; none without a form. */
export function checkAnswers(form: ProcedureForm | null, answers: Record<string, unknown>, path: readonly string[]): FieldProblem[] {
  if (!form) return [];
  return form.fields.flatMap((field): FieldProblem[] => {
    const value = Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
    if (value === undefined || value === null) {
      return field.required ? [{ path: [...path, field.name], message: `Required: ${EXPECTED[field.type]}.` }] : [];
    }
    return MATCHES_TYPE[field.type](value) ? [] : [{ path: [...path, field.name], message: `Must be ${EXPECTED[field.type]}.` }];
  });
}
