import { type CaseEventRow } from '../services/case-events.js';
import { decodeFeedCursor, encodeFeedCursor } from '../services/event-feed.js';
import { recordRepresentativeReads } from '../services/mandates/acting.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { Case } from './case.js';
import { CaseEvent, CaseEventTypeEnum } from './case-event.js';
import { Service } from './service.js';

// Back-offices follow cases live over graphql-ws. The feed replays every event after the
// given cursor, then continues live, each event once and in order (services/event-feed.ts).

/** An async iterable whose early end (the client unsubscribed) also stops the wait for wake-ups. */
function cancellable<T>(start: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const controller = new AbortController();
      const iterator = start(controller.signal);
      return {
        next: () => iterator.next(),
        return: async () => {
          controller.abort();
          return iterator.return(undefined);
        },
      };
    },
  };
}

/**
 * An event of someone else's case reaching a citizen (their representative) is a read of that
 * case: logged in the represented citizen's access log before it is sent, like any other read.
 * The statement writes nothing for a citizen's own cases.
 */
async function logged(event: CaseEventRow, context: Context): Promise<CaseEventRow> {
  if (context.viewer.kind === 'citizen') await recordRepresentativeReads(context.db, context.viewer.citizenId, [event.caseId], context.requestId, context.now);
  return event;
}

builder.objectFields(CaseEvent, (t) => ({
  feedCursor: t.string({
    description: 'Position of the event in the feed of caseEvents: pass it as `after` to resume right after this event.',
    resolve: (event) => encodeFeedCursor(event),
  }),
  case: t.field({ type: Case, description: 'The case it happened on, as it is now (read when asked); `state` is the case as of the event.', resolve: (event) => event.caseId }),
}));

const CaseEventFilterInput = builder.inputType('CaseEventFilter', {
  description: 'Which events to receive; all given criteria must match.',
  fields: (t) => ({
    caseId: t.globalID({ required: false, for: Case, description: 'The global id of a case: its events.' }),
    serviceId: t.globalID({ required: false, for: Service, description: 'The global id of a service: the events of its cases and of those handed to it.' }),
    themeCodes: t.stringList({ required: false, description: 'Events of cases on these themes or their sub-themes.' }),
    types: t.field({ type: [CaseEventTypeEnum], required: false, description: 'Only these types.' }),
  }),
});

builder.subscriptionType({ description: 'Live streams over graphql-ws on /graphql, with the same token as HTTP in connection_init.' });

builder.subscriptionFields((t) => ({
  caseEvents: t.field({
    type: CaseEvent,
    description:
      'Every event you may see (staff: of cases you may read; citizens: the CITIZEN-visible events of their cases and of the cases their mandates in force reach, each such event logged in the represented person’s access log) after `after`, then live, in feed order, each once. Without `after` the stream starts now.',
    authScopes: { $any: { staff: true, citizen: true } },
    args: {
      filter: t.arg({ type: CaseEventFilterInput, required: false, description: 'Which events.' }),
      after: t.arg.string({ required: false, description: 'A feedCursor: replay every later event first.' }),
    },
    subscribe: (_root, args, context) => {
      const after = args.after ? decodeFeedCursor(args.after) : undefined;
      const filter = {
        caseId: args.filter?.caseId?.id,
        serviceId: args.filter?.serviceId?.id,
        themeCodes: args.filter?.themeCodes ?? undefined,
        types: args.filter?.types ?? undefined,
      };
      return cancellable((signal) => context.caseEvents.stream(context.viewer, filter, after, signal));
    },
    resolve: (event: CaseEventRow, _args, context) => logged(event, context),
  }),
  caseUpdated: t.field({
    type: CaseEvent,
    description: 'The events of one case from now on, live.',
    authScopes: { $any: { staff: true, citizen: true } },
    args: { id: t.arg.globalID({ required: true, for: Case, description: 'The global id of the case.' }) },
    subscribe: (_root, args, context) =>
      cancellable((signal) => context.caseEvents.stream(context.viewer, { caseId: args.id.id }, undefined, signal)),
    resolve: (event: CaseEventRow, _args, context) => logged(event, context),
  }),
}));
