// Documents the procedures of procedures.ts ask for, as a Walloon administration lists them on
// its forms. Each list sits on the procedure's first step: that is where the file is put
// together, and the citizen sees the checklist of the current step from the start.
// A requirement blocks the case at its step, so only documents every applicant must give are
// listed; documents asked only in some cases (a disability certificate, a first permit's exam
// certificate) are left out until requirements can be conditional.
// Dates and delays in labels come from the reference fact sheet (§4); no amount is named.
import type { DocumentKind } from '../../src/domain/vocabulary.js';
import type { DocumentRequirementSeed, RequiredDocumentSeed } from './types.js';

type Labels4 = [fr: string, de: string, nl: string, en: string];

function required(code: string, kind: DocumentKind, [fr, de, nl, en]: Labels4): RequiredDocumentSeed {
  return { code, kind, labels: { fr, de, nl, en } };
}

// ── Documents several procedures ask for ───────────────────────────────────────────────────

const IDENTITY_CARD = required('IDENTITY_CARD', 'PROOF_OF_IDENTITY', [
  "Copie recto verso de la carte d'identité du demandeur",
  'Kopie der Vorder- und Rückseite des Personalausweises des Antragstellers',
  'Kopie van de voor- en achterkant van de identiteitskaart van de aanvrager',
  "Copy of both sides of the applicant's identity card",
]);

const PROPERTY_TITLE = required('PROPERTY_TITLE', 'PROOF_OF_OWNERSHIP', [
  'Preuve de propriété du logement : acte notarié ou extrait de matrice cadastrale',
  'Eigentumsnachweis für die Wohnung: notarielle Urkunde oder Katasterauszug',
  'Eigendomsbewijs van de woning: notariële akte of uittreksel uit de kadastrale legger',
  'Proof of ownership of the dwelling: notarial deed or cadastral extract',
]);

const CADASTRAL_EXTRACT = required('CADASTRAL_EXTRACT', 'PROOF_OF_OWNERSHIP', [
  'Extrait de matrice cadastrale des parcelles concernées',
  'Katasterauszug der betroffenen Parzellen',
  'Uittreksel uit de kadastrale legger van de betrokken percelen',
  'Cadastral extract for the plots concerned',
]);

// Housing premiums and allowances depend on the household's income category.
const INCOME_TAX_NOTICE = required('INCOME_TAX_NOTICE', 'CERTIFICATE', [
  "Avertissement-extrait de rôle de l'impôt des personnes physiques le plus récent du ménage",
  'Letzter Einkommensteuerbescheid des Haushalts',
  'Meest recente aanslagbiljet in de personenbelasting van het gezin',
  "The household's latest income tax notice (avertissement-extrait de rôle)",
]);

const HOUSEHOLD_COMPOSITION = required('HOUSEHOLD_COMPOSITION', 'CERTIFICATE', [
  'Certificat de composition de ménage délivré par la commune',
  'Bescheinigung über die Haushaltszusammensetzung, ausgestellt von der Gemeinde',
  'Attest van gezinssamenstelling, afgegeven door de gemeente',
  'Household composition certificate issued by the municipality',
]);

const AUDIT_REPORT = required('AUDIT_REPORT', 'CERTIFICATE', [
  "Rapport d'audit logement établi par un auditeur agréé",
  'Wohnungsauditbericht eines zugelassenen Auditors',
  'Woningauditverslag van een erkende auditeur',
  'Housing audit report by an approved auditor',
]);

const WORKS_INVOICES = required('WORKS_INVOICES', 'INVOICE', [
  'Factures détaillées des travaux, au nom du demandeur',
  'Detaillierte Rechnungen der Arbeiten auf den Namen des Antragstellers',
  'Gedetailleerde facturen van de werken op naam van de aanvrager',
  "Itemised invoices for the works, in the applicant's name",
]);

const PROJECT_PLANS = required('PROJECT_PLANS', 'OTHER', [
  'Plans du projet (situation, implantation, élévations et coupes)',
  'Projektpläne (Lageplan, Bauplatzplan, Ansichten und Schnitte)',
  'Plannen van het project (ligging, inplanting, gevels en doorsneden)',
  'Project drawings (location, site layout, elevations and sections)',
]);

const INSTALLATIONS_PLAN = required('INSTALLATIONS_PLAN', 'OTHER', [
  'Plan de situation et plan des installations et activités',
  'Lageplan und Plan der Anlagen und Tätigkeiten',
  'Liggingsplan en plan van de installaties en activiteiten',
  'Location plan and plan of the installations and activities',
]);

const SITE_PHOTOS = required('SITE_PHOTOS', 'PHOTO', [
  'Photos du terrain et de ses abords',
  'Fotos des Grundstücks und seiner Umgebung',
  "Foto's van het terrein en de omgeving",
  'Photos of the site and its surroundings',
]);

const ENVIRONMENTAL_IMPACT_NOTICE = required('ENVIRONMENTAL_IMPACT_NOTICE', 'OTHER', [
  "Notice d'évaluation des incidences sur l'environnement (ou étude d'incidences)",
  'Bewertungsnotiz über die Auswirkungen auf die Umwelt (oder Umweltverträglichkeitsstudie)',
  'Nota ter beoordeling van de milieueffecten (of milieueffectenrapport)',
  'Environmental impact notice (or full impact study)',
]);

const VEHICLE_REGISTRATION_CERTIFICATE = required('VEHICLE_REGISTRATION_CERTIFICATE', 'CERTIFICATE', [
  "Certificat d'immatriculation du véhicule",
  'Zulassungsbescheinigung des Fahrzeugs',
  'Inschrijvingsbewijs van het voertuig',
  'Vehicle registration certificate',
]);

// ── Prime Habitation works premiums (the fact sheet: an audit is required for most of them) ──

/** A works premium's file: invoices, the audit or other evidence of the works, and the ownership. */
function worksPremium(procedureCode: string, evidence: RequiredDocumentSeed[]): DocumentRequirementSeed {
  return { procedureCode, stepCode: 'SUBMITTED', documents: [WORKS_INVOICES, ...evidence, PROPERTY_TITLE] };
}

const INSULATION_CERTIFICATE = required('CONTRACTOR_CERTIFICATE', 'CERTIFICATE', [
  "Attestation de l'entrepreneur indiquant la surface isolée et l'isolant posé",
  'Bescheinigung des Unternehmers über die gedämmte Fläche und den eingebauten Dämmstoff',
  'Attest van de aannemer met de geïsoleerde oppervlakte en het geplaatste isolatiemateriaal',
  "Contractor's certificate stating the insulated area and the insulation fitted",
]);

const GLAZING_TECHNICAL_SHEETS = required('GLAZING_TECHNICAL_SHEETS', 'OTHER', [
  'Fiches techniques des châssis et vitrages posés',
  'Technische Datenblätter der eingebauten Rahmen und Verglasungen',
  'Technische fiches van het geplaatste schrijnwerk en de beglazing',
  'Technical data sheets of the frames and glazing fitted',
]);

const HEATING_INSTALLER_CERTIFICATE = required('INSTALLER_CERTIFICATE', 'CERTIFICATE', [
  "Attestation de l'installateur précisant l'appareil posé (chauffage ou eau chaude sanitaire)",
  'Bescheinigung des Installateurs über das eingebaute Gerät (Heizung oder Warmwasserbereitung)',
  'Attest van de installateur met het geplaatste toestel (verwarming of sanitair warm water)',
  "Installer's certificate naming the appliance fitted (heating or domestic hot water)",
]);

const VENTILATION_INSTALLER_CERTIFICATE = required('INSTALLER_CERTIFICATE', 'CERTIFICATE', [
  "Attestation de l'installateur décrivant le système de ventilation posé",
  'Bescheinigung des Installateurs über die eingebaute Lüftungsanlage',
  'Attest van de installateur met een beschrijving van het geplaatste ventilatiesysteem',
  "Installer's certificate describing the ventilation system fitted",
]);

const ELECTRICAL_INSPECTION_REPORT = required('ELECTRICAL_INSPECTION_REPORT', 'CERTIFICATE', [
  "Procès-verbal de contrôle de l'installation électrique par un organisme agréé",
  'Prüfbericht der Elektroinstallation durch eine zugelassene Kontrollstelle',
  'Keuringsverslag van de elektrische installatie door een erkend organisme',
  'Inspection report on the electrical installation by an approved body',
]);

const PHOTOS_BEFORE_WORKS = required('PHOTOS_BEFORE_WORKS', 'PHOTO', [
  'Photos des défauts du logement avant les travaux',
  'Fotos der Mängel der Wohnung vor den Arbeiten',
  "Foto's van de gebreken van de woning vóór de werken",
  "Photos of the dwelling's defects before the works",
]);

export const documentRequirements: DocumentRequirementSeed[] = [
  // ── Housing and energy premiums (SPW TLPE) ───────────────────────────────────────────────
  // The premium's amount depends on the income category, asked from the audit on.
  {
    procedureCode: 'PRIME-HABITATION-AUDIT',
    stepCode: 'AUDIT_VISIT',
    documents: [IDENTITY_CARD, PROPERTY_TITLE, INCOME_TAX_NOTICE],
  },
  worksPremium('PRIME-HABITATION-ISOLATION', [AUDIT_REPORT, INSULATION_CERTIFICATE]),
  worksPremium('PRIME-HABITATION-MENUISERIES', [AUDIT_REPORT, GLAZING_TECHNICAL_SHEETS]),
  worksPremium('PRIME-HABITATION-CHAUFFAGE-ECS', [AUDIT_REPORT, HEATING_INSTALLER_CERTIFICATE]),
  worksPremium('PRIME-HABITATION-VENTILATION', [AUDIT_REPORT, VENTILATION_INSTALLER_CERTIFICATE]),
  // Which works premiums need no audit is not in the fact sheet: electrical and health-and-
  // safety works are the ones evidenced otherwise here (an inspection report; photos before the
  // site visit), with the income category the premium depends on.
  worksPremium('PRIME-HABITATION-ELECTRICITE', [ELECTRICAL_INSPECTION_REPORT, INCOME_TAX_NOTICE]),
  worksPremium('PRIME-HABITATION-SALUBRITE', [PHOTOS_BEFORE_WORKS, INCOME_TAX_NOTICE]),
  {
    procedureCode: 'PRIME-TOITURE-2022',
    stepCode: 'SUBMITTED',
    documents: [
      required('ROOF_WORKS_INVOICES', 'INVOICE', [
        'Factures des travaux de toiture, postérieures au 1er novembre 2022',
        'Rechnungen der Dacharbeiten mit Datum nach dem 1. November 2022',
        'Facturen van de dakwerken, gedateerd na 1 november 2022',
        'Invoices for the roof works, dated after 1 November 2022',
      ]),
      required('ROOF_PHOTOS', 'PHOTO', [
        'Photos de la toiture avant et après les travaux',
        'Fotos des Daches vor und nach den Arbeiten',
        "Foto's van het dak vóór en na de werken",
        'Photos of the roof before and after the works',
      ]),
      PROPERTY_TITLE,
    ],
  },
  {
    procedureCode: 'PRIMES-CHAUFFAGE',
    stepCode: 'SUBMITTED',
    documents: [WORKS_INVOICES, HEATING_INSTALLER_CERTIFICATE, PROPERTY_TITLE],
  },
  // Public bodies and non-profits apply before the works, so the file holds their plans, not invoices.
  {
    procedureCode: 'SUBSIDES-UREBA',
    stepCode: 'SUBMITTED',
    documents: [
      required('ENERGY_AUDIT', 'CERTIFICATE', [
        'Audit énergétique ou étude préalable du bâtiment',
        'Energieaudit oder Vorstudie des Gebäudes',
        'Energieaudit of voorafgaande studie van het gebouw',
        'Energy audit or preliminary study of the building',
      ]),
      required('GOVERNING_BODY_DECISION', 'OTHER', [
        "Délibération de l'organe compétent (conseil communal, conseil d'administration) approuvant le projet",
        'Beschluss des zuständigen Organs (Gemeinderat, Verwaltungsrat) zur Genehmigung des Projekts',
        'Beslissing van het bevoegde orgaan (gemeenteraad, raad van bestuur) tot goedkeuring van het project',
        'Resolution of the competent body (municipal council, board of directors) approving the project',
      ]),
      required('WORKS_ESTIMATE', 'OTHER', [
        'Cahier des charges et estimation détaillée du coût des travaux',
        'Lastenheft und detaillierte Kostenschätzung der Arbeiten',
        'Bestek en gedetailleerde raming van de kosten van de werken',
        'Specifications and detailed cost estimate of the works',
      ]),
    ],
  },
  {
    procedureCode: 'ALLOCATION-LOYER',
    stepCode: 'SUBMITTED',
    documents: [
      required('LEASE', 'OTHER', [
        'Copie du bail enregistré du logement loué',
        'Kopie des registrierten Mietvertrags der gemieteten Wohnung',
        'Kopie van de geregistreerde huurovereenkomst van de gehuurde woning',
        'Copy of the registered lease of the rented dwelling',
      ]),
      INCOME_TAX_NOTICE,
      HOUSEHOLD_COMPOSITION,
    ],
  },
  {
    procedureCode: 'ALLOCATION-INSTALLATION',
    stepCode: 'SUBMITTED',
    documents: [
      required('RESIDENCE_HISTORY', 'CERTIFICATE', [
        "Certificat de résidence avec historique des adresses, attestant la domiciliation dans l'équipement touristique",
        'Wohnsitzbescheinigung mit Adressverlauf, die den Wohnsitz in der touristischen Einrichtung belegt',
        'Verblijfsattest met adreshistoriek dat de domiciliëring in het toeristisch verblijf aantoont',
        'Residence certificate with address history showing residence at the tourist site',
      ]),
      required('NEW_HOME_LEASE_OR_DEED', 'OTHER', [
        "Bail ou acte d'achat du nouveau logement",
        'Mietvertrag oder Kaufurkunde der neuen Wohnung',
        'Huurovereenkomst of aankoopakte van de nieuwe woning',
        'Lease or purchase deed of the new home',
      ]),
      HOUSEHOLD_COMPOSITION,
    ],
  },

  // ── Territory and urban planning ─────────────────────────────────────────────────────────
  {
    procedureCode: 'PERMIS-URBANISME',
    stepCode: 'SUBMITTED',
    documents: [PROJECT_PLANS, SITE_PHOTOS, ENVIRONMENTAL_IMPACT_NOTICE],
  },
  {
    procedureCode: 'PERMIS-URBANISATION',
    stepCode: 'SUBMITTED',
    documents: [PROJECT_PLANS, SITE_PHOTOS, ENVIRONMENTAL_IMPACT_NOTICE, CADASTRAL_EXTRACT],
  },

  // ── Environment (SPW ARNE) ───────────────────────────────────────────────────────────────
  {
    procedureCode: 'PERMIS-ENVIRONNEMENT',
    stepCode: 'SUBMITTED',
    documents: [INSTALLATIONS_PLAN, ENVIRONMENTAL_IMPACT_NOTICE, CADASTRAL_EXTRACT],
  },
  {
    procedureCode: 'PERMIS-UNIQUE',
    stepCode: 'SUBMITTED',
    documents: [PROJECT_PLANS, INSTALLATIONS_PLAN, ENVIRONMENTAL_IMPACT_NOTICE, CADASTRAL_EXTRACT],
  },
  // The fact sheet's list: the integrated three-part form, the control certificate and the invoices.
  {
    procedureCode: 'PRIME-EPURATION-INDIVIDUELLE',
    stepCode: 'SUBMITTED',
    documents: [
      required('INTEGRATED_FORM', 'OTHER', [
        'Formulaire intégré en trois parties, complété et signé',
        'Dreiteiliges integriertes Formular, ausgefüllt und unterschrieben',
        'Geïntegreerd formulier in drie delen, ingevuld en ondertekend',
        'Three-part integrated form, completed and signed',
      ]),
      required('CONTROL_CERTIFICATE', 'CERTIFICATE', [
        "Attestation de contrôle du système d'épuration individuelle",
        'Kontrollbescheinigung des individuellen Klärsystems',
        'Controleattest van het individueel zuiveringssysteem',
        'Inspection certificate for the individual treatment system',
      ]),
      required('WORKS_INVOICES', 'INVOICE', [
        "Factures d'achat et de pose du système d'épuration",
        'Rechnungen für Kauf und Einbau des Klärsystems',
        'Facturen voor de aankoop en plaatsing van het zuiveringssysteem',
        'Invoices for buying and installing the treatment system',
      ]),
    ],
  },
  // The tax is paid first, at least 5 days before the application; the identity card shows the
  // applicant is 18 or older.
  {
    procedureCode: 'PERMIS-CHASSE',
    stepCode: 'TAX_PAYMENT',
    documents: [
      required('HUNTING_TAX_PAYMENT_PROOF', 'OTHER', [
        'Preuve du paiement de la taxe sur le permis de chasse, au moins 5 jours avant la demande',
        'Nachweis der Zahlung der Jagdscheinsteuer, mindestens 5 Tage vor dem Antrag',
        'Bewijs van betaling van de belasting op het jachtverlof, minstens 5 dagen vóór de aanvraag',
        'Proof of payment of the hunting permit tax, at least 5 days before the application',
      ]),
      IDENTITY_CARD,
    ],
  },

  // ── Regional taxes (SPW Finances, pôle Fiscalité) ────────────────────────────────────────
  {
    procedureCode: 'DECLARATION-VEHICULE-NON-AUTOMATISE',
    stepCode: 'SUBMITTED',
    documents: [
      VEHICLE_REGISTRATION_CERTIFICATE,
      required('CONFORMITY_CERTIFICATE', 'CERTIFICATE', [
        'Certificat de conformité du véhicule (masse maximale autorisée)',
        'Übereinstimmungsbescheinigung des Fahrzeugs (höchstzulässige Masse)',
        'Gelijkvormigheidsattest van het voertuig (maximaal toegelaten massa)',
        'Certificate of conformity of the vehicle (maximum authorised mass)',
      ]),
    ],
  },
  {
    procedureCode: 'REMBOURSEMENT-TAXE-CIRCULATION',
    stepCode: 'SUBMITTED',
    documents: [
      required('ROAD_TAX_PAYMENT_PROOF', 'OTHER', [
        'Preuve du paiement de la taxe de circulation du véhicule remplacé',
        'Nachweis der Zahlung der Verkehrssteuer für das ersetzte Fahrzeug',
        'Bewijs van betaling van de verkeersbelasting voor het vervangen voertuig',
        'Proof of payment of the road tax on the replaced vehicle',
      ]),
      required('VEHICLE_REGISTRATION_CERTIFICATES', 'CERTIFICATE', [
        "Certificats d'immatriculation de l'ancien et du nouveau véhicule",
        'Zulassungsbescheinigungen des alten und des neuen Fahrzeugs',
        'Inschrijvingsbewijzen van het oude en het nieuwe voertuig',
        'Registration certificates of the old and the new vehicle',
      ]),
    ],
  },
  {
    procedureCode: 'REDUCTION-PRECOMPTE-IMMOBILIER',
    stepCode: 'SUBMITTED',
    documents: [
      required('PROPERTY_TAX_NOTICE', 'LETTER_RECEIVED', [
        'Avertissement-extrait de rôle du précompte immobilier concerné',
        'Betreffender Steuerbescheid des Immobiliensteuervorabzugs',
        'Betrokken aanslagbiljet van de onroerende voorheffing',
        'The property tax notice concerned',
      ]),
      HOUSEHOLD_COMPOSITION,
    ],
  },
  // Filed within 6 months from the 3rd working day after the tax notice was sent.
  {
    procedureCode: 'RECLAMATION-TAXES-REGIONALES',
    stepCode: 'SUBMITTED',
    documents: [
      required('CONTESTED_TAX_NOTICE', 'LETTER_RECEIVED', [
        "Copie de l'avertissement-extrait de rôle contesté",
        'Kopie des angefochtenen Steuerbescheids',
        'Kopie van het betwiste aanslagbiljet',
        'Copy of the disputed tax notice',
      ]),
      required('SIGNED_COMPLAINT', 'OTHER', [
        'Réclamation écrite et signée exposant les motifs',
        'Schriftliche, unterzeichnete Beschwerde mit Angabe der Gründe',
        'Schriftelijk en ondertekend bezwaarschrift met opgave van de redenen',
        'Written, signed complaint stating the grounds',
      ]),
    ],
  },

  // ── Mobility (SPW MI) ────────────────────────────────────────────────────────────────────
  {
    procedureCode: 'TRANSPORT-EXCEPTIONNEL',
    stepCode: 'SUBMITTED',
    documents: [
      required('CONVOY_DRAWING', 'OTHER', [
        'Schéma du convoi chargé avec ses dimensions et ses masses',
        'Skizze des beladenen Transports mit Abmessungen und Massen',
        "Schets van het beladen konvooi met afmetingen en massa's",
        'Drawing of the loaded convoy with its dimensions and masses',
      ]),
      required('ROUTE', 'OTHER', [
        "Itinéraire demandé, du lieu de départ au lieu d'arrivée",
        'Beantragte Fahrstrecke vom Abfahrts- bis zum Ankunftsort',
        'Gevraagde reisweg, van vertrekplaats tot plaats van aankomst',
        'Requested route from the place of departure to the place of arrival',
      ]),
      required('VEHICLE_REGISTRATION_CERTIFICATES', 'CERTIFICATE', [
        "Certificats d'immatriculation du tracteur et de la remorque",
        'Zulassungsbescheinigungen der Zugmaschine und des Anhängers',
        'Inschrijvingsbewijzen van de trekker en de aanhangwagen',
        'Registration certificates of the tractor unit and the trailer',
      ]),
    ],
  },
];
