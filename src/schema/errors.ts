import { ConflictError, DomainError, type FieldProblem, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { builder } from './builder.js';

// Expected failures of mutations, returned as members of `<Name>Result` unions. Access
// refusals are not among them: they stay top-level errors with UNAUTHENTICATED/FORBIDDEN.

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure of a mutation: nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
    code: t.exposeString('code', { description: 'Stable code for programs: BAD_USER_INPUT, NOT_FOUND, CONFLICT, …' }),
  }),
});

const FieldProblemType = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'One invalid input field.',
  authScopes: { public: true },
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the field in the input, e.g. ["input", "citizen", "email"].' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is invalid; `problems` names each field.',
  interfaces: [ErrorInterface],
  authScopes: { public: true },
  fields: (t) => ({
    problems: t.field({ type: [FieldProblemType], description: 'One entry per invalid field.', resolve: (error) => error.problems }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'An object the input refers to does not exist or is not visible to you.',
  interfaces: [ErrorInterface],
  authScopes: { public: true },
  fields: (t) => ({ entity: t.exposeString('entity', { description: 'The kind of object, e.g. Case.' }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change conflicts with the current state (stale version, duplicate); nothing was written.',
  interfaces: [ErrorInterface],
  authScopes: { public: true },
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { nullable: true, description: 'The version the object has now, for a stale version; null otherwise.' }),
  }),
});

builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransitionError',
  description: 'The lifecycle does not allow this move from the current status.',
  interfaces: [ErrorInterface],
  authScopes: { public: true },
  fields: (t) => ({
    from: t.exposeString('from', { description: 'The current status.' }),
    to: t.exposeString('to', { description: 'The refused target status.' }),
    allowed: t.exposeStringList('allowed', { description: 'The statuses the case may move to from its current one.' }),
  }),
});
