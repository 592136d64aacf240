import { globalId } from '../../domain/ids.js';
import type { AppointmentRow } from './reads.js';

/** What every appointment event says of the appointment: a reminder sender or a back office needs no other read. */
export function appointmentPayload(appointment: AppointmentRow, resourceCode: string) {
  return { appointmentId: globalId('Appointment', appointment.id), resource: resourceCode, start: appointment.startsAt.toISOString(), end: appointment.endsAt.toISOString() };
}
