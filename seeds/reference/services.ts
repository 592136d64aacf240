// Services: the 1718 first line, the SPW business services (second line), the expert units
// (third line), and the external authorities the first line orients or redirects citizens to.
// Coordinates come from the reference fact sheet; no phone number is invented: where the sheet
// gives none, only a public website is listed. Line assignment is a modelling choice.
import type { ServiceSeed } from './types.js';

const internal: ServiceSeed[] = [
  // ── First line ──────────────────────────────────────────────────────────────────────────
  {
    code: 'SG-1718',
    labels: {
      fr: 'Numéro vert 1718 / 1719 et Espaces Wallonie',
      de: 'Gebührenfreie Nummer 1718 / 1719 und Espaces Wallonie',
      nl: 'Gratis nummer 1718 / 1719 en Espaces Wallonie',
      en: 'Free number 1718 / 1719 and Espaces Wallonie',
    },
    departmentCode: 'SPW-SG',
    line: 'FIRST',
    kind: 'INTERNAL',
    phone: '1718',
    website: 'https://www.wallonie.be',
    openingHours: 'Lu–Ve 08:30–17:00',
  },

  // ── Second line: Secrétariat général ────────────────────────────────────────────────────
  {
    code: 'SG-COMMUNICATION',
    labels: {
      fr: 'Direction de la communication externe',
      de: 'Direktion der externen Kommunikation',
      nl: 'Directie Externe Communicatie',
      en: 'External Communication Directorate',
    },
    departmentCode: 'SPW-SG',
    line: 'SECOND',
    kind: 'INTERNAL',
    // Bulk orders of the magazine Vivre la Wallonie.
    email: 'vlw@spw.wallonie.be',
    website: 'https://www.wallonie.be',
  },

  // ── Second line: Territoire, Logement, Patrimoine, Énergie ──────────────────────────────
  {
    code: 'TLPE-ENERGY',
    labels: {
      fr: "Département de l'Énergie",
      de: 'Abteilung Energie',
      nl: 'Departement Energie',
      en: 'Energy Department',
    },
    departmentCode: 'SPW-TLPE',
    line: 'SECOND',
    kind: 'INTERNAL',
    website: 'https://energie.wallonie.be',
  },
  {
    code: 'TLPE-HOUSING',
    labels: {
      fr: 'Aides au logement – Primes Habitation',
      de: 'Wohnungsbeihilfen – Wohnungsprämien',
      nl: 'Huisvestingssteun – Woningpremies',
      en: 'Housing aid – Home premiums (Primes Habitation)',
    },
    departmentCode: 'SPW-TLPE',
    line: 'SECOND',
    kind: 'INTERNAL',
    // Address quoted in a public forum post; weakly sourced.
    email: 'primeshabitation@spw.wallonie.be',
  },
  {
    code: 'TLPE-PLANNING',
    labels: {
      fr: "Aménagement du territoire et urbanisme (fonctionnaires délégués)",
      de: 'Raumordnung und Städtebau (beauftragte Beamte)',
      nl: 'Ruimtelijke ordening en stedenbouw (gemachtigde ambtenaren)',
      en: 'Spatial and urban planning (delegated officials)',
    },
    departmentCode: 'SPW-TLPE',
    line: 'SECOND',
    kind: 'INTERNAL',
  },
  {
    code: 'TLPE-HERITAGE',
    labels: {
      fr: 'Patrimoine (monuments et sites)',
      de: 'Denkmalpflege (Denkmäler und Landschaften)',
      nl: 'Erfgoed (monumenten en landschappen)',
      en: 'Heritage (monuments and sites)',
    },
    departmentCode: 'SPW-TLPE',
    line: 'SECOND',
    kind: 'INTERNAL',
  },

  // ── Second line: Agriculture, Ressources naturelles et Environnement ────────────────────
  {
    code: 'ARNE-ENVIRONMENT',
    labels: {
      fr: 'Permis et autorisations environnementales',
      de: 'Umweltgenehmigungen und -zulassungen',
      nl: 'Milieuvergunningen en -machtigingen',
      en: 'Environmental permits and authorisations',
    },
    departmentCode: 'SPW-ARNE',
    line: 'SECOND',
    kind: 'INTERNAL',
    website: 'https://permis-environnement.spw.wallonie.be',
  },
  {
    code: 'ARNE-DNF',
    labels: {
      fr: 'Département de la Nature et des Forêts (DNF) – Chasse et pêche',
      de: 'Abteilung Natur und Forstwesen (DNF) – Jagd und Fischerei',
      nl: 'Departement Natuur en Bossen (DNF) – Jacht en visvangst',
      en: 'Department of Nature and Forests (DNF) – Hunting and fishing',
    },
    departmentCode: 'SPW-ARNE',
    line: 'SECOND',
    kind: 'INTERNAL',
  },
  {
    code: 'ARNE-OPW',
    labels: {
      fr: 'Organisme payeur de Wallonie (OPW)',
      de: 'Zahlstelle der Wallonie (OPW)',
      nl: 'Betaalorgaan van Wallonië (OPW)',
      en: 'Paying Agency of Wallonia (OPW)',
    },
    departmentCode: 'SPW-ARNE',
    line: 'SECOND',
    kind: 'INTERNAL',
    website: 'https://agriculture.wallonie.be',
  },
  {
    code: 'ARNE-WASTE',
    labels: {
      fr: 'Département du Sol et des Déchets',
      de: 'Abteilung Boden und Abfälle',
      nl: 'Departement Bodem en Afval',
      en: 'Soil and Waste Department',
    },
    departmentCode: 'SPW-ARNE',
    line: 'SECOND',
    kind: 'INTERNAL',
  },

  // ── Second line: Mobilité et Infrastructures ─────────────────────────────────────────────
  {
    code: 'MI-ROADS',
    labels: {
      fr: 'Directions des routes (réseau régional, transports exceptionnels)',
      de: 'Straßendirektionen (regionales Straßennetz, Sondertransporte)',
      nl: 'Wegendirecties (gewestelijk wegennet, uitzonderlijk vervoer)',
      en: 'Road directorates (regional network, exceptional transport)',
    },
    departmentCode: 'SPW-MI',
    line: 'SECOND',
    kind: 'INTERNAL',
  },
  {
    code: 'MI-MOBILITY',
    labels: {
      fr: 'Mobilité (limitations de vitesse, réglementation routière)',
      de: 'Mobilität (Geschwindigkeitsbegrenzungen, Verkehrsregeln)',
      nl: 'Mobiliteit (snelheidsbeperkingen, verkeersreglementering)',
      en: 'Mobility (speed limits, traffic regulations)',
    },
    departmentCode: 'SPW-MI',
    line: 'SECOND',
    kind: 'INTERNAL',
  },

  // ── Second line: Intérieur et Action sociale ─────────────────────────────────────────────
  {
    code: 'IAS-SOCIAL',
    labels: {
      fr: "Action sociale",
      de: 'Sozialwesen',
      nl: 'Sociale actie',
      en: 'Social action',
    },
    departmentCode: 'SPW-IAS',
    line: 'SECOND',
    kind: 'INTERNAL',
    website: 'https://luttepauvrete.wallonie.be',
  },
  {
    code: 'IAS-SOCIAL-EMERGENCY',
    labels: {
      fr: '1718 Urgences sociales (assistants sociaux)',
      de: '1718 Soziale Notlagen (Sozialarbeiter)',
      nl: '1718 Sociale noodgevallen (maatschappelijk werkers)',
      en: '1718 Social emergencies (social workers)',
    },
    departmentCode: 'SPW-IAS',
    line: 'SECOND',
    kind: 'INTERNAL',
  },
  {
    code: 'IAS-LOCAL',
    labels: {
      fr: 'Pouvoirs locaux (tutelle et finances locales)',
      de: 'Lokale Behörden (Aufsicht und lokale Finanzen)',
      nl: 'Lokale besturen (toezicht en lokale financiën)',
      en: 'Local authorities (supervision and local finances)',
    },
    departmentCode: 'SPW-IAS',
    line: 'SECOND',
    kind: 'INTERNAL',
  },

  // ── Second line: Économie, Emploi, Recherche ─────────────────────────────────────────────
  {
    code: 'EER-EMPLOYMENT',
    labels: {
      fr: 'Emploi, formation et aides aux entreprises',
      de: 'Beschäftigung, Ausbildung und Unternehmensbeihilfen',
      nl: 'Werkgelegenheid, opleiding en steun aan ondernemingen',
      en: 'Employment, training and business aid',
    },
    departmentCode: 'SPW-EER',
    line: 'SECOND',
    kind: 'INTERNAL',
    website: 'https://emploi.wallonie.be',
  },

  // ── Second line: Finances (pôle Fiscalité) ───────────────────────────────────────────────
  {
    code: 'FIN-TAX',
    labels: {
      fr: 'SPW Finances – pôle Fiscalité (taxes régionales)',
      de: 'SPW Finanzen – Bereich Steuerwesen (regionale Steuern)',
      nl: 'SPW Financiën – pool Fiscaliteit (gewestelijke belastingen)',
      en: 'SPW Finance – Taxation division (regional taxes)',
    },
    departmentCode: 'SPW-FIN',
    line: 'SECOND',
    kind: 'INTERNAL',
    email: 'fiscalite.wallonie@spw.wallonie.be',
    website: 'https://finances.wallonie.be',
    // Counter and hours from a 2014 DGO7 leaflet; current validity unconfirmed.
    address: 'Avenue Gouverneur Bovesse 29, 5100 Jambes',
    openingHours: 'Lu–Ve 08:00–12:30 / 13:30–16:00',
  },

  // ── Third line ──────────────────────────────────────────────────────────────────────────
  {
    code: 'TLPE-ENERGY-EXPERT',
    labels: {
      fr: "Cellule d'expertise technique énergie",
      de: 'Technische Fachstelle Energie',
      nl: 'Cel technische expertise energie',
      en: 'Energy technical expertise unit',
    },
    departmentCode: 'SPW-TLPE',
    line: 'THIRD',
    kind: 'INTERNAL',
  },
  {
    code: 'ARNE-DPC',
    labels: {
      fr: 'Département de la Police et des Contrôles (DPC)',
      de: 'Abteilung Polizei und Kontrollen (DPC)',
      nl: 'Departement Politie en Controles (DPC)',
      en: 'Police and Inspections Department (DPC)',
    },
    departmentCode: 'SPW-ARNE',
    line: 'THIRD',
    kind: 'INTERNAL',
  },
  {
    code: 'ARNE-DEMNA',
    labels: {
      fr: "Département de l'Étude du milieu naturel et agricole (DEMNA)",
      de: 'Abteilung Studien der natürlichen und landwirtschaftlichen Umwelt (DEMNA)',
      nl: 'Departement Studie van het Natuurlijk en Landbouwmilieu (DEMNA)',
      en: 'Department for the Study of the Natural and Agricultural Environment (DEMNA)',
    },
    departmentCode: 'SPW-ARNE',
    line: 'THIRD',
    kind: 'INTERNAL',
  },
  {
    code: 'ARNE-DCENN',
    labels: {
      fr: "Direction des Cours d'eau non navigables (DCENN)",
      de: 'Direktion der nicht schiffbaren Wasserläufe (DCENN)',
      nl: 'Directie Onbevaarbare Waterlopen (DCENN)',
      en: 'Non-navigable Watercourses Directorate (DCENN)',
    },
    departmentCode: 'SPW-ARNE',
    line: 'THIRD',
    kind: 'INTERNAL',
  },
  {
    code: 'MI-DGH',
    labels: {
      fr: 'Direction de la Gestion hydrologique (DGH)',
      de: 'Direktion der hydrologischen Bewirtschaftung (DGH)',
      nl: 'Directie Hydrologisch Beheer (DGH)',
      en: 'Hydrological Management Directorate (DGH)',
    },
    departmentCode: 'SPW-MI',
    line: 'THIRD',
    kind: 'INTERNAL',
    website: 'https://hydrometrie.wallonie.be',
  },
  {
    code: 'SG-EWBS',
    labels: {
      fr: 'eWBS – e-Wallonie-Bruxelles Simplification',
      de: 'eWBS – e-Wallonie-Bruxelles Simplification (Verwaltungsvereinfachung)',
      nl: 'eWBS – e-Wallonie-Bruxelles Simplification (administratieve vereenvoudiging)',
      en: 'eWBS – e-Wallonia-Brussels Simplification',
    },
    departmentCode: 'SPW-SG',
    line: 'THIRD',
    kind: 'INTERNAL',
    email: 'info@ensemblesimplifions.be',
    website: 'https://www.ensemblesimplifions.be',
  },
  {
    code: 'FIN-CONTROL-BRIGADES',
    labels: {
      fr: 'Brigades de contrôle fiscal (Spy, Marcinelle, Wanlin, Verviers)',
      de: 'Steuerkontrollbrigaden (Spy, Marcinelle, Wanlin, Verviers)',
      nl: 'Fiscale controlebrigades (Spy, Marcinelle, Wanlin, Verviers)',
      en: 'Tax control brigades (Spy, Marcinelle, Wanlin, Verviers)',
    },
    departmentCode: 'SPW-FIN',
    line: 'THIRD',
    kind: 'INTERNAL',
  },
];

// External services are orientation/redirect targets only; their line is not meaningful and
// is set to SECOND by convention.
const external: ServiceSeed[] = [
  {
    code: 'EXT-TAX-CALLCENTRE',
    labels: {
      fr: 'Call center Fiscalité – SPW Finances (dossiers fiscaux personnels)',
      de: 'Callcenter Steuerwesen – SPW Finanzen (persönliche Steuerakten)',
      nl: 'Callcenter Fiscaliteit – SPW Financiën (persoonlijke belastingdossiers)',
      en: 'SPW Finance tax call centre (personal tax files)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    // Number printed in a 2014 DGO7 leaflet; its current validity is unconfirmed.
    phone: '081 33 00 01',
    email: 'fiscalite.wallonie@spw.wallonie.be',
    website: 'https://finances.wallonie.be',
  },
  {
    code: 'EXT-SOS-ENVIRONMENT',
    labels: {
      fr: 'SOS Environnement-Nature (1718, option 2)',
      de: 'SOS Umwelt-Natur (1718, Option 2)',
      nl: 'SOS Leefmilieu-Natuur (1718, optie 2)',
      en: 'SOS Environment-Nature (1718, option 2)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    phone: '1718',
    openingHours: '24h/24, 7j/7 (1718, option 2)',
  },
  {
    code: 'EXT-SPF-FINANCES',
    labels: {
      fr: 'SPF Finances',
      de: 'FÖD Finanzen',
      nl: 'FOD Financiën',
      en: 'FPS Finance',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'FEDERAL',
    website: 'https://finances.belgium.be',
  },
  {
    code: 'EXT-SPF-MOBILITY-DIV',
    labels: {
      fr: "SPF Mobilité et Transports – Direction pour l'Immatriculation des Véhicules (DIV)",
      de: 'FÖD Mobilität und Transportwesen – Dienst für Fahrzeugzulassungen (DIV)',
      nl: 'FOD Mobiliteit en Vervoer – Dienst Inschrijvingen van Voertuigen (DIV)',
      en: 'FPS Mobility and Transport – Vehicle Registration Service (DIV)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'FEDERAL',
    website: 'https://mobilit.belgium.be',
  },
  {
    code: 'EXT-SPF-INTERIOR',
    labels: {
      fr: 'SPF Intérieur (Registre national, eID, urgences 112 / 1722)',
      de: 'FÖD Inneres (Nationalregister, eID, Notruf 112 / 1722)',
      nl: 'FOD Binnenlandse Zaken (Rijksregister, eID, noodnummers 112 / 1722)',
      en: 'FPS Home Affairs (National Register, eID, emergency 112 / 1722)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'FEDERAL',
    website: 'https://www.ibz.be',
  },
  {
    code: 'EXT-SPF-SOCIAL-SECURITY',
    labels: {
      fr: 'SPF Sécurité sociale',
      de: 'FÖD Soziale Sicherheit',
      nl: 'FOD Sociale Zekerheid',
      en: 'FPS Social Security',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'FEDERAL',
    website: 'https://socialsecurity.belgium.be',
  },
  {
    code: 'EXT-FWB',
    labels: {
      fr: 'Fédération Wallonie-Bruxelles',
      de: 'Föderation Wallonie-Brüssel',
      nl: 'Federatie Wallonië-Brussel',
      en: 'Wallonia-Brussels Federation',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'COMMUNITY',
    website: 'https://www.federation-wallonie-bruxelles.be',
  },
  {
    code: 'EXT-OSTBELGIEN',
    labels: {
      fr: 'Communauté germanophone (Ostbelgien)',
      de: 'Deutschsprachige Gemeinschaft (Ostbelgien)',
      nl: 'Duitstalige Gemeenschap (Ostbelgien)',
      en: 'German-speaking Community (Ostbelgien)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'COMMUNITY',
    website: 'https://www.ostbelgienlive.be',
  },
  {
    code: 'EXT-MEDIATEUR',
    labels: {
      fr: 'Le Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles',
      de: 'Der Ombudsmann der Wallonie und der Föderation Wallonie-Brüssel',
      nl: 'De Ombudsman van Wallonië en de Federatie Wallonië-Brussel',
      en: 'The Ombudsman of Wallonia and the Wallonia-Brussels Federation',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.le-mediateur.be',
  },
  {
    code: 'EXT-FOREM',
    labels: {
      fr: 'Le Forem',
      de: 'Le Forem (wallonischer Dienst für Berufsausbildung und Arbeitsvermittlung)',
      nl: 'Le Forem (Waalse dienst voor arbeidsbemiddeling en beroepsopleiding)',
      en: 'Le Forem (Walloon public employment and training service)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.leforem.be',
  },
  {
    code: 'EXT-AVIQ',
    labels: {
      fr: "AVIQ – Agence pour une Vie de Qualité",
      de: 'AVIQ – Agentur für ein Leben mit Qualität',
      nl: 'AVIQ – Agentschap voor een Kwaliteitsvol Leven',
      en: 'AVIQ – Walloon Agency for a Quality Life',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.aviq.be',
  },
  {
    code: 'EXT-FAMIWAL',
    labels: {
      fr: "FAMIWAL – caisse publique d'allocations familiales",
      de: 'FAMIWAL – öffentliche Familienbeihilfekasse',
      nl: 'FAMIWAL – openbaar kinderbijslagfonds',
      en: 'FAMIWAL – public family allowance fund',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.famiwal.be',
  },
  {
    code: 'EXT-SWCS',
    labels: {
      fr: 'Société wallonne du Crédit social (SWCS) et guichets du crédit social',
      de: 'Wallonische Gesellschaft für Sozialkredit (SWCS) und Sozialkreditschalter',
      nl: 'Waalse Maatschappij voor Sociaal Krediet (SWCS) en loketten voor sociaal krediet',
      en: 'Walloon Social Credit Company (SWCS) and social credit offices',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.swcs.be',
  },
  {
    code: 'EXT-FLW',
    labels: {
      fr: 'Fonds du Logement des familles nombreuses de Wallonie (FLW)',
      de: 'Wohnungsfonds der kinderreichen Familien der Wallonie (FLW)',
      nl: 'Woningfonds van de kroostrijke gezinnen van Wallonië (FLW)',
      en: 'Housing Fund for Large Families of Wallonia (FLW)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.flw.be',
  },
  {
    code: 'EXT-SWL',
    labels: {
      fr: 'Société wallonne du Logement (SWL)',
      de: 'Wallonische Wohnungsbaugesellschaft (SWL)',
      nl: 'Waalse Huisvestingsmaatschappij (SWL)',
      en: 'Walloon Housing Company (SWL)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.swl.be',
  },
  {
    code: 'EXT-GUICHETS-ENERGIE',
    labels: {
      fr: 'Guichets Énergie Wallonie',
      de: 'Energieschalter der Wallonie',
      nl: 'Energieloketten van Wallonië',
      en: 'Wallonia Energy Advice Centres (Guichets Énergie)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://energie.wallonie.be',
  },
  {
    code: 'EXT-WALLONIE-ENTREPRENDRE',
    labels: {
      fr: 'Wallonie Entreprendre (WE)',
      de: 'Wallonie Entreprendre (WE)',
      nl: 'Wallonie Entreprendre (WE)',
      en: 'Wallonie Entreprendre (WE)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.wallonie-entreprendre.be',
  },
  {
    code: 'EXT-AWEX',
    labels: {
      fr: "Agence wallonne à l'Exportation et aux Investissements étrangers (AWEx)",
      de: 'Wallonische Agentur für Export und ausländische Investitionen (AWEx)',
      nl: 'Waals Agentschap voor Export en Buitenlandse Investeringen (AWEx)',
      en: 'Wallonia Export & Investment Agency (AWEx)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.awex.be',
  },
  {
    code: 'EXT-OEWB',
    labels: {
      fr: 'Office économique wallon du bois',
      de: 'Wallonisches Wirtschaftsamt für Holz',
      nl: 'Waals Economisch Bureau voor Hout',
      en: 'Walloon Wood Economic Office',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://www.oewb.be',
  },
  {
    code: 'EXT-SOFICO',
    labels: {
      fr: 'SOFICO – Société wallonne de financement complémentaire des infrastructures',
      de: 'SOFICO – Wallonische Gesellschaft für die ergänzende Finanzierung der Infrastrukturen',
      nl: 'SOFICO – Waalse Maatschappij voor de aanvullende financiering van infrastructuur',
      en: 'SOFICO – Walloon company for the complementary financing of infrastructure',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'REGIONAL',
    website: 'https://sofico.org',
  },
  {
    code: 'EXT-COMMUNE-NAMUR',
    labels: {
      fr: 'Ville de Namur',
      de: 'Stadt Namür',
      nl: 'Stad Namen',
      en: 'City of Namur',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'LOCAL',
    website: 'https://www.namur.be',
  },
  {
    code: 'EXT-COMMUNE-LIEGE',
    labels: {
      fr: 'Ville de Liège',
      de: 'Stadt Lüttich',
      nl: 'Stad Luik',
      en: 'City of Liège',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'LOCAL',
    website: 'https://www.liege.be',
  },
  {
    code: 'EXT-CPAS-NAMUR',
    labels: {
      fr: "CPAS de Namur",
      de: 'ÖSHZ Namür',
      nl: 'OCMW Namen',
      en: 'Namur Public Social Welfare Centre (CPAS)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'LOCAL',
    website: 'https://www.cpasnamur.be',
  },
  {
    code: 'EXT-ORES',
    labels: {
      fr: "ORES (gestionnaire de réseau de distribution d'électricité et de gaz)",
      de: 'ORES (Verteilernetzbetreiber für Strom und Gas)',
      nl: 'ORES (distributienetbeheerder voor elektriciteit en gas)',
      en: 'ORES (electricity and gas distribution network operator)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'OPERATOR',
    website: 'https://www.ores.be',
  },
  {
    code: 'EXT-SWDE',
    labels: {
      fr: 'SWDE – Société wallonne des eaux',
      de: 'SWDE – Wallonische Wassergesellschaft',
      nl: 'SWDE – Waalse Watermaatschappij',
      en: 'SWDE – Walloon Water Company',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'OPERATOR',
    website: 'https://www.swde.be',
  },
  {
    code: 'EXT-OTW',
    labels: {
      fr: 'Opérateur de Transport de Wallonie (TEC)',
      de: 'Wallonischer Verkehrsbetreiber (TEC)',
      nl: 'Waalse Vervoersmaatschappij (TEC)',
      en: 'Walloon Transport Operator (TEC buses)',
    },
    line: 'SECOND',
    kind: 'EXTERNAL',
    authorityLevel: 'OPERATOR',
    website: 'https://www.letec.be',
  },
];

export const services: ServiceSeed[] = [...internal, ...external];
