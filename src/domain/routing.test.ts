import { describe, expect, it } from 'vitest';
import { decideRoute } from './routing.js';

const taxMessage = { fr: 'Appelez le call center Fiscalité.', de: 'Rufen Sie das Steuer-Callcenter an.' };
const excludedTheme = { firstLineExcluded: true, redirectServiceId: 'tax', redirectMessage: taxMessage };
const ordinaryTheme = { firstLineExcluded: false, redirectServiceId: 'sos', redirectMessage: null };

describe('decideRoute', () => {
  it('sends ordinary contacts to the first line', () => {
    expect(decideRoute(undefined, undefined)).toEqual({ kind: 'FIRST_LINE' });
    expect(decideRoute(undefined, ordinaryTheme)).toEqual({ kind: 'FIRST_LINE' });
    expect(decideRoute({ action: 'FIRST_LINE', targetServiceId: null, message: null }, ordinaryTheme)).toEqual({ kind: 'FIRST_LINE' });
  });

  it('redirects a theme excluded from the first line, with its message', () => {
    expect(decideRoute(undefined, excludedTheme)).toEqual({ kind: 'EXTERNAL_REDIRECT', serviceId: 'tax', message: taxMessage });
  });

  it('redirects an excluded theme whatever was pressed, and otherwise follows a transfer or recorded message', () => {
    expect(decideRoute({ action: 'TRANSFER', targetServiceId: 'sos', message: null }, excludedTheme)).toEqual({ kind: 'EXTERNAL_REDIRECT', serviceId: 'tax', message: taxMessage });
    expect(decideRoute({ action: 'TRANSFER', targetServiceId: 'sos', message: null }, ordinaryTheme)).toEqual({ kind: 'SERVICE', serviceId: 'sos' });
    expect(decideRoute({ action: 'RECORDED_MESSAGE', targetServiceId: 'tax', message: taxMessage }, undefined)).toEqual({
      kind: 'EXTERNAL_REDIRECT',
      serviceId: 'tax',
      message: taxMessage,
    });
  });
});
