import { type DepartmentRow, findServiceByCode, listServices, type ServiceRow } from '../services/reference-data.js';
import { builder } from './builder.js';
import { AuthorityLevelEnum, LineEnum, ServiceKindEnum } from './enums.js';
import { labelField } from './language.js';
import { REFERENCE_LIST_BOUNDS } from '../domain/reference-bounds.js';
import { listSize } from './cost.js';

export const Department = builder.loadableNode('Department', {
  description: 'A department (SPW body) that services belong to. Public reference data.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => context.referenceCache.departmentsByIds(ids),
  sort: (row: DepartmentRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. SPW-TLPE.' }),
    label: labelField(t, 'Name of the department.', (row) => row.labels),
  }),
});

export const Service = builder.loadableNode('Service', {
  description:
    'An organisational unit: the 1718 first line, a business service (second line), an expert unit (third line), or an external authority used for orientation. Public reference data, coordinates included.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => context.referenceCache.servicesByIds(ids),
  sort: (row: ServiceRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. TLPE-ENERGY; the JWT subject of its service account.' }),
    label: labelField(t, 'Name of the service.', (row) => row.labels),
    line: t.expose('line', { type: LineEnum, description: 'The tier this service works at.' }),
    kind: t.expose('kind', { type: ServiceKindEnum, description: 'INTERNAL services take handoffs; EXTERNAL ones are redirect targets.' }),
    authorityLevel: t.expose('authorityLevel', { type: AuthorityLevelEnum, nullable: true, description: 'For external authorities: federal, local, …; null for internal services.' }),
    department: t.field({
      type: Department,
      nullable: true,
      description: 'The department of an internal service; null for external authorities.',
      resolve: (row) => row.departmentId,
    }),
    phone: t.exposeString('phone', { nullable: true, description: 'Public phone number, when published.' }),
    email: t.exposeString('email', { nullable: true, description: 'Public e-mail address, when published.' }),
    website: t.exposeString('website', { nullable: true, description: 'Public website, when published.' }),
    address: t.exposeString('address', { nullable: true, description: 'Postal address, when published.' }),
    openingHours: t.exposeString('openingHours', { nullable: true, description: 'Opening hours as published, free text.' }),
  }),
});

builder.queryFields((t) => ({
  services: t.field({
    type: [Service],
    description: `All services, ordered by code, optionally of one line or kind (reference data: at most ${REFERENCE_LIST_BOUNDS.services}). Public.`,
    ...listSize(REFERENCE_LIST_BOUNDS.services),
    authScopes: { public: true },
    args: {
      line: t.arg({ type: LineEnum, required: false, description: 'Only services of this line.' }),
      kind: t.arg({ type: ServiceKindEnum, required: false, description: 'Only internal or only external services.' }),
    },
    resolve: (_root, args, context): Promise<ServiceRow[]> =>
      listServices(context.db, { line: args.line ?? undefined, kind: args.kind ?? undefined }),
  }),
  service: t.field({
    type: Service,
    nullable: true,
    description: 'One service by code; null when no service has it. Public.',
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true, description: 'The service code, e.g. TLPE-ENERGY.' }) },
    resolve: (_root, args, context) => findServiceByCode(context.db, args.code),
  }),
}));
