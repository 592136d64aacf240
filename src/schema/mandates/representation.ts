import { mandatesByIds } from '../../services/mandates/reads.js';
import type { MandateRow } from '../../services/mandates/reads.js';
import { builder } from '../builder.js';
import { CaseEvent } from '../case-event.js';
import type { Context } from '../context.js';
import { rowsByIdLoader } from '../loaders.js';
import { Message } from '../portal.js';
import { citizenName, Mandate } from './mandate.js';

// What a representative did for someone shows on the case, for the represented citizen and for
// staff alike: "sent by Jean Dupont for Marie Dupont" (issue 21).

const Representation = builder.objectRef<MandateRow>('Representation').implement({
  description: 'A change or a message made by a representative, for the case’s citizen, under a mandate.',
  authScopes: { $any: { staff: true, citizen: true } },
  fields: (t) => ({
    representativeName: t.string({ description: 'Who acted: given and family name.', resolve: (mandate, _args, context) => mandate.representativeName ?? citizenName(context, mandate.representativeCitizenId!) }),
    representedName: t.string({ description: 'For whom: given and family name.', resolve: (mandate, _args, context) => citizenName(context, mandate.representedCitizenId) }),
    summary: t.string({
      description: 'Both, in a line, e.g. "Jean Dupont for Marie Dupont".',
      resolve: async (mandate, _args, context) =>
        `${mandate.representativeName ?? (await citizenName(context, mandate.representativeCitizenId!))} for ${await citizenName(context, mandate.representedCitizenId)}`,
    }),
    mandate: t.field({ type: Mandate, nullable: true, description: 'The mandate, when you may read it (its two persons and agents); null otherwise.', resolve: (mandate) => mandate.id }),
  }),
});

/** The mandate of each id, read whatever the viewer: what is shown of it is what the event or message it is on already shows. */
function mandateOf(context: Context, mandateId: string | null): Promise<MandateRow | null> | null {
  return mandateId === null ? null : rowsByIdLoader(context, 'representations', (ids) => mandatesByIds(context.db, ids)).load(mandateId);
}

const REPRESENTATION_DESCRIPTION = 'When a representative did this for the case’s citizen: who, for whom, under which mandate; null otherwise.';

builder.objectFields(CaseEvent, (t) => ({
  representation: t.field({ type: Representation, nullable: true, description: REPRESENTATION_DESCRIPTION, resolve: (event, _args, context) => mandateOf(context, event.mandateId) }),
}));

builder.objectFields(Message, (t) => ({
  representation: t.field({ type: Representation, nullable: true, description: REPRESENTATION_DESCRIPTION, resolve: (message, _args, context) => mandateOf(context, message.mandateId) }),
}));
