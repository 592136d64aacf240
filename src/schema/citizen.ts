import { maskNationalNumber } from '../domain/national-number.js';
import { type CitizenRow, readableCitizensByIds } from '../services/citizens.js';
import { builder } from './builder.js';
import { LanguageEnum } from './language.js';

export const Citizen = builder.loadableNode('Citizen', {
  description: 'A person in contact with the administration. Personal data: a citizen reads only their own record; any other id is unknown.',
  authScopes: { citizen: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => readableCitizensByIds(context.db, context.viewer, ids),
  sort: (row: CitizenRow) => row.id,
  fields: (t) => ({
    givenName: t.exposeString('givenName', { description: 'First name.' }),
    familyName: t.exposeString('familyName', { description: 'Family name.' }),
    preferredLanguage: t.expose('preferredLanguage', { type: LanguageEnum, description: 'Language of labels and letters.' }),
    nationalNumberMasked: t.string({
      nullable: true,
      description: 'National register number with all but the check digits hidden; null when not known.',
      resolve: (row, _args, context) =>
        row.nationalNumberEncrypted ? maskNationalNumber(context.vault.decrypt(row.nationalNumberEncrypted)) : null,
    }),
  }),
});
