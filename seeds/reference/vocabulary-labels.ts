import type { FullLabels } from './types.js';

// Labels of statuses and channels follow the facts sheet §8 (BCSS/KSZ status list, SPW texts);
// the others are standard administrative wording.

export const vocabularyLabels: Record<string, Record<string, FullLabels>> = {
  CASE_STATUS: {
    NEW: { fr: 'Nouveau', de: 'Neu', nl: 'Nieuw', en: 'New' },
    IN_PROGRESS: { fr: 'En cours de traitement', de: 'In Bearbeitung', nl: 'In behandeling', en: 'In progress' },
    WAITING_FOR_CITIZEN: {
      fr: 'En attente d’informations supplémentaires',
      de: 'Warten auf zusätzliche Informationen',
      nl: 'Wachten op bijkomende informatie',
      en: 'Awaiting further information',
    },
    HANDED_OFF: {
      fr: 'Transmis au service compétent',
      de: 'An die zuständige Dienststelle weitergeleitet',
      nl: 'Doorgestuurd naar de bevoegde dienst',
      en: 'Forwarded to the competent service',
    },
    RESOLVED: { fr: 'Traité', de: 'Erledigt', nl: 'Afgehandeld', en: 'Resolved' },
    CLOSED: { fr: 'Clôturé', de: 'Abgeschlossen', nl: 'Afgesloten', en: 'Closed' },
    CANCELLED: { fr: 'Annulé', de: 'Storniert', nl: 'Geannuleerd', en: 'Cancelled' },
  },
  CHANNEL: {
    PHONE: { fr: 'Téléphone (1718 / 1719)', de: 'Telefon', nl: 'Telefoon', en: 'Phone' },
    EMAIL: { fr: 'Courriel', de: 'E-Mail', nl: 'E-mail', en: 'E-mail' },
    CHAT: { fr: 'Chat', de: 'Chat', nl: 'Chat', en: 'Chat' },
    COUNTER: { fr: 'Guichet (Espace Wallonie)', de: 'Schalter', nl: 'Loket', en: 'Counter' },
    ONLINE_PROCEDURE: { fr: 'Formulaire en ligne', de: 'Online-Formular', nl: 'Onlineformulier', en: 'Online form' },
    LETTER: { fr: 'Courrier', de: 'Post', nl: 'Brief', en: 'Post' },
  },
  RESOLUTION: {
    ANSWERED: { fr: 'Réponse donnée', de: 'Beantwortet', nl: 'Beantwoord', en: 'Answered' },
    ORIENTED_TO_SERVICE: { fr: 'Orienté vers le service compétent', de: 'An die zuständige Stelle verwiesen', nl: 'Doorverwezen naar de bevoegde dienst', en: 'Referred to the competent service' },
    PROCEDURE_STARTED: { fr: 'Démarche introduite', de: 'Verfahren eingeleitet', nl: 'Procedure opgestart', en: 'Procedure started' },
    ORDER_REGISTERED: { fr: 'Commande enregistrée', de: 'Bestellung aufgenommen', nl: 'Bestelling geregistreerd', en: 'Order registered' },
    APPOINTMENT_BOOKED: { fr: 'Rendez-vous fixé', de: 'Termin vereinbart', nl: 'Afspraak gemaakt', en: 'Appointment booked' },
    HANDLED_BY_BACK_OFFICE: { fr: 'Traité par le service métier', de: 'Von der Fachabteilung bearbeitet', nl: 'Behandeld door de vakdienst', en: 'Handled by the business service' },
  },
  CASE_EVENT_TYPE: {
    CASE_CREATED: { fr: 'Dossier ouvert', de: 'Akte eröffnet', nl: 'Dossier geopend', en: 'Case opened' },
    CASE_UPDATED: { fr: 'Dossier mis à jour', de: 'Akte aktualisiert', nl: 'Dossier bijgewerkt', en: 'Case updated' },
    STATUS_CHANGED: { fr: 'Changement de statut', de: 'Statusänderung', nl: 'Statuswijziging', en: 'Status changed' },
    INTERACTION_ADDED: { fr: 'Contact enregistré', de: 'Kontakt erfasst', nl: 'Contact geregistreerd', en: 'Contact recorded' },
    HANDOFF_REQUESTED: { fr: 'Transmission demandée', de: 'Weiterleitung beantragt', nl: 'Doorsturing gevraagd', en: 'Handoff requested' },
    HANDOFF_ACCEPTED: { fr: 'Transmission acceptée', de: 'Weiterleitung angenommen', nl: 'Doorsturing aanvaard', en: 'Handoff accepted' },
    HANDOFF_REJECTED: { fr: 'Transmission refusée', de: 'Weiterleitung abgelehnt', nl: 'Doorsturing geweigerd', en: 'Handoff rejected' },
    HANDOFF_COMPLETED: { fr: 'Réponse du service', de: 'Antwort der Dienststelle', nl: 'Antwoord van de dienst', en: 'Service answered' },
    HANDOFF_CANCELLED: { fr: 'Transmission annulée', de: 'Weiterleitung storniert', nl: 'Doorsturing geannuleerd', en: 'Handoff cancelled' },
    CASE_ASSIGNED: { fr: 'Dossier attribué', de: 'Akte zugewiesen', nl: 'Dossier toegewezen', en: 'Case assigned' },
    NOTE_ADDED: { fr: 'Note interne', de: 'Interne Notiz', nl: 'Interne nota', en: 'Internal note' },
    PROCEDURE_STEP_CHANGED: { fr: 'Étape suivante de la démarche', de: 'Nächster Verfahrensschritt', nl: 'Volgende stap van de procedure', en: 'Next step of the procedure' },
    MESSAGE_SENT: { fr: 'Message', de: 'Nachricht', nl: 'Bericht', en: 'Message' },
    PUBLICATION_ORDERED: { fr: 'Publication commandée', de: 'Veröffentlichung bestellt', nl: 'Publicatie besteld', en: 'Publication ordered' },
    APPOINTMENT_BOOKED: { fr: 'Rendez-vous fixé', de: 'Termin vereinbart', nl: 'Afspraak gemaakt', en: 'Appointment booked' },
    APPOINTMENT_RESCHEDULED: { fr: 'Rendez-vous déplacé', de: 'Termin verschoben', nl: 'Afspraak verplaatst', en: 'Appointment moved' },
    APPOINTMENT_CANCELLED: { fr: 'Rendez-vous annulé', de: 'Termin abgesagt', nl: 'Afspraak geannuleerd', en: 'Appointment cancelled' },
    APPOINTMENT_CHECKED_IN: { fr: 'Arrivée au guichet', de: 'Am Schalter angekommen', nl: 'Aangemeld aan het loket', en: 'Checked in at the counter' },
    APPOINTMENT_DONE: { fr: 'Rendez-vous terminé', de: 'Termin abgeschlossen', nl: 'Afspraak afgerond', en: 'Appointment done' },
    APPOINTMENT_NO_SHOW: { fr: 'Absence au rendez-vous', de: 'Termin nicht wahrgenommen', nl: 'Niet op de afspraak verschenen', en: 'Missed appointment' },
  },
  APPOINTMENT_STATUS: {
    BOOKED: { fr: 'Réservé', de: 'Gebucht', nl: 'Geboekt', en: 'Booked' },
    CHECKED_IN: { fr: 'Arrivé', de: 'Angemeldet', nl: 'Aangemeld', en: 'Checked in' },
    DONE: { fr: 'Terminé', de: 'Abgeschlossen', nl: 'Afgerond', en: 'Done' },
    CANCELLED: { fr: 'Annulé', de: 'Abgesagt', nl: 'Geannuleerd', en: 'Cancelled' },
    NO_SHOW: { fr: 'Absent', de: 'Nicht erschienen', nl: 'Niet verschenen', en: 'No-show' },
  },
  STEP_STATE: {
    DONE: { fr: 'Terminé', de: 'Erledigt', nl: 'Voltooid', en: 'Done' },
    CURRENT: { fr: 'En cours', de: 'In Bearbeitung', nl: 'Lopend', en: 'Current' },
    PENDING: { fr: 'À venir', de: 'Ausstehend', nl: 'Nog te gebeuren', en: 'Pending' },
  },
};
