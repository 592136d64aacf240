// Catalogue of Walloon online procedures (démarches) handled by an SPW service, from the
// reference fact sheet (§4). Procedures owned only by federal or external bodies (Chèque Habitat
// in the federal income tax, SWCS/FLW loans, birth grant, APE, AWEx aid, forest premium) are
// left out: the first line orients citizens to them instead.
// Steps use the generic vocabulary "dépôt → accusé de réception → recevabilité → instruction →
// décision → paiement/délivrance" (§4, §8). Day counts are business days and plausible, not
// published figures, unless a description says otherwise.
import type { FullLabels, ProcedureSeed, ProcedureStepSeed, SeedLabels } from './types.js';

type Labels4 = [fr: string, de: string, nl: string, en: string];

function full([fr, de, nl, en]: Labels4): FullLabels {
  return { fr, de, nl, en };
}

/** Step labels shared by every procedure; a step's code is its key here. */
const STEP_LABELS = {
  SUBMITTED: full(['Demande introduite', 'Antrag eingereicht', 'Aanvraag ingediend', 'Application submitted']),
  RECEIVED: full([
    'Accusé de réception envoyé',
    'Empfangsbestätigung versandt',
    'Ontvangstbewijs verstuurd',
    'Acknowledgement of receipt sent',
  ]),
  ADMISSIBILITY_CHECK: full([
    'Vérification de la complétude et de la recevabilité',
    'Prüfung der Vollständigkeit und Zulässigkeit',
    'Onderzoek naar volledigheid en ontvankelijkheid',
    'Completeness and admissibility check',
  ]),
  INSTRUCTION: full([
    'Instruction du dossier',
    'Bearbeitung der Akte',
    'Behandeling van het dossier',
    'Examination of the file',
  ]),
  SITE_VISIT: full(['Visite de contrôle', 'Kontrollbesuch', 'Controlebezoek', 'Inspection visit']),
  OPINIONS: full([
    "Consultation des instances d'avis",
    'Einholung von Stellungnahmen',
    'Inwinnen van adviezen',
    'Consultation of advisory bodies',
  ]),
  PUBLIC_INQUIRY: full(['Enquête publique', 'Öffentliche Untersuchung', 'Openbaar onderzoek', 'Public inquiry']),
  CONTROLS: full([
    'Contrôles administratifs et sur place',
    'Verwaltungskontrollen und Kontrollen vor Ort',
    'Administratieve controles en controles ter plaatse',
    'Administrative and on-the-spot checks',
  ]),
  DECISION: full([
    'Décision (octroi ou refus)',
    'Entscheidung (Gewährung oder Ablehnung)',
    'Beslissing (toekenning of weigering)',
    'Decision (granted or refused)',
  ]),
  NOTIFICATION: full([
    'Notification de la décision',
    'Zustellung der Entscheidung',
    'Kennisgeving van de beslissing',
    'Decision notified',
  ]),
  PAYMENT: full(["Paiement de l'aide", 'Auszahlung der Beihilfe', 'Uitbetaling van de steun', 'Aid paid out']),
  ISSUANCE: full([
    'Délivrance du permis ou du document',
    'Ausstellung der Genehmigung oder des Dokuments',
    'Afgifte van de vergunning of het document',
    'Permit or document issued',
  ]),
  DOCUMENT_SENT: full(['Document envoyé', 'Dokument versandt', 'Document verstuurd', 'Document sent']),
  AUDIT_VISIT: full([
    "Visite de l'auditeur agréé",
    'Besuch des zugelassenen Auditors',
    'Bezoek van de erkende auditeur',
    'Visit by the approved auditor',
  ]),
  AUDIT_REPORT: full(["Rapport d'audit", 'Auditbericht', 'Auditverslag', 'Audit report']),
  EXAM_REGISTRATION: full([
    "Inscription à l'examen",
    'Anmeldung zur Prüfung',
    'Inschrijving voor het examen',
    'Exam registration',
  ]),
  THEORY_EXAM: full(['Épreuve théorique', 'Theoretische Prüfung', 'Theoretisch examen', 'Theory exam']),
  PRACTICAL_EXAM: full(['Épreuve pratique', 'Praktische Prüfung', 'Praktisch examen', 'Practical exam']),
  RESULTS: full([
    'Proclamation des résultats',
    'Bekanntgabe der Ergebnisse',
    'Bekendmaking van de resultaten',
    'Results announced',
  ]),
  DIV_REGISTRATION: full([
    'Immatriculation du véhicule (DIV)',
    'Zulassung des Fahrzeugs (DIV)',
    'Inschrijving van het voertuig (DIV)',
    'Vehicle registered (DIV)',
  ]),
  DATA_TRANSFER: full([
    'Données transmises au service fiscal',
    'Daten an den Steuerdienst übermittelt',
    'Gegevens doorgegeven aan de belastingdienst',
    'Data sent to the tax service',
  ]),
  TAX_COMPUTATION: full(['Calcul de la taxe', 'Berechnung der Steuer', 'Berekening van de belasting', 'Tax calculated']),
  INVITATION_TO_PAY: full([
    'Invitation à payer envoyée',
    'Zahlungsaufforderung versandt',
    'Uitnodiging tot betaling verstuurd',
    'Invitation to pay sent',
  ]),
  TAX_PAYMENT: full(['Paiement de la taxe', 'Zahlung der Steuer', 'Betaling van de belasting', 'Tax paid']),
  TAX_DISC: full([
    'Délivrance du signe distinctif fiscal',
    'Ausstellung der Steuervignette',
    'Afgifte van het fiscaal kenteken',
    'Tax disc issued',
  ]),
  ASSESSMENT: full([
    'Enrôlement',
    'Eintragung in die Heberolle',
    'Inkohiering',
    'Entered in the tax roll',
  ]),
  TAX_NOTICE: full([
    "Envoi de l'avertissement-extrait de rôle",
    'Versand des Steuerbescheids',
    'Verzending van het aanslagbiljet',
    'Tax notice sent',
  ]),
  INSPECTOR_REVIEW: full([
    'Examen par un inspecteur',
    'Prüfung durch einen Inspektor',
    'Onderzoek door een inspecteur',
    'Review by an inspector',
  ]),
  DIRECTOR_DECISION: full([
    'Décision du directeur régional',
    'Entscheidung des Regionaldirektors',
    'Beslissing van de gewestelijk directeur',
    'Decision by the regional director',
  ]),
  REFUND: full(['Remboursement', 'Rückerstattung', 'Terugbetaling', 'Refund']),
  SATELLITE_MONITORING: full([
    'Monitoring par satellite (S-TER)',
    'Satellitengestützte Überwachung (S-TER)',
    'Satellietmonitoring (S-TER)',
    'Satellite monitoring (S-TER)',
  ]),
  CHANGE_PROPOSAL: full([
    "Proposition de modification de l'administration",
    'Änderungsvorschlag der Verwaltung',
    'Wijzigingsvoorstel van de administratie',
    'Change proposed by the administration',
  ]),
  REPORT_RECEIVED: full(['Signalement reçu', 'Meldung eingegangen', 'Melding ontvangen', 'Report received']),
  OFFICER_DISPATCHED: full([
    "Envoi de l'agent de garde",
    'Entsendung des Bereitschaftsbeamten',
    'Inzet van de dienstdoende ambtenaar',
    'On-duty officer dispatched',
  ]),
  ON_SITE_FINDINGS: full(['Constat sur place', 'Feststellung vor Ort', 'Vaststelling ter plaatse', 'On-site findings']),
  FOLLOW_UP: full([
    'Suites administratives ou judiciaires',
    'Verwaltungsrechtliche oder gerichtliche Folgemaßnahmen',
    'Administratieve of gerechtelijke gevolgen',
    'Administrative or judicial follow-up',
  ]),
  CLOSED: full(['Dossier clôturé', 'Akte abgeschlossen', 'Dossier afgesloten', 'File closed']),
  PUBLICATION_MB: full([
    'Publication au Moniteur belge',
    'Veröffentlichung im Belgischen Staatsblatt',
    'Bekendmaking in het Belgisch Staatsblad',
    'Published in the Belgian Official Gazette',
  ]),
  ORDER_RECORDED: full(['Commande enregistrée', 'Bestellung erfasst', 'Bestelling geregistreerd', 'Order recorded']),
  ORDER_PREPARED: full([
    "Préparation de l'envoi",
    'Vorbereitung des Versands',
    'Voorbereiding van de verzending',
    'Shipment prepared',
  ]),
  SENT_BY_POST: full(['Envoyé par la poste', 'Per Post versandt', 'Per post verstuurd', 'Sent by post']),
} satisfies Record<string, FullLabels>;

type StepCode = keyof typeof STEP_LABELS;

/** Ordered steps from `[code, expectedDays]` pairs. */
function steps(...pairs: [StepCode, number][]): ProcedureStepSeed[] {
  return pairs.map(([code, expectedDays]) => ({ code, labels: { ...STEP_LABELS[code] }, expectedDays }));
}

function names([fr, de, nl, en]: Labels4): SeedLabels {
  return { fr, de, nl, en };
}

const PRIMES_HABITATION_URL = 'https://lampspw.wallonie.be/dgo4/site_logement/aides/aide?aide=primeshabitatio';
const PRIMES_HABITATION_NOTE =
  "Régimes du 1er juin 2019 et du 1er juillet 2023 ; régime transitoire depuis le 14 février 2025 (montants de base réduits, plafonds de 70 % ou 50 % de la facture). Traitement pouvant atteindre environ deux ans selon l'arriéré.";

/** The works premiums of the Primes Habitation scheme share one workflow. */
function primeHabitationWorks(
  code: string,
  themeCode: string,
  label: Labels4,
  withSiteVisit = false,
): ProcedureSeed {
  return {
    code,
    labels: names(label),
    description: { fr: PRIMES_HABITATION_NOTE },
    themeCode,
    ownerServiceCode: 'TLPE-HOUSING',
    expectedDurationDays: withSiteVisit ? 190 : 175,
    url: PRIMES_HABITATION_URL,
    steps: withSiteVisit
      ? steps(
          ['SUBMITTED', 1],
          ['RECEIVED', 10],
          ['ADMISSIBILITY_CHECK', 20],
          ['SITE_VISIT', 15],
          ['INSTRUCTION', 100],
          ['DECISION', 10],
          ['PAYMENT', 30],
        )
      : steps(
          ['SUBMITTED', 1],
          ['RECEIVED', 10],
          ['ADMISSIBILITY_CHECK', 20],
          ['INSTRUCTION', 100],
          ['DECISION', 10],
          ['PAYMENT', 30],
        ),
  };
}

export const procedures: ProcedureSeed[] = [
  // ── Housing and energy premiums (SPW TLPE) ───────────────────────────────────────────────
  {
    code: 'PRIME-HABITATION-AUDIT',
    labels: names([
      'Prime Habitation – audit logement',
      'Wohnungsprämie – Wohnungsaudit',
      'Woningpremie – woningaudit',
      'Home premium – housing audit',
    ]),
    description: {
      fr: "Un auditeur agréé visite le logement et établit le rapport d'audit, préalable à la plupart des primes travaux ; la demande de prime est ensuite instruite puis payée.",
    },
    themeCode: 'ENERGY.AUDIT',
    ownerServiceCode: 'TLPE-HOUSING',
    expectedDurationDays: 200,
    url: PRIMES_HABITATION_URL,
    steps: steps(
      ['AUDIT_VISIT', 15],
      ['AUDIT_REPORT', 20],
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 20],
      ['INSTRUCTION', 100],
      ['PAYMENT', 30],
    ),
  },
  {
    ...primeHabitationWorks('PRIME-HABITATION-ISOLATION', 'ENERGY.PREMIUMS', [
      'Prime Habitation – isolation (toiture, murs, sols)',
      'Wohnungsprämie – Dämmung (Dach, Wände, Böden)',
      'Woningpremie – isolatie (dak, muren, vloeren)',
      'Home premium – insulation (roof, walls, floors)',
    ]),
    // The insulated surface (m²) and the material are what the premium is computed from.
    form: {
      fields: [
        { name: 'surface', type: 'NUMBER', required: true },
        { name: 'isolant', type: 'TEXT', required: true },
        { name: 'finTravaux', type: 'DATE', required: false },
      ],
    },
  },
  primeHabitationWorks('PRIME-HABITATION-MENUISERIES', 'ENERGY.PREMIUMS', [
    'Prime Habitation – menuiseries extérieures',
    'Wohnungsprämie – Außentüren und -fenster',
    'Woningpremie – buitenschrijnwerk',
    'Home premium – exterior doors and windows',
  ]),
  primeHabitationWorks('PRIME-HABITATION-CHAUFFAGE-ECS', 'ENERGY.PREMIUMS', [
    "Prime Habitation – chauffage et eau chaude sanitaire",
    'Wohnungsprämie – Heizung und Warmwasserbereitung',
    'Woningpremie – verwarming en sanitair warm water',
    'Home premium – heating and domestic hot water',
  ]),
  primeHabitationWorks('PRIME-HABITATION-VENTILATION', 'ENERGY.PREMIUMS', [
    'Prime Habitation – ventilation',
    'Wohnungsprämie – Lüftung',
    'Woningpremie – ventilatie',
    'Home premium – ventilation',
  ]),
  primeHabitationWorks('PRIME-HABITATION-ELECTRICITE', 'HOUSING.PREMIUMS', [
    "Prime Habitation – installation électrique",
    'Wohnungsprämie – Elektroinstallation',
    'Woningpremie – elektrische installatie',
    'Home premium – electrical installation',
  ]),
  primeHabitationWorks(
    'PRIME-HABITATION-SALUBRITE',
    'HOUSING.PREMIUMS',
    [
      'Prime Habitation – travaux de salubrité',
      'Wohnungsprämie – Arbeiten für gesunde Wohnverhältnisse',
      'Woningpremie – werken voor gezond wonen',
      'Home premium – health and safety works',
    ],
    true,
  ),
  {
    code: 'PRIME-TOITURE-2022',
    labels: names([
      'Prime toiture sans audit (petits travaux, 2022)',
      'Dachprämie ohne Audit (kleine Arbeiten, 2022)',
      'Dakpremie zonder audit (kleine werken, 2022)',
      'Roof premium without audit (small works, 2022)',
    ]),
    description: {
      fr: "Factures postérieures au 1er novembre 2022, dossier à introduire dans les 8 mois des travaux. Supprimée le 14 février 2025 ; seuls les dossiers en cours restent traités.",
    },
    themeCode: 'ENERGY.PREMIUMS',
    ownerServiceCode: 'TLPE-ENERGY',
    expectedDurationDays: 150,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 20],
      ['INSTRUCTION', 80],
      ['DECISION', 10],
      ['PAYMENT', 30],
    ),
  },
  {
    code: 'PRIMES-CHAUFFAGE',
    labels: names(['Primes Chauffage', 'Heizungsprämien', 'Verwarmingspremies', 'Heating premiums']),
    description: {
      fr: "Régime prévu jusqu'au 31 décembre 2025 et clôturé anticipativement en 2025 ; seuls les dossiers en cours restent traités.",
    },
    themeCode: 'ENERGY.PREMIUMS',
    ownerServiceCode: 'TLPE-ENERGY',
    expectedDurationDays: 120,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSTRUCTION', 60],
      ['DECISION', 10],
      ['PAYMENT', 25],
    ),
  },
  {
    code: 'SUBSIDES-UREBA',
    labels: names([
      'Subsides UREBA (travaux énergétiques des organismes publics et non marchands)',
      'UREBA-Zuschüsse (Energiearbeiten öffentlicher Einrichtungen und des Non-Profit-Sektors)',
      'UREBA-subsidies (energiewerken van openbare instellingen en de non-profitsector)',
      'UREBA grants (energy works by public bodies and non-profits)',
    ]),
    description: { fr: 'Arrêté du Gouvernement wallon du 10 avril 2003 ; « UREBA exceptionnel » pour les écoles en 2018.' },
    themeCode: 'ENERGY.PUBLIC_BUILDINGS',
    ownerServiceCode: 'TLPE-ENERGY',
    expectedDurationDays: 130,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 20],
      ['INSTRUCTION', 60],
      ['DECISION', 15],
      ['PAYMENT', 30],
    ),
  },
  {
    code: 'ALLOCATION-LOYER',
    labels: names(['Allocation de loyer', 'Mietzulage', 'Huurtoelage', 'Rent allowance']),
    description: { fr: 'Modalités détaillées non confirmées dans les sources publiques consultées.' },
    themeCode: 'HOUSING.ALLOWANCES',
    ownerServiceCode: 'TLPE-HOUSING',
    expectedDurationDays: 80,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSTRUCTION', 30],
      ['DECISION', 10],
      ['PAYMENT', 15],
    ),
  },
  {
    code: 'ALLOCATION-INSTALLATION',
    labels: names([
      "Allocation d'installation (Plan Habitat permanent)",
      'Einzugszulage (Plan für dauerhaftes Wohnen)',
      'Installatietoelage (Plan Permanente Bewoning)',
      'Moving-in allowance (Permanent Housing Plan)',
    ]),
    description: { fr: "Pour les ménages qui quittent un équipement touristique où ils résidaient en permanence." },
    themeCode: 'HOUSING.ALLOWANCES',
    ownerServiceCode: 'TLPE-HOUSING',
    expectedDurationDays: 70,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSTRUCTION', 25],
      ['DECISION', 5],
      ['PAYMENT', 15],
    ),
  },

  // ── Territory and urban planning (SPW TLPE, fonctionnaire délégué) ───────────────────────
  {
    code: 'PERMIS-URBANISME',
    labels: names([
      "Permis d'urbanisme",
      'Städtebaugenehmigung',
      'Stedenbouwkundige vergunning',
      'Planning permit',
    ]),
    description: {
      fr: "Généralement délivré par la commune après consultation des services régionaux ; le fonctionnaire délégué rend un avis ou statue selon les cas. Délais légaux du CoDT non repris ici.",
    },
    themeCode: 'TERRITORY.PLANNING_PERMITS',
    ownerServiceCode: 'TLPE-PLANNING',
    expectedDurationDays: 75,
    // Opinions and the public inquiry are required only for some projects.
    allowsSkippingSteps: true,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 10],
      ['OPINIONS', 20],
      ['PUBLIC_INQUIRY', 15],
      ['DECISION', 15],
      ['NOTIFICATION', 5],
    ),
  },
  {
    code: 'PERMIS-URBANISATION',
    labels: names([
      "Permis d'urbanisation",
      'Verstädterungsgenehmigung',
      'Verkavelingsvergunning',
      'Land development permit',
    ]),
    description: { fr: "Remplace l'ancien permis de lotir." },
    themeCode: 'TERRITORY.PLANNING_PERMITS',
    ownerServiceCode: 'TLPE-PLANNING',
    expectedDurationDays: 100,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['OPINIONS', 25],
      ['PUBLIC_INQUIRY', 15],
      ['DECISION', 25],
      ['NOTIFICATION', 5],
    ),
  },

  // ── Environment (SPW ARNE) ───────────────────────────────────────────────────────────────
  {
    code: 'PERMIS-ENVIRONNEMENT',
    labels: names([
      "Permis d'environnement (classe 1 ou 2)",
      'Umweltgenehmigung (Klasse I oder II)',
      'Milieuvergunning (klasse 1 of 2)',
      'Environmental permit (class 1 or 2)',
    ]),
    description: {
      fr: "Demande déposée à la commune, instruite avec le SPW ARNE. La classe 2 correspond à l'ancienne « autorisation d'exploiter ».",
    },
    themeCode: 'ENVIRONMENT.PERMITS',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    expectedDurationDays: 90,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['PUBLIC_INQUIRY', 15],
      ['OPINIONS', 25],
      ['DECISION', 20],
      ['NOTIFICATION', 5],
    ),
  },
  {
    code: 'PERMIS-UNIQUE',
    labels: names([
      'Permis unique (environnement et urbanisme)',
      'Globalgenehmigung (Umwelt und Städtebau)',
      'Globale vergunning (milieu en stedenbouw)',
      'Single permit (environment and planning)',
    ]),
    description: { fr: "Une seule procédure pour le permis d'environnement et le permis d'urbanisme ; formulaires en français et en allemand." },
    themeCode: 'ENVIRONMENT.PERMITS',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    expectedDurationDays: 110,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['PUBLIC_INQUIRY', 15],
      ['OPINIONS', 30],
      ['DECISION', 30],
      ['NOTIFICATION', 5],
    ),
  },
  {
    code: 'SIGNALEMENT-POLLUTION',
    labels: names([
      "Signaler une pollution ou une atteinte à l'environnement",
      'Eine Verschmutzung oder Umweltschädigung melden',
      'Een vervuiling of aantasting van het leefmilieu melden',
      'Report pollution or damage to the environment',
    ]),
    description: {
      fr: "1718, option 2 : SOS Environnement-Nature (24 h/24) pose les questions standard et dépêche un agent de garde du DPC.",
    },
    themeCode: 'ENVIRONMENT.POLLUTION',
    ownerServiceCode: 'ARNE-DPC',
    expectedDurationDays: 25,
    // A report may be closed without a dispatch, or without follow-up when nothing is found.
    allowsSkippingSteps: true,
    steps: steps(
      ['REPORT_RECEIVED', 0],
      ['OFFICER_DISPATCHED', 0],
      ['ON_SITE_FINDINGS', 1],
      ['FOLLOW_UP', 20],
      ['CLOSED', 4],
    ),
  },
  {
    code: 'ENREGISTREMENT-COLLECTEUR-TRANSPORTEUR-DECHETS',
    labels: names([
      'Enregistrement comme collecteur ou transporteur de déchets',
      'Registrierung als Abfallsammler oder -transporteur',
      'Registratie als inzamelaar of vervoerder van afvalstoffen',
      'Registration as a waste collector or carrier',
    ]),
    description: { fr: "La décision d'enregistrement est publiée au Moniteur belge." },
    themeCode: 'ENVIRONMENT.WASTE',
    ownerServiceCode: 'ARNE-WASTE',
    expectedDurationDays: 70,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSTRUCTION', 25],
      ['DECISION', 10],
      ['PUBLICATION_MB', 15],
    ),
  },
  {
    code: 'PRIME-EPURATION-INDIVIDUELLE',
    labels: names([
      "Prime à l'installation d'un système d'épuration individuelle",
      'Prämie für die Installierung eines individuellen Klärsystems',
      'Premie voor de installatie van een individueel zuiveringssysteem',
      'Premium for installing an individual wastewater treatment system',
    ]),
    description: {
      fr: "Formulaire intégré en trois parties, attestation de contrôle et factures. Historiquement instruite par la Direction Taxes et Redevances (Division de l'Eau, Jambes).",
    },
    themeCode: 'ENVIRONMENT.WATER',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    expectedDurationDays: 100,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSTRUCTION', 40],
      ['DECISION', 10],
      ['PAYMENT', 25],
    ),
  },

  // ── Hunting and fishing (SPW ARNE – DNF) ─────────────────────────────────────────────────
  {
    code: 'EXAMEN-CHASSE',
    labels: names([
      'Examen de chasse (épreuves théorique et pratique)',
      'Jagdprüfung (theoretische und praktische Prüfung)',
      'Jachtexamen (theoretisch en praktisch examen)',
      'Hunting exam (theory and practical tests)',
    ]),
    description: {
      fr: "Épreuve théorique au printemps, épreuve pratique au Camp Albert à Marche-en-Famenne (environ 600 candidats en mai 2023).",
    },
    themeCode: 'ENVIRONMENT.HUNTING_FISHING',
    ownerServiceCode: 'ARNE-DNF',
    expectedDurationDays: 75,
    steps: steps(['EXAM_REGISTRATION', 20], ['THEORY_EXAM', 25], ['PRACTICAL_EXAM', 20], ['RESULTS', 10]),
  },
  {
    code: 'PERMIS-CHASSE',
    labels: names([
      'Permis de chasse et vignette annuelle',
      'Jagdschein und Jahresvignette',
      'Jachtverlof en jaarlijks vignet',
      'Hunting permit and annual sticker',
    ]),
    description: {
      fr: "Dès 18 ans ; vignette valable à partir du 1er juin de chaque saison ; taxe (223,10 € en 2013-2014) payée au moins 5 jours avant la demande ; recours auprès du Ministre dans les 30 jours.",
    },
    themeCode: 'ENVIRONMENT.HUNTING_FISHING',
    ownerServiceCode: 'ARNE-DNF',
    expectedDurationDays: 25,
    steps: steps(
      ['TAX_PAYMENT', 5],
      ['SUBMITTED', 1],
      ['ADMISSIBILITY_CHECK', 5],
      ['DECISION', 10],
      ['ISSUANCE', 5],
    ),
  },
  {
    code: 'LICENCE-CHASSE',
    labels: names([
      'Licence de chasse pour invité (5 jours consécutifs au maximum)',
      'Jagdlizenz für Gäste (höchstens 5 aufeinanderfolgende Tage)',
      'Jachtlicentie voor genodigden (maximaal 5 opeenvolgende dagen)',
      'Guest hunting licence (up to 5 consecutive days)',
    ]),
    description: { fr: 'Pour les invités non-résidents.' },
    themeCode: 'ENVIRONMENT.HUNTING_FISHING',
    ownerServiceCode: 'ARNE-DNF',
    expectedDurationDays: 10,
    steps: steps(['TAX_PAYMENT', 2], ['SUBMITTED', 1], ['DECISION', 5], ['ISSUANCE', 2]),
  },
  {
    code: 'PERMIS-PECHE',
    labels: names([
      'Permis de pêche (A, B, J, T)',
      'Angelschein (A, B, J, T)',
      'Visverlof (A, B, J, T)',
      'Fishing permit (A, B, J, T)',
    ]),
    description: { fr: 'Uniquement en ligne depuis le 1er janvier 2021 (81 287 permis vendus de janvier à novembre 2020).' },
    themeCode: 'ENVIRONMENT.HUNTING_FISHING',
    ownerServiceCode: 'ARNE-DNF',
    expectedDurationDays: 1,
    url: 'https://www.permisdepeche.be',
    steps: steps(['SUBMITTED', 0], ['TAX_PAYMENT', 0], ['ISSUANCE', 1]),
  },

  // ── Agriculture (SPW ARNE – Organisme payeur de Wallonie) ────────────────────────────────
  {
    code: 'DECLARATION-SUPERFICIE',
    labels: names([
      "Déclaration de superficie et demande d'aides",
      'Flächenerklärung und Beihilfeantrag',
      'Oppervlakteaangifte en steunaanvraag',
      'Area declaration and aid application',
    ]),
    description: {
      fr: 'Déclaration électronique sur PAC-on-Web au plus tard le 30 avril (30 mai en 2020) ; les photo-plans sont envoyés au préalable. Une seule déclaration couvre les deux piliers de la PAC.',
    },
    themeCode: 'AGRICULTURE.AREA_DECLARATION',
    ownerServiceCode: 'ARNE-OPW',
    expectedDurationDays: 160,
    url: 'https://agriculture.wallonie.be',
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 5],
      ['ADMISSIBILITY_CHECK', 20],
      ['CONTROLS', 90],
      ['DECISION', 20],
      ['PAYMENT', 25],
    ),
  },
  {
    code: 'MODIFICATION-DS',
    labels: names([
      "Modification de la déclaration de superficie sur proposition de l'administration",
      'Änderung der Flächenerklärung auf Vorschlag der Verwaltung',
      'Wijziging van de oppervlakteaangifte op voorstel van de administratie',
      'Area declaration change proposed by the administration',
    ]),
    description: {
      fr: "Monitoring satellitaire S-TER → courriel vers la mi-septembre → demande de modification pré-remplie à introduire au plus tard le 30 septembre, ou contestation auprès de la Direction extérieure.",
    },
    themeCode: 'AGRICULTURE.AREA_DECLARATION',
    ownerServiceCode: 'ARNE-OPW',
    expectedDurationDays: 60,
    url: 'https://agriculture.wallonie.be',
    steps: steps(
      ['SATELLITE_MONITORING', 60],
      ['CHANGE_PROPOSAL', 1],
      ['SUBMITTED', 10],
      ['INSTRUCTION', 30],
      ['DECISION', 10],
    ),
  },
  {
    code: 'PAIEMENTS-DIRECTS-PAC',
    labels: names([
      'Paiements directs PAC (1er pilier) et aides environnementales (2e pilier)',
      'GAP-Direktzahlungen (1. Säule) und Umweltbeihilfen (2. Säule)',
      'Rechtstreekse GLB-betalingen (1e pijler) en milieusteun (2e pijler)',
      'CAP direct payments (pillar 1) and environmental aid (pillar 2)',
    ]),
    description: { fr: 'Ouverts par la déclaration de superficie annuelle.' },
    themeCode: 'AGRICULTURE.CAP_AIDS',
    ownerServiceCode: 'ARNE-OPW',
    expectedDurationDays: 150,
    steps: steps(['SUBMITTED', 1], ['CONTROLS', 90], ['DECISION', 30], ['PAYMENT', 30]),
  },
  {
    code: 'ENGAGEMENTS-MAEC-BIO',
    labels: names([
      'Engagements MAEC et agriculture biologique',
      'Verpflichtungen für Agrarumwelt- und Klimamaßnahmen und ökologischen Landbau',
      'Verbintenissen voor agromilieu- en klimaatmaatregelen en biologische landbouw',
      'Agri-environment-climate and organic farming commitments',
    ]),
    description: { fr: 'Les transferts de parcelles engagées sont possibles avant le dépôt de la déclaration de superficie.' },
    themeCode: 'AGRICULTURE.AGRI_ENVIRONMENT',
    ownerServiceCode: 'ARNE-OPW',
    expectedDurationDays: 160,
    steps: steps(
      ['SUBMITTED', 1],
      ['ADMISSIBILITY_CHECK', 20],
      ['CONTROLS', 80],
      ['DECISION', 30],
      ['PAYMENT', 30],
    ),
  },

  // ── Regional taxes (SPW Finances, pôle Fiscalité) ────────────────────────────────────────
  {
    code: 'TAXE-CIRCULATION',
    labels: names([
      'Taxe de circulation (véhicules automatisés)',
      'Verkehrssteuer (automatisierte Fahrzeuge)',
      'Verkeersbelasting (geautomatiseerde voertuigen)',
      'Annual road tax (automated vehicles)',
    ]),
    description: {
      fr: "Aucune démarche : la DIV transmet l'immatriculation au service fiscal, qui envoie une invitation à payer.",
    },
    themeCode: 'TAXATION.VEHICLES',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 40,
    steps: steps(['DIV_REGISTRATION', 1], ['DATA_TRANSFER', 10], ['INVITATION_TO_PAY', 15], ['TAX_PAYMENT', 15]),
  },
  {
    code: 'DECLARATION-VEHICULE-NON-AUTOMATISE',
    labels: names([
      "Déclaration d'un véhicule non automatisé (poids lourds, remorques, plaques marchand)",
      'Nichtautomatisierte Verkehrssteuer (LKW, Anhänger) zahlen',
      'Aangifte van een niet-geautomatiseerd voertuig (vrachtwagens, aanhangwagens, handelaarsplaten)',
      'Declaring a non-automated vehicle (lorries, trailers, trade plates)',
    ]),
    description: {
      fr: "Déclaration en ligne avant la mise en usage, calcul de la taxe, paiement, puis délivrance du signe distinctif (pour les poids lourds et les autocars, il est délivré avant le paiement).",
    },
    themeCode: 'TAXATION.VEHICLES',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 25,
    url: 'https://www.wallonie.be/de/demarches/nichtautomatisierte-verkehrssteuer-lkw-anhanger-zahlen',
    steps: steps(['SUBMITTED', 1], ['TAX_COMPUTATION', 5], ['TAX_PAYMENT', 10], ['TAX_DISC', 5]),
  },
  {
    code: 'TAXE-MISE-EN-CIRCULATION',
    labels: names([
      'Taxe de mise en circulation (et éco-malus)',
      'Zulassungssteuer (und Öko-Malus)',
      'Belasting op de inverkeerstelling (en ecomalus)',
      'Vehicle registration tax (and eco-malus)',
    ]),
    description: {
      fr: "Due après l'immatriculation ; pas due à nouveau en cas de réimmatriculation au même numéro national.",
    },
    themeCode: 'TAXATION.VEHICLES',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 45,
    steps: steps(
      ['DIV_REGISTRATION', 1],
      ['DATA_TRANSFER', 10],
      ['TAX_COMPUTATION', 5],
      ['INVITATION_TO_PAY', 10],
      ['TAX_PAYMENT', 15],
    ),
  },
  {
    code: 'REMBOURSEMENT-TAXE-CIRCULATION',
    labels: names([
      'Remboursement de la taxe de circulation (changement de véhicule)',
      'Rückerstattung der Verkehrssteuer (Fahrzeugwechsel)',
      'Terugbetaling van de verkeersbelasting (wissel van voertuig)',
      'Road tax refund (change of vehicle)',
    ]),
    description: { fr: "Arriéré important après la reprise de l'impôt par la Wallonie en 2014." },
    themeCode: 'TAXATION.VEHICLES',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 90,
    steps: steps(['SUBMITTED', 1], ['RECEIVED', 10], ['INSTRUCTION', 50], ['DECISION', 10], ['REFUND', 20]),
  },
  {
    code: 'REDUCTION-PRECOMPTE-IMMOBILIER',
    labels: names([
      'Réduction du précompte immobilier (habitation modeste, enfants à charge, handicap)',
      'Ermäßigung des Immobiliensteuervorabzugs (bescheidene Wohnung, unterhaltsberechtigte Kinder, Behinderung)',
      'Vermindering van de onroerende voorheffing (bescheiden woning, kinderen ten laste, handicap)',
      'Property tax reduction (modest home, dependent children, disability)',
    ]),
    description: { fr: 'Taux de 1,25 % du revenu cadastral indexé, plus les centimes additionnels provinciaux et communaux.' },
    themeCode: 'TAXATION.PROPERTY',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 60,
    url: 'https://finances.wallonie.be',
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 10],
      ['INSTRUCTION', 25],
      ['DECISION', 10],
      ['NOTIFICATION', 5],
    ),
  },
  {
    code: 'COPIE-AVERTISSEMENT-EXTRAIT-ROLE',
    labels: names([
      "Copie d'un avertissement-extrait de rôle (précompte immobilier)",
      'Kopie des Steuerbescheids (Immobiliensteuervorabzug)',
      'Kopie van het aanslagbiljet (onroerende voorheffing)',
      'Copy of a tax notice (property tax)',
    ]),
    description: { fr: 'Demande par courriel au service fiscal.' },
    themeCode: 'TAXATION.PROPERTY',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 10,
    steps: steps(['SUBMITTED', 1], ['RECEIVED', 3], ['DOCUMENT_SENT', 6]),
  },
  {
    code: 'RECLAMATION-TAXES-REGIONALES',
    labels: names([
      'Réclamation contre une taxe régionale',
      'Beschwerde gegen eine Regionalsteuer',
      'Bezwaarschrift tegen een gewestelijke belasting',
      'Complaint against a regional tax',
    ]),
    description: {
      fr: "Réclamation écrite dans les 6 mois à compter du 3e jour ouvrable suivant l'envoi de l'avertissement-extrait de rôle ; un inspecteur l'examine et un directeur régional statue.",
    },
    themeCode: 'TAXATION.COMPLAINTS',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 120,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['ADMISSIBILITY_CHECK', 15],
      ['INSPECTOR_REVIEW', 60],
      ['DIRECTOR_DECISION', 25],
      ['NOTIFICATION', 10],
    ),
  },
  {
    code: 'DEGREVEMENT-OFFICE',
    labels: names([
      "Dégrèvement d'office",
      'Steuererlass von Amts wegen',
      'Ontheffing van ambtswege',
      'Ex officio tax relief',
    ]),
    description: { fr: 'Possible dans les 3 ans (5 ans pour le précompte immobilier).' },
    themeCode: 'TAXATION.COMPLAINTS',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 100,
    steps: steps(
      ['SUBMITTED', 1],
      ['RECEIVED', 10],
      ['INSPECTOR_REVIEW', 50],
      ['DIRECTOR_DECISION', 20],
      ['REFUND', 20],
    ),
  },
  {
    code: 'REDEVANCE-TV-ARRIERES',
    labels: names([
      'Redevance télévision – contestation ou régularisation des arriérés',
      'Fernsehgebühr – Anfechtung oder Begleichung von Rückständen',
      'Kijkgeld – betwisting of regularisatie van achterstallen',
      'TV licence fee – disputing or settling arrears',
    ]),
    description: {
      fr: "100 € par an, supprimée pour les périodes imposables commençant en 2018 ; périodes A–J d'avril à mars, K–Z d'octobre à septembre. Le recouvrement forcé passe par un huissier de justice.",
    },
    themeCode: 'TAXATION.TV_LICENCE',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 60,
    steps: steps(['SUBMITTED', 1], ['RECEIVED', 10], ['INSTRUCTION', 30], ['DECISION', 10], ['TAX_PAYMENT', 15]),
  },
  {
    code: 'TAXE-JEUX-PARIS',
    labels: names([
      'Taxe sur les jeux et paris et sur les appareils automatiques de divertissement',
      'Steuer auf Spiele und Wetten und auf automatische Unterhaltungsgeräte',
      'Belasting op spelen en weddenschappen en op automatische ontspanningstoestellen',
      'Tax on gaming, betting and automatic amusement machines',
    ]),
    description: { fr: 'Rôle annuel.' },
    themeCode: 'TAXATION.GAMING',
    ownerServiceCode: 'FIN-TAX',
    expectedDurationDays: 60,
    steps: steps(['SUBMITTED', 1], ['ASSESSMENT', 30], ['TAX_NOTICE', 10], ['TAX_PAYMENT', 20]),
  },

  // ── Economy and mobility ─────────────────────────────────────────────────────────────────
  {
    code: 'CHEQUES-ENTREPRISES',
    labels: names([
      'Chèques-entreprises',
      'Unternehmensschecks',
      'Bedrijfscheques',
      'Business vouchers (chèques-entreprises)',
    ]),
    description: { fr: 'Plateforme numérique centrale ; réforme annoncée pour 2026. Direction gestionnaire non confirmée.' },
    themeCode: 'EMPLOYMENT.BUSINESS_AID',
    ownerServiceCode: 'EER-EMPLOYMENT',
    expectedDurationDays: 40,
    steps: steps(['SUBMITTED', 1], ['ADMISSIBILITY_CHECK', 10], ['DECISION', 10], ['PAYMENT', 20]),
  },
  {
    code: 'TRANSPORT-EXCEPTIONNEL',
    labels: names([
      'Autorisation de transport exceptionnel',
      'Genehmigung für Sondertransporte',
      'Vergunning voor uitzonderlijk vervoer',
      'Exceptional transport authorisation',
    ]),
    description: { fr: "Compétence régionale depuis la sixième réforme de l'État." },
    themeCode: 'ROADS.EXCEPTIONAL_TRANSPORT',
    ownerServiceCode: 'MI-ROADS',
    expectedDurationDays: 15,
    steps: steps(['SUBMITTED', 1], ['RECEIVED', 2], ['OPINIONS', 7], ['DECISION', 3], ['ISSUANCE', 2]),
  },

  // ── Information (SPW Secrétariat général, first line) ────────────────────────────────────
  {
    code: 'ABONNEMENT-VIVRE-LA-WALLONIE',
    labels: names([
      'Abonnement au magazine Vivre la Wallonie',
      'Abonnement der Zeitschrift Vivre la Wallonie',
      'Abonnement op het tijdschrift Vivre la Wallonie',
      'Subscription to the Vivre la Wallonie magazine',
    ]),
    description: { fr: 'Trimestriel gratuit ; abonnement par le 1718 ou en ligne.' },
    themeCode: 'INFORMATION.PUBLICATIONS',
    ownerServiceCode: 'SG-1718',
    expectedDurationDays: 30,
    steps: steps(['ORDER_RECORDED', 0], ['ORDER_PREPARED', 20], ['SENT_BY_POST', 10]),
  },
  {
    code: 'COMMANDE-BROCHURES',
    labels: names([
      'Commande de brochures et publications',
      'Bestellung von Broschüren und Veröffentlichungen',
      'Bestelling van brochures en publicaties',
      'Ordering brochures and publications',
    ]),
    description: { fr: 'Par téléphone (1718), en ligne ou dans un Espace Wallonie.' },
    themeCode: 'INFORMATION.PUBLICATIONS',
    ownerServiceCode: 'SG-1718',
    expectedDurationDays: 10,
    steps: steps(['ORDER_RECORDED', 0], ['ORDER_PREPARED', 5], ['SENT_BY_POST', 5]),
  },
];
