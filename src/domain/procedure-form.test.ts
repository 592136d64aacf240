import { describe, expect, it } from 'vitest';
import { checkAnswers, type ProcedureForm } from './procedure-form.js';

const FORM: ProcedureForm = {
  fields: [
    { name: 'surface', type: 'NUMBER', required: true },
    { name: 'isolant', type: 'TEXT', required: true },
    { name: 'finTravaux', type: 'DATE', required: false },
    { name: 'proprietaire', type: 'BOOLEAN', required: false },
  ],
};
const PATH = ['input', 'answers'];

describe('checkAnswers', () => {
  it.each([
    ['every field right', { surface: 120, isolant: 'liège', finTravaux: '2026-03-02', proprietaire: true }, []],
    ['optional fields left out, unknown ones kept', { surface: 80.5, isolant: 'laine', remarque: 'x' }, []],
    ['a required field missing', { isolant: 'laine' }, [{ path: [...PATH, 'surface'], message: 'Required: a number.' }]],
    ['a required field null', { surface: null, isolant: 'laine' }, [{ path: [...PATH, 'surface'], message: 'Required: a number.' }]],
    ['a number sent as text', { surface: '120', isolant: 'laine' }, [{ path: [...PATH, 'surface'], message: 'Must be a number.' }]],
    ['an empty text', { surface: 1, isolant: '  ' }, [{ path: [...PATH, 'isolant'], message: 'Must be a text that is not empty.' }]],
    ['a day that does not exist', { surface: 1, isolant: 'a', finTravaux: '2026-02-30' }, [{ path: [...PATH, 'finTravaux'], message: 'Must be a day that exists, as YYYY-MM-DD.' }]],
    ['a boolean sent as text', { surface: 1, isolant: 'a', proprietaire: 'oui' }, [{ path: [...PATH, 'proprietaire'], message: 'Must be true or false.' }]],
    [
      'every problem at once',
      { surface: [], isolant: 3 },
      [
        { path: [...PATH, 'surface'], message: 'Must be a number.' },
        { path: [...PATH, 'isolant'], message: 'Must be a text that is not empty.' },
      ],
    ],
  ])('does report %s', (_case, answers, problems) => {
    expect(checkAnswers(FORM, answers as Record<string, unknown>, PATH)).toEqual(problems);
  });

  it('does accept any object when the procedure defines no form', () => {
    expect(checkAnswers(null, { anything: [1, 2] }, PATH)).toEqual([]);
  });

  it('does not take an inherited property for an answer', () => {
    expect(checkAnswers(FORM, Object.create({ surface: 1, isolant: 'a' }) as Record<string, unknown>, PATH)).toHaveLength(2);
  });
});
