import type { Labels } from './vocabulary.js';

// Where a contact should go, decided from the voice-menu option chosen and the theme. Pure:
// the caller looks the option and the theme up and passes them in.

export const IVR_ACTIONS = ['FIRST_LINE', 'TRANSFER', 'RECORDED_MESSAGE'] as const;
export type IvrAction = (typeof IVR_ACTIONS)[number];

export interface IvrChoice {
  action: IvrAction;
  targetServiceId: string | null;
  message: Labels | null;
}

export interface ThemeRouting {
  firstLineExcluded: boolean;
  redirectServiceId: string | null;
  redirectMessage: Labels | null;
}

export type Route =
  | { kind: 'FIRST_LINE' }
  | { kind: 'SERVICE'; serviceId: string }
  | { kind: 'EXTERNAL_REDIRECT'; serviceId: string; message: Labels | null };

/**
 * A theme the first line must not handle redirects, whatever was pressed; then a voice-menu
 * transfer or recorded message (the caller's choice); everything else is for the first line.
 */
export function decideRoute(ivr: IvrChoice | undefined, theme: ThemeRouting | undefined): Route {
  if (theme?.firstLineExcluded && theme.redirectServiceId) {
    return { kind: 'EXTERNAL_REDIRECT', serviceId: theme.redirectServiceId, message: theme.redirectMessage };
  }
  if (ivr?.action === 'TRANSFER' && ivr.targetServiceId) return { kind: 'SERVICE', serviceId: ivr.targetServiceId };
  if (ivr?.action === 'RECORDED_MESSAGE' && ivr.targetServiceId) {
    return { kind: 'EXTERNAL_REDIRECT', serviceId: ivr.targetServiceId, message: ivr.message };
  }
  return { kind: 'FIRST_LINE' };
}
