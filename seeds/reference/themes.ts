// The theme taxonomy the first line classifies contacts with: the twelve business themes of the
// 1718, a general-information theme, and sub-themes with dotted codes (the parent is the code
// before the last dot). Each theme names the second-line service that receives handoffs on it.
import type { FullLabels, ThemeSeed } from './types.js';

type Labels4 = [fr: string, de: string, nl: string, en: string];

function labels([fr, de, nl, en]: Labels4): FullLabels {
  return { fr, de, nl, en };
}

function theme(
  code: string,
  position: number,
  defaultServiceCode: string,
  names: Labels4,
  routing: Pick<ThemeSeed, 'firstLineExcluded' | 'redirectServiceCode' | 'redirectMessage'> = {},
): ThemeSeed {
  const dot = code.lastIndexOf('.');
  return {
    code,
    ...(dot > 0 ? { parentCode: code.slice(0, dot) } : {}),
    labels: labels(names),
    defaultServiceCode,
    ...routing,
    position,
  };
}

export const themes: ThemeSeed[] = [
  // ── Housing ──────────────────────────────────────────────────────────────────────────────
  theme('HOUSING', 1, 'TLPE-HOUSING', ['Logement', 'Wohnungswesen', 'Huisvesting', 'Housing']),
  theme('HOUSING.PREMIUMS', 1, 'TLPE-HOUSING', [
    'Primes Habitation',
    'Wohnungsprämien',
    'Woningpremies',
    'Home renovation premiums',
  ]),
  theme('HOUSING.LOANS', 2, 'TLPE-HOUSING', [
    'Prêts hypothécaires et prêts à la rénovation',
    'Hypothekar- und Renovierungsdarlehen',
    'Hypothecaire leningen en renovatieleningen',
    'Mortgage and renovation loans',
  ]),
  theme('HOUSING.ALLOWANCES', 3, 'TLPE-HOUSING', [
    "Allocations de loyer et d'installation",
    'Miet- und Einzugszulagen',
    'Huur- en installatietoelagen',
    'Rent and moving-in allowances',
  ]),
  theme('HOUSING.CHEQUE_HABITAT', 4, 'TLPE-HOUSING', [
    'Chèque Habitat',
    'Wohnscheck (Chèque Habitat)',
    'Woningcheque (Chèque Habitat)',
    'Housing tax credit (Chèque Habitat)',
  ]),
  theme('HOUSING.QUALITY', 5, 'TLPE-HOUSING', [
    'Qualité et salubrité des logements',
    'Wohnqualität und gesunde Wohnverhältnisse',
    'Woningkwaliteit en gezond wonen',
    'Housing quality and safety',
  ]),
  theme('HOUSING.SOCIAL_HOUSING', 6, 'TLPE-HOUSING', [
    'Logement public',
    'Sozialwohnungen',
    'Sociale huisvesting',
    'Social housing',
  ]),

  // ── Energy ───────────────────────────────────────────────────────────────────────────────
  theme('ENERGY', 2, 'TLPE-ENERGY', ['Énergie', 'Energie', 'Energie', 'Energy']),
  theme('ENERGY.PREMIUMS', 1, 'TLPE-ENERGY', [
    'Primes énergie (isolation, chauffage)',
    'Energieprämien (Dämmung, Heizung)',
    'Energiepremies (isolatie, verwarming)',
    'Energy premiums (insulation, heating)',
  ]),
  theme('ENERGY.AUDIT', 2, 'TLPE-ENERGY', [
    'Audit logement',
    'Wohnungsaudit',
    'Woningaudit',
    'Home energy audit',
  ]),
  theme('ENERGY.PUBLIC_BUILDINGS', 3, 'TLPE-ENERGY', [
    'Subsides UREBA (bâtiments publics et non marchands)',
    'UREBA-Zuschüsse (öffentliche Gebäude und Non-Profit-Sektor)',
    'UREBA-subsidies (openbare gebouwen en non-profitsector)',
    'UREBA grants (public and non-profit buildings)',
  ]),
  theme('ENERGY.ADVICE', 4, 'TLPE-ENERGY', [
    'Conseils en énergie',
    'Energieberatung',
    'Energieadvies',
    'Energy advice',
  ]),

  // ── Roads ────────────────────────────────────────────────────────────────────────────────
  theme('ROADS', 3, 'MI-ROADS', ['Routes', 'Straßen', 'Wegen', 'Roads']),
  theme('ROADS.EXCEPTIONAL_TRANSPORT', 1, 'MI-ROADS', [
    'Transports exceptionnels',
    'Sondertransporte',
    'Uitzonderlijk vervoer',
    'Exceptional transport',
  ]),
  theme('ROADS.NETWORK', 2, 'MI-ROADS', [
    'État des routes et chantiers',
    'Straßenzustand und Baustellen',
    'Staat van de wegen en wegenwerken',
    'Road conditions and roadworks',
  ]),

  // ── Mobility ─────────────────────────────────────────────────────────────────────────────
  theme('MOBILITY', 4, 'MI-MOBILITY', ['Mobilité', 'Mobilität', 'Mobiliteit', 'Mobility']),
  theme('MOBILITY.TRAFFIC_RULES', 1, 'MI-MOBILITY', [
    'Limitations de vitesse et signalisation',
    'Geschwindigkeitsbegrenzungen und Verkehrszeichen',
    'Snelheidsbeperkingen en verkeerssignalisatie',
    'Speed limits and road signs',
  ]),
  theme('MOBILITY.PUBLIC_TRANSPORT', 2, 'MI-MOBILITY', [
    'Transports en commun',
    'Öffentlicher Verkehr',
    'Openbaar vervoer',
    'Public transport',
  ]),
  theme('MOBILITY.VEHICLE_REGISTRATION', 3, 'MI-MOBILITY', [
    'Immatriculation des véhicules',
    'Fahrzeugzulassung',
    'Inschrijving van voertuigen',
    'Vehicle registration',
  ]),

  // ── Social action ────────────────────────────────────────────────────────────────────────
  theme('SOCIAL', 5, 'IAS-SOCIAL', ['Action sociale', 'Sozialwesen', 'Sociale actie', 'Social action']),
  theme('SOCIAL.EMERGENCY', 1, 'IAS-SOCIAL-EMERGENCY', [
    'Urgences sociales',
    'Soziale Notlagen',
    'Sociale noodsituaties',
    'Social emergencies',
  ]),
  theme('SOCIAL.FAMILY', 2, 'IAS-SOCIAL', [
    'Allocations familiales et prime de naissance',
    'Familienleistungen und Geburtsprämie',
    'Kinderbijslag en geboortepremie',
    'Family allowances and birth grant',
  ]),
  theme('SOCIAL.DISABILITY', 3, 'IAS-SOCIAL', [
    'Handicap et santé',
    'Behinderung und Gesundheit',
    'Handicap en gezondheid',
    'Disability and health',
  ]),
  theme('SOCIAL.POVERTY', 4, 'IAS-SOCIAL', [
    'Lutte contre la pauvreté',
    'Armutsbekämpfung',
    'Armoedebestrijding',
    'Fighting poverty',
  ]),

  // ── Environment ──────────────────────────────────────────────────────────────────────────
  theme('ENVIRONMENT', 6, 'ARNE-ENVIRONMENT', ['Environnement', 'Umwelt', 'Leefmilieu', 'Environment']),
  theme(
    'ENVIRONMENT.POLLUTION',
    1,
    'ARNE-ENVIRONMENT',
    ['Signaler une pollution', 'Eine Verschmutzung melden', 'Een vervuiling melden', 'Report pollution'],
    {
      // Not excluded: the first line records the report, and points to the 24/7 on-duty line.
      redirectServiceCode: 'EXT-SOS-ENVIRONMENT',
      redirectMessage: {
        fr: "Pour signaler une pollution ou une atteinte à l'environnement, 24 heures sur 24 et 7 jours sur 7, appelez le 1718 et choisissez l'option 2 : SOS Environnement-Nature dépêche un agent de garde.",
        de: 'Um eine Verschmutzung oder eine Umweltschädigung zu melden, rufen Sie rund um die Uhr die 1718 an und wählen Sie Option 2: SOS Umwelt-Natur schickt einen Bereitschaftsbeamten.',
        nl: 'Om een vervuiling of een aantasting van het leefmilieu te melden, belt u dag en nacht het nummer 1718 en kiest u optie 2: SOS Leefmilieu-Natuur stuurt een dienstdoende ambtenaar.',
        en: 'To report pollution or damage to the environment, call 1718 at any time, day or night, and choose option 2: SOS Environment-Nature will send an on-duty officer.',
      },
    },
  ),
  theme('ENVIRONMENT.PERMITS', 2, 'ARNE-ENVIRONMENT', [
    "Permis d'environnement et permis unique",
    'Umweltgenehmigungen und Globalgenehmigungen',
    'Milieuvergunningen en globale vergunningen',
    'Environmental and single permits',
  ]),
  theme('ENVIRONMENT.HUNTING_FISHING', 3, 'ARNE-DNF', [
    'Chasse et pêche',
    'Jagd und Fischerei',
    'Jacht en visvangst',
    'Hunting and fishing',
  ]),
  theme('ENVIRONMENT.NATURE_FORESTS', 4, 'ARNE-DNF', [
    'Nature et forêts',
    'Natur und Wälder',
    'Natuur en bossen',
    'Nature and forests',
  ]),
  theme('ENVIRONMENT.WASTE', 5, 'ARNE-WASTE', [
    'Sols et déchets',
    'Böden und Abfälle',
    'Bodem en afval',
    'Soil and waste',
  ]),
  theme('ENVIRONMENT.WATER', 6, 'ARNE-ENVIRONMENT', [
    'Eau et épuration',
    'Wasser und Abwasserreinigung',
    'Water en waterzuivering',
    'Water and wastewater treatment',
  ]),

  // ── Agriculture ──────────────────────────────────────────────────────────────────────────
  theme('AGRICULTURE', 7, 'ARNE-OPW', ['Agriculture', 'Landwirtschaft', 'Landbouw', 'Agriculture']),
  theme('AGRICULTURE.CAP_AIDS', 1, 'ARNE-OPW', [
    'Aides de la PAC (paiements directs)',
    'GAP-Beihilfen (Direktzahlungen)',
    'GLB-steun (rechtstreekse betalingen)',
    'CAP aid (direct payments)',
  ]),
  theme('AGRICULTURE.AREA_DECLARATION', 2, 'ARNE-OPW', [
    'Déclaration de superficie',
    'Flächenerklärung',
    'Oppervlakteaangifte',
    'Area declaration',
  ]),
  theme('AGRICULTURE.AGRI_ENVIRONMENT', 3, 'ARNE-OPW', [
    'MAEC et agriculture biologique',
    'Agrarumwelt- und Klimamaßnahmen und ökologischer Landbau',
    'Agromilieu- en klimaatmaatregelen en biologische landbouw',
    'Agri-environment-climate measures and organic farming',
  ]),

  // ── Taxation ─────────────────────────────────────────────────────────────────────────────
  theme('TAXATION', 8, 'FIN-TAX', ['Fiscalité', 'Steuerwesen', 'Fiscaliteit', 'Taxation']),
  theme('TAXATION.VEHICLES', 1, 'FIN-TAX', [
    'Taxes sur les véhicules',
    'Fahrzeugsteuern',
    'Voertuigbelastingen',
    'Vehicle taxes',
  ]),
  theme('TAXATION.PROPERTY', 2, 'FIN-TAX', [
    'Précompte immobilier',
    'Immobiliensteuervorabzug',
    'Onroerende voorheffing',
    'Property tax (précompte immobilier)',
  ]),
  theme('TAXATION.TV_LICENCE', 3, 'FIN-TAX', [
    'Redevance télévision (arriérés)',
    'Fernsehgebühr (Rückstände)',
    'Kijkgeld (achterstallen)',
    'TV licence fee (arrears)',
  ]),
  theme('TAXATION.GAMING', 4, 'FIN-TAX', [
    'Taxe sur les jeux et paris',
    'Steuer auf Spiele und Wetten',
    'Belasting op spelen en weddenschappen',
    'Tax on gaming and betting',
  ]),
  theme('TAXATION.COMPLAINTS', 5, 'FIN-TAX', [
    'Réclamations et dégrèvements',
    'Beschwerden und Steuererlass',
    'Bezwaarschriften en ontheffingen',
    'Tax complaints and relief',
  ]),
  theme(
    'TAXATION.PERSONAL_FILE',
    6,
    'FIN-TAX',
    ['Dossier fiscal personnel', 'Persönliche Steuerakte', 'Persoonlijk belastingdossier', 'Personal tax file'],
    {
      // Personal tax data needs special access: the 1718 does not handle these contacts.
      firstLineExcluded: true,
      redirectServiceCode: 'EXT-TAX-CALLCENTRE',
      redirectMessage: {
        fr: "Les questions sur votre dossier fiscal personnel ne sont pas traitées par le 1718. Veuillez contacter le call center Fiscalité du SPW Finances, qui a accès à votre dossier.",
        de: 'Fragen zu Ihrer persönlichen Steuerakte werden nicht von der Nummer 1718/1719 bearbeitet. Bitte wenden Sie sich an das Callcenter Steuerwesen des SPW Finanzen, das Zugang zu Ihrer Akte hat.',
        nl: 'Vragen over uw persoonlijk belastingdossier worden niet door het nummer 1718 behandeld. Neem contact op met het callcenter Fiscaliteit van SPW Financiën, dat toegang heeft tot uw dossier.',
        en: 'Questions about your personal tax file are not handled by the 1718. Please contact the SPW Finance tax call centre, which has access to your file.',
      },
    },
  ),

  // ── Employment, training and economy ─────────────────────────────────────────────────────
  theme('EMPLOYMENT', 9, 'EER-EMPLOYMENT', [
    'Emploi, formation et économie',
    'Beschäftigung, Ausbildung und Wirtschaft',
    'Werk, opleiding en economie',
    'Employment, training and economy',
  ]),
  theme('EMPLOYMENT.JOB_SEEKING', 1, 'EER-EMPLOYMENT', [
    "Recherche d'emploi et formation",
    'Arbeitssuche und Ausbildung',
    'Werk zoeken en opleiding',
    'Job seeking and training',
  ]),
  theme('EMPLOYMENT.APE', 2, 'EER-EMPLOYMENT', [
    "Aides à la promotion de l'emploi (APE)",
    'Beihilfen zur Förderung der Beschäftigung (APE)',
    'Steun voor de bevordering van de werkgelegenheid (APE)',
    'Employment promotion aid (APE)',
  ]),
  theme('EMPLOYMENT.BUSINESS_AID', 3, 'EER-EMPLOYMENT', [
    'Chèques-entreprises et aides aux entreprises',
    'Unternehmensschecks und Unternehmensbeihilfen',
    'Bedrijfscheques en steun aan ondernemingen',
    'Business vouchers and business aid',
  ]),

  // ── Territory and urban planning ─────────────────────────────────────────────────────────
  theme('TERRITORY', 10, 'TLPE-PLANNING', [
    'Aménagement du territoire et urbanisme',
    'Raumordnung und Städtebau',
    'Ruimtelijke ordening en stedenbouw',
    'Spatial and urban planning',
  ]),
  theme('TERRITORY.PLANNING_PERMITS', 1, 'TLPE-PLANNING', [
    "Permis d'urbanisme et d'urbanisation",
    'Städtebau- und Verstädterungsgenehmigungen',
    'Stedenbouwkundige vergunningen en verkavelingsvergunningen',
    'Planning and land development permits',
  ]),
  theme('TERRITORY.PLANNING_CERTIFICATES', 2, 'TLPE-PLANNING', [
    "Certificats d'urbanisme",
    'Städtebaubescheinigungen',
    'Stedenbouwkundige attesten',
    'Planning certificates',
  ]),
  theme('TERRITORY.REGIONAL_PLANNING', 3, 'TLPE-PLANNING', [
    'Plan de secteur et schémas de développement',
    'Sektorenplan und Entwicklungsschemata',
    "Gewestplan en ontwikkelingsschema's",
    'Zoning plan and development schemes',
  ]),

  // ── Heritage ─────────────────────────────────────────────────────────────────────────────
  theme('HERITAGE', 11, 'TLPE-HERITAGE', ['Patrimoine', 'Kulturerbe', 'Erfgoed', 'Heritage']),
  theme('HERITAGE.HERITAGE_DAYS', 1, 'TLPE-HERITAGE', [
    'Journées du patrimoine',
    'Tage des offenen Denkmals',
    'Open Monumentendagen',
    'Heritage Days',
  ]),
  theme('HERITAGE.LISTED_BUILDINGS', 2, 'TLPE-HERITAGE', [
    'Monuments et sites classés',
    'Denkmalgeschützte Gebäude und Landschaften',
    'Beschermde monumenten en landschappen',
    'Listed buildings and sites',
  ]),

  // ── Local authorities ────────────────────────────────────────────────────────────────────
  theme('LOCAL_AUTHORITIES', 12, 'IAS-LOCAL', [
    'Pouvoirs locaux',
    'Lokale Behörden',
    'Lokale besturen',
    'Local authorities',
  ]),
  theme('LOCAL_AUTHORITIES.SUPERVISION', 1, 'IAS-LOCAL', [
    'Tutelle sur les communes',
    'Aufsicht über die Gemeinden',
    'Toezicht op de gemeenten',
    'Supervision of municipalities',
  ]),
  theme('LOCAL_AUTHORITIES.LOCAL_FINANCES', 2, 'IAS-LOCAL', [
    'Finances locales',
    'Lokale Finanzen',
    'Lokale financiën',
    'Local finances',
  ]),
  theme('LOCAL_AUTHORITIES.ELECTIONS', 3, 'IAS-LOCAL', [
    'Élections locales',
    'Kommunalwahlen',
    'Lokale verkiezingen',
    'Local elections',
  ]),

  // ── General information (handled by the first line itself) ──────────────────────────────
  theme('INFORMATION', 13, 'SG-1718', [
    'Information générale et publications',
    'Allgemeine Informationen und Veröffentlichungen',
    'Algemene informatie en publicaties',
    'General information and publications',
  ]),
  theme('INFORMATION.PUBLICATIONS', 1, 'SG-1718', [
    'Commande de brochures et publications',
    'Bestellung von Broschüren und Veröffentlichungen',
    'Bestelling van brochures en publicaties',
    'Ordering brochures and publications',
  ]),
  theme('INFORMATION.ORIENTATION', 2, 'SG-1718', [
    'Orientation vers le service compétent',
    'Weiterleitung an die zuständige Stelle',
    'Doorverwijzing naar de bevoegde dienst',
    'Referral to the competent service',
  ]),
  theme('INFORMATION.FILE_STATUS', 3, 'SG-1718', [
    "État d'avancement d'un dossier",
    'Bearbeitungsstand einer Akte',
    'Stand van zaken van een dossier',
    'Status of a file',
  ]),
  theme('INFORMATION.COMPLAINTS', 4, 'SG-1718', [
    'Plaintes et médiation',
    'Beschwerden und Ombudsdienst',
    'Klachten en ombudsdienst',
    'Complaints and ombudsman',
  ]),
];
