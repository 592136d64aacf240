import { ConflictError, InvalidTransitionError, NotFoundError, SlotUnavailableError, ValidationError } from '../../domain/errors.js';
import type { Channel } from '../../domain/vocabulary.js';
import { type AppointmentResult, bookAppointment, rescheduleAppointment } from '../../services/appointments/booking.js';
import { cancelAppointment, checkInAppointment, completeAppointment, markAppointmentNoShow } from '../../services/appointments/visits.js';
import { builder } from '../builder.js';
import { Case } from '../case.js';
import { Citizen } from '../citizen.js';
import { ChannelEnum } from '../enums.js';
import { Appointment } from './appointment.js';
import { BookableResource } from './resource.js';

const STAFF = { staff: true } as const;
const STAFF_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;
const ERRORS = { types: [ValidationError, NotFoundError, SlotUnavailableError, InvalidTransitionError, ConflictError], directResult: true as const };

const AppointmentPayload = (name: string, description: string, authScopes: typeof STAFF | typeof STAFF_OR_CITIZEN) =>
  builder.objectRef<AppointmentResult>(name).implement({
    description,
    authScopes,
    fields: (t) => ({
      appointment: t.field({ type: Appointment, description: 'The appointment after the change.', resolve: (result) => result.appointment }),
      case: t.field({ type: Case, nullable: true, description: 'Its case after the change; null when you may not read it (an appointment at your resource on a case of another service).', resolve: (result) => result.case.id }),
    }),
  });

const BookAppointmentInput = builder.inputType('BookAppointmentInput', {
  description: 'A free slot to book (see availableSlots), for whom and on which case.',
  fields: (t) => ({
    resourceId: t.globalID({ required: true, for: BookableResource, description: 'The global id of the counter or permanence.' }),
    start: t.field({ type: 'DateTime', required: true, description: 'The slot’s start, exactly as availableSlots gave it.' }),
    themeCode: t.string({ required: true, description: 'What it is about (a theme the resource receives citizens for); sets its length.' }),
    caseId: t.globalID({ required: false, for: Case, description: 'The global id of the case it belongs to; a new case is opened at the resource’s service when omitted.' }),
    citizenId: t.globalID({
      required: false,
      for: Citizen,
      description: 'The global id of the citizen it is for (staff: when the case has no citizen or no case is given). A citizen books for themself (omit it), or for someone they represent: give their id, or a case of theirs; it takes a mandate in force with ACT reaching the case or the theme.',
    }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'How the booking came in: PHONE for the 1718, ONLINE_PROCEDURE for the portal (a citizen’s only choice), COUNTER at a desk.' }),
    note: t.string({ required: false, description: 'What to bring or what it is about, up to 1,000 characters; the citizen sees it.' }),
  }),
});

builder.mutationField('bookAppointment', (t) =>
  t.field({
    type: AppointmentPayload('BookAppointmentSuccess', 'The appointment is booked; an APPOINTMENT_BOOKED event is on its case.', STAFF_OR_CITIZEN),
    description:
      'Books a free slot: a citizen for themself on the portal, a first-line agent for a caller, the resource’s service at its own resource. Never double-booked: of two requests for the last desk, exactly one wins and the other gets SlotUnavailableError with the nearest free slots.',
    authScopes: STAFF_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: BookAppointmentInput, required: true, description: 'The slot and for whom.' }) },
    resolve: (_root, { input }, context) =>
      bookAppointment(
        context.db,
        context.viewer,
        context.vault,
        {
          resourceId: input.resourceId.id,
          start: input.start,
          themeCode: input.themeCode,
          caseId: input.caseId?.id,
          citizenId: input.citizenId?.id,
          channel: input.channel as Channel,
          note: input.note,
        },
        context.now,
      ),
  }),
);

const RescheduleAppointmentInput = builder.inputType('RescheduleAppointmentInput', {
  description: 'A booked appointment and the free slot to move it to.',
  fields: (t) => ({
    appointmentId: t.globalID({ required: true, for: Appointment, description: 'The global id of a BOOKED appointment.' }),
    start: t.field({ type: 'DateTime', required: true, description: 'The new slot’s start, as availableSlots gave it.' }),
    resourceId: t.globalID({ required: false, for: BookableResource, description: 'The global id of another resource receiving citizens for the same theme; the same resource when omitted.' }),
  }),
});

builder.mutationField('rescheduleAppointment', (t) =>
  t.field({
    type: AppointmentPayload('RescheduleAppointmentSuccess', 'The appointment moved; an APPOINTMENT_RESCHEDULED event is on its case.', STAFF_OR_CITIZEN),
    description:
      'Moves a booked appointment at once: the old slot is freed only if the new one is taken (SlotUnavailableError otherwise, and the appointment stays where it was). The citizen (their own), the first line or the resource’s service.',
    authScopes: STAFF_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: RescheduleAppointmentInput, required: true, description: 'The appointment and its new slot.' }) },
    resolve: (_root, { input }, context) =>
      rescheduleAppointment(context.db, context.viewer, { appointmentId: input.appointmentId.id, start: input.start, resourceId: input.resourceId?.id }, context.now),
  }),
);

const CancelAppointmentInput = builder.inputType('CancelAppointmentInput', {
  description: 'A booked appointment to cancel, and why.',
  fields: (t) => ({
    appointmentId: t.globalID({ required: true, for: Appointment, description: 'The global id of a BOOKED appointment.' }),
    reason: t.string({ required: true, description: 'Why, 1 to 1,000 characters; the citizen sees it.' }),
  }),
});

builder.mutationField('cancelAppointment', (t) =>
  t.field({
    type: AppointmentPayload('CancelAppointmentSuccess', 'The appointment is cancelled and its desk free; an APPOINTMENT_CANCELLED event is on its case.', STAFF_OR_CITIZEN),
    description: 'Cancels a booked appointment: the citizen (their own), the first line or the resource’s service.',
    authScopes: STAFF_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: CancelAppointmentInput, required: true, description: 'The appointment and the reason.' }) },
    resolve: (_root, { input }, context) => cancelAppointment(context.db, context.viewer, { appointmentId: input.appointmentId.id, reason: input.reason }, context.now),
  }),
);

const CheckInAppointmentInput = builder.inputType('CheckInAppointmentInput', {
  description: 'The citizen arrived for a booked appointment.',
  fields: (t) => ({
    appointmentId: t.globalID({ required: true, for: Appointment, description: 'The global id of a BOOKED appointment.' }),
    ticket: t.string({ required: false, description: 'The queue ticket handed out, up to 20 characters.' }),
  }),
});

builder.mutationField('checkInAppointment', (t) =>
  t.field({
    type: AppointmentPayload('CheckInAppointmentSuccess', 'The citizen is checked in; a counter visit is on the case, linked to the appointment.', STAFF),
    description: 'Checks the citizen in, from two hours before the start: records a CounterVisit interaction on the case (appointment.visit). Staff of the first line or the resource’s service.',
    authScopes: STAFF,
    errors: ERRORS,
    args: { input: t.arg({ type: CheckInAppointmentInput, required: true, description: 'The appointment and the ticket.' }) },
    resolve: (_root, { input }, context) => checkInAppointment(context.db, context.viewer, { appointmentId: input.appointmentId.id, ticket: input.ticket }, context.now),
  }),
);

const AppointmentIdInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ appointmentId: t.globalID({ required: true, for: Appointment, description: 'The global id of the appointment.' }) }),
  });

builder.mutationField('completeAppointment', (t) =>
  t.field({
    type: AppointmentPayload('CompleteAppointmentSuccess', 'The appointment is DONE.', STAFF),
    description: 'Marks a checked-in appointment as over. Staff of the first line or the resource’s service.',
    authScopes: STAFF,
    errors: ERRORS,
    args: { input: t.arg({ type: AppointmentIdInput('CompleteAppointmentInput', 'A checked-in appointment that is over.'), required: true, description: 'The appointment.' }) },
    resolve: (_root, { input }, context) => completeAppointment(context.db, context.viewer, { appointmentId: input.appointmentId.id }, context.now),
  }),
);

builder.mutationField('markAppointmentNoShow', (t) =>
  t.field({
    type: AppointmentPayload('MarkAppointmentNoShowSuccess', 'The appointment is a NO_SHOW.', STAFF),
    description:
      'Marks a booked appointment nobody came to, once it has started. Staff of the first line or the resource’s service. Guichet does it by itself an hour after the end.',
    authScopes: STAFF,
    errors: ERRORS,
    args: { input: t.arg({ type: AppointmentIdInput('MarkAppointmentNoShowInput', 'A booked appointment nobody came to.'), required: true, description: 'The appointment.' }) },
    resolve: (_root, { input }, context) => markAppointmentNoShow(context.db, context.viewer, { appointmentId: input.appointmentId.id }, context.now),
  }),
);
