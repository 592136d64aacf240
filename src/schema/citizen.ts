import { maskNationalNumber } from '../domain/national-number.js';
import {
  type CitizenRow,
  type ContactPointRow,
  contactPointsByCitizenIds,
  mayRevealNationalNumber,
  readableCitizensByIds,
  recordPersonalDataReads,
  searchCitizens,
} from '../services/citizens.js';
import { recordRepresentativeReadsOfCitizens } from '../services/mandates/acting.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { LanguageEnum } from './language.js';
import { batchLoader } from './loaders.js';
import { toConnection } from './pagination.js';
import { type ColumnsOfField } from './selection.js';

/** The columns of its row each field of Citizen reads (reads planned from the selection). */
export const COLUMNS_OF_CITIZEN_FIELD: ColumnsOfField<CitizenRow> = {
  __typename: [],
  id: [],
  givenName: ['givenName'],
  familyName: ['familyName'],
  preferredLanguage: ['preferredLanguage'],
  nationalNumber: ['nationalNumberEncrypted'],
  contactPoints: [],
  assistanceNeeds: ['assistanceNeeds'],
};

const CITIZEN_OR_STAFF = { $any: { citizen: true, staff: true } } as const;

const isThemself = (context: Context, row: CitizenRow) => context.viewer.kind === 'citizen' && context.viewer.citizenId === row.id;

/**
 * Logs that the viewer reads `field` of this citizen, batched with every other citizen of the
 * request; resolves once the log row is written, so that a failed log fails the read.
 */
function logPersonalDataRead(context: Context, citizenId: string, field: string): Promise<true> {
  return batchLoader(context, `accessLog:${field}`, async (citizenIds) => {
    await recordPersonalDataReads(context.db, context.viewer, context.requestId, citizenIds.map((id) => ({ citizenId: id, field })));
    return citizenIds.map(() => true as const);
  }).load(citizenId);
}

const ContactPointKindEnum = builder.enumType('ContactPointKind', {
  description: 'How a citizen is reached.',
  values: {
    EMAIL: { description: 'E-mail address.' },
    PHONE: { description: 'Phone number.' },
    POSTAL_ADDRESS: { description: 'Postal address.' },
  } as const,
});

const ContactPoint = builder.objectRef<ContactPointRow>('ContactPoint').implement({
  description: 'An address or number of a citizen. Personal data: every read by staff is logged.',
  authScopes: CITIZEN_OR_STAFF,
  fields: (t) => ({
    kind: t.expose('kind', { type: ContactPointKindEnum, description: 'E-mail, phone or postal address.' }),
    value: t.exposeString('value', { description: 'As the citizen gave it.' }),
    isPrimary: t.exposeBoolean('isPrimary', { description: 'The one to use first for its kind.' }),
  }),
});

export const Citizen = builder.loadableNode('Citizen', {
  description:
    'A person in contact with the administration. Readable by the citizen themself, by their representatives while a mandate is in force (each read is in the person’s access log), and by staff (agents: any citizen; service accounts: citizens of their cases); to anyone else a citizen id is unknown. Reads of personal data (national number, contact points) by staff are logged.',
  authScopes: CITIZEN_OR_STAFF,
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context) => {
    const rows = await readableCitizensByIds(context.db, context.viewer, ids, context.now);
    // A representative reads the people they represent: logged in their access log first.
    const { viewer } = context;
    if (viewer.kind === 'citizen') {
      await recordRepresentativeReadsOfCitizens(context.db, viewer.citizenId, rows.map((row) => row.id), context.requestId, context.now);
    }
    return rows;
  },
  sort: (row: CitizenRow) => row.id,
  fields: (t) => ({
    givenName: t.exposeString('givenName', { description: 'First name.' }),
    familyName: t.exposeString('familyName', { description: 'Family name.' }),
    preferredLanguage: t.expose('preferredLanguage', { type: LanguageEnum, description: 'Language of labels and letters.' }),
    nationalNumber: t.string({
      nullable: true,
      description:
        'National register number, masked (only the check digits shown) unless reveal is asked by a supervisor or an admin, or by the citizen themself (never by a representative). Null when not known. Every read by staff is logged.',
      args: { reveal: t.arg.boolean({ required: false, defaultValue: false, description: 'Show it in full (supervisors, admins, the citizen).' }) },
      authScopes: (row, args, context) =>
        !args.reveal || mayRevealNationalNumber(context.viewer) || isThemself(context, row) ? true : { supervisor: true },
      resolve: async (row, args, context) => {
        if (!row.nationalNumberEncrypted) return null;
        await logPersonalDataRead(context, row.id, args.reveal ? 'nationalNumber:revealed' : 'nationalNumber');
        const digits = context.vault.decrypt(row.nationalNumberEncrypted);
        return args.reveal ? digits : maskNationalNumber(digits);
      },
    }),
    contactPoints: t.field({
      type: [ContactPoint],
      authScopes: (row, _args, context) => (isThemself(context, row) ? true : { staff: true }),
      description: 'E-mail addresses, phone numbers and postal addresses, primary first: for the citizen themself and staff (not a representative). Every read by staff is logged.',
      resolve: async (row, _args, context) => {
        const [points] = await Promise.all([
          batchLoader(context, 'contactPoints', (citizenIds) => contactPointsByCitizenIds(context.db, citizenIds)).load(row.id),
          logPersonalDataRead(context, row.id, 'contactPoints'),
        ]);
        return points;
      },
    }),
    assistanceNeeds: t.stringList({ description: 'Needs to keep in mind (ELDERLY, REDUCED_MOBILITY, NO_INTERNET, …).', resolve: (row) => row.assistanceNeeds }),
  }),
});

const CitizenSearchInput = builder.inputType('CitizenSearch', {
  description: 'At least one criterion; all given ones must match.',
  fields: (t) => ({
    nationalNumber: t.string({ required: false, description: 'Exact national register number (checked mod 97).' }),
    email: t.string({ required: false, description: 'Exact e-mail address (case does not matter).' }),
    phone: t.string({ required: false, description: 'Exact phone number, in any usual writing.' }),
    name: t.string({ required: false, description: 'Beginnings of given or family names, e.g. "dup mar".' }),
  }),
});

builder.queryField('citizens', (t) =>
  t.connection(
    {
      type: Citizen,
      description: 'Finds citizens, ordered by family name, given name and id. Staff only.',
      authScopes: { staff: true },
      args: { search: t.arg({ type: CitizenSearchInput, required: true, description: 'What to look for.' }) },
      resolve: async (_root, args, context) =>
        toConnection(await searchCitizens(context.db, context.viewer, context.vault, args.search, args, context.limits.maxPageSize, context.now)),
    },
    { name: 'CitizenConnection', description: 'A page of citizens.', authScopes: { staff: true } },
    { name: 'CitizenEdge', description: 'A citizen and its cursor.', authScopes: { staff: true } },
  ),
);
