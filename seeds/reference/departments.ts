// The bodies of the Service public de Wallonie (SPW) in their post-2021 form ("Projet Connexions"):
// SPW Finances absorbed SPW Fiscalité (and budget/treasury), SPW Support and SPW Digital replaced
// SPW Budget, Logistique et TIC. "SPW" is kept as is in every language, as the SPW itself does.
import type { DepartmentSeed } from './types.js';

export const departments: DepartmentSeed[] = [
  {
    code: 'SPW-SG',
    labels: {
      fr: 'SPW Secrétariat général',
      de: 'SPW Generalsekretariat',
      nl: 'SPW Secretariaat-generaal',
      en: 'SPW General Secretariat',
    },
  },
  {
    code: 'SPW-MI',
    labels: {
      fr: 'SPW Mobilité et Infrastructures',
      de: 'SPW Mobilität und Infrastrukturen',
      nl: 'SPW Mobiliteit en Infrastructuur',
      en: 'SPW Mobility and Infrastructure',
    },
  },
  {
    code: 'SPW-ARNE',
    labels: {
      fr: 'SPW Agriculture, Ressources naturelles et Environnement',
      de: 'SPW Landwirtschaft, Naturschätze und Umwelt',
      nl: 'SPW Landbouw, Natuurlijke Hulpbronnen en Leefmilieu',
      en: 'SPW Agriculture, Natural Resources and Environment',
    },
  },
  {
    code: 'SPW-TLPE',
    labels: {
      fr: 'SPW Territoire, Logement, Patrimoine, Énergie',
      de: 'SPW Raumordnung, Wohnungswesen, Erbe, Energie',
      nl: 'SPW Ruimtelijke Ordening, Huisvesting, Erfgoed, Energie',
      en: 'SPW Territory, Housing, Heritage, Energy',
    },
  },
  {
    code: 'SPW-IAS',
    labels: {
      fr: 'SPW Intérieur et Action sociale',
      de: 'SPW Inneres und Soziales',
      nl: 'SPW Binnenlandse Aangelegenheden en Sociale Actie',
      en: 'SPW Interior and Social Action',
    },
  },
  {
    code: 'SPW-EER',
    labels: {
      fr: 'SPW Économie, Emploi, Recherche',
      de: 'SPW Wirtschaft, Beschäftigung, Forschung',
      nl: 'SPW Economie, Werkgelegenheid, Onderzoek',
      en: 'SPW Economy, Employment, Research',
    },
  },
  {
    code: 'SPW-FIN',
    labels: {
      fr: 'SPW Finances',
      de: 'SPW Finanzen',
      nl: 'SPW Financiën',
      en: 'SPW Finance',
    },
  },
  {
    code: 'SPW-DIGITAL',
    labels: {
      fr: 'SPW Digital',
      de: 'SPW Digital',
      nl: 'SPW Digital',
      en: 'SPW Digital',
    },
  },
  {
    code: 'SPW-SUPPORT',
    labels: {
      fr: 'SPW Support',
      de: 'SPW Support',
      nl: 'SPW Support',
      en: 'SPW Support',
    },
  },
];
