import type { IvrOptionSeed } from './types.js';

// The voice menus of 1718 (French) and 1719 (German), from the facts sheet §6: 1 = social
// emergencies (since April 2020), 2 = SOS Environnement-Nature (24/7 on-duty agent), a
// recorded message sends personal tax files to the tax call centre. Which key plays the tax
// message is not published (unconfirmed): 3 here; 0 reaches the general first line.

const taxMessage = {
  fr: 'Pour toute question sur votre dossier fiscal personnel, contactez le call center Fiscalité du SPW Finances au 081 33 00 01, du lundi au vendredi. Le 1718 n’a pas accès à votre dossier.',
  de: 'Für Fragen zu Ihrer persönlichen Steuerakte wenden Sie sich bitte an das Callcenter Steuern des ÖDW Finanzen unter 081 33 00 01, montags bis freitags. Die 1719 hat keinen Zugang zu Ihrer Akte.',
  nl: 'Voor vragen over uw persoonlijk belastingdossier kunt u terecht bij het callcenter Fiscaliteit van SPW Finances op 081 33 00 01, van maandag tot vrijdag.',
  en: 'For questions about your personal tax file, call the SPW Finances tax call centre on 081 33 00 01, Monday to Friday. The 1718 has no access to your file.',
};

function menu(line: '1718' | '1719', labels: Record<string, string>): IvrOptionSeed[] {
  return [
    { line, key: '1', labels: { fr: labels.social!, de: labels.socialDe! }, action: 'TRANSFER', targetServiceCode: 'IAS-SOCIAL-EMERGENCY', themeCode: 'SOCIAL' },
    { line, key: '2', labels: { fr: labels.environment!, de: labels.environmentDe! }, action: 'TRANSFER', targetServiceCode: 'EXT-SOS-ENVIRONMENT', themeCode: 'ENVIRONMENT.POLLUTION' },
    { line, key: '3', labels: { fr: labels.tax!, de: labels.taxDe! }, action: 'RECORDED_MESSAGE', targetServiceCode: 'EXT-TAX-CALLCENTRE', themeCode: 'TAXATION.PERSONAL_FILE', message: taxMessage },
    { line, key: '0', labels: { fr: labels.general!, de: labels.generalDe! }, action: 'FIRST_LINE' },
  ];
}

const labels = {
  social: 'Urgence sociale',
  socialDe: 'Soziale Notlage',
  environment: 'SOS Environnement-Nature (24h/24)',
  environmentDe: 'SOS Umwelt-Natur (rund um die Uhr)',
  tax: 'Votre dossier fiscal personnel',
  taxDe: 'Ihre persönliche Steuerakte',
  general: 'Toutes les autres questions',
  generalDe: 'Alle anderen Fragen',
};

export const ivrOptions: IvrOptionSeed[] = [...menu('1718', labels), ...menu('1719', labels)];
