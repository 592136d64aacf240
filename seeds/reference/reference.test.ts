import { describe, it, expect } from 'vitest';
import {
  bookableResources,
  closureDays,
  counters,
  departments,
  documentRequirements,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  postalCodePlaces,
  procedures,
  publications,
  services,
  themes,
} from './index.js';
import { REFERENCE_LIST_BOUNDS } from '../../src/domain/reference-bounds.js';
import { DOCUMENT_KINDS } from '../../src/domain/vocabulary.js';
import type { FullLabels, SeedLabels, ServiceSeed, ThemeSeed } from './types.js';

const LANGUAGES = ['fr', 'de', 'nl', 'en'] as const;

const REQUIRED_SERVICES: Record<string, { line: ServiceSeed['line']; kind: ServiceSeed['kind'] }> = {
  'SG-1718': { line: 'FIRST', kind: 'INTERNAL' },
  ...Object.fromEntries(
    [
      'TLPE-ENERGY',
      'TLPE-HOUSING',
      'TLPE-PLANNING',
      'TLPE-HERITAGE',
      'ARNE-ENVIRONMENT',
      'ARNE-DNF',
      'ARNE-OPW',
      'ARNE-WASTE',
      'MI-ROADS',
      'MI-MOBILITY',
      'IAS-SOCIAL',
      'IAS-LOCAL',
      'EER-EMPLOYMENT',
      'FIN-TAX',
    ].map((code) => [code, { line: 'SECOND', kind: 'INTERNAL' }]),
  ),
  ...Object.fromEntries(
    ['TLPE-ENERGY-EXPERT', 'ARNE-DPC', 'ARNE-DEMNA', 'MI-DGH', 'SG-EWBS'].map((code) => [
      code,
      { line: 'THIRD', kind: 'INTERNAL' },
    ]),
  ),
  ...Object.fromEntries(
    [
      'EXT-TAX-CALLCENTRE',
      'EXT-SOS-ENVIRONMENT',
      'EXT-SPF-FINANCES',
      'EXT-SPF-MOBILITY-DIV',
      'EXT-SPF-INTERIOR',
      'EXT-FWB',
      'EXT-OSTBELGIEN',
      'EXT-MEDIATEUR',
      'EXT-FOREM',
      'EXT-AVIQ',
      'EXT-FAMIWAL',
      'EXT-SWCS',
      'EXT-FLW',
      'EXT-GUICHETS-ENERGIE',
      'EXT-COMMUNE-NAMUR',
      'EXT-COMMUNE-LIEGE',
      'EXT-CPAS-NAMUR',
      'EXT-SOFICO',
      'EXT-ORES',
      'EXT-SWDE',
    ].map((code) => [code, { line: 'SECOND', kind: 'EXTERNAL' }]),
  ),
};

const TOP_LEVEL_THEMES = [
  'HOUSING',
  'ENERGY',
  'ROADS',
  'MOBILITY',
  'SOCIAL',
  'ENVIRONMENT',
  'AGRICULTURE',
  'TAXATION',
  'EMPLOYMENT',
  'TERRITORY',
  'HERITAGE',
  'LOCAL_AUTHORITIES',
  'INFORMATION',
];

const serviceByCode = new Map(services.map((s) => [s.code, s]));
const themeByCode = new Map(themes.map((t) => [t.code, t]));
const departmentCodes = new Set(departments.map((d) => d.code));

function duplicates(codes: string[]): string[] {
  return codes.filter((code, i) => codes.indexOf(code) !== i);
}

function expectFullLabels(labels: FullLabels, where: string): void {
  for (const language of LANGUAGES) {
    expect(labels[language]?.trim(), `${where}.${language}`).toBeTruthy();
  }
}

function expectFrenchLabel(labels: SeedLabels, where: string): void {
  expect(labels.fr.trim(), `${where}.fr`).toBeTruthy();
  for (const language of LANGUAGES) {
    if (labels[language] !== undefined) expect(labels[language]!.trim(), `${where}.${language}`).toBeTruthy();
  }
}

function inInformationTree(theme: ThemeSeed): boolean {
  return theme.code === 'INFORMATION' || theme.code.startsWith('INFORMATION.');
}

describe('reference data', () => {
  it('has unique codes in every collection', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    expect(duplicates(services.map((s) => s.code))).toEqual([]);
    expect(duplicates(themes.map((t) => t.code))).toEqual([]);
    expect(duplicates(procedures.map((p) => p.code))).toEqual([]);
    expect(duplicates(publications.map((p) => p.code))).toEqual([]);
    expect(duplicates(counters.map((c) => c.code))).toEqual([]);
    expect(duplicates(closureDays.map((d) => d.date))).toEqual([]);
  });

  it('labels departments, services, publications and counters at least in French', () => {
    for (const d of departments) expectFrenchLabel(d.labels, d.code);
    for (const s of services) expectFrenchLabel(s.labels, s.code);
    for (const p of publications) expectFrenchLabel(p.labels, p.code);
    for (const c of counters) expectFrenchLabel(c.labels, c.code);
  });

  describe('services', () => {
    it('contains every service code other modules rely on, with its line and kind', () => {
      for (const [code, expected] of Object.entries(REQUIRED_SERVICES)) {
        const service = serviceByCode.get(code);
        expect(service, code).toBeDefined();
        expect({ line: service?.line, kind: service?.kind }, code).toEqual(expected);
      }
    });

    it('attaches internal services to a known department and external ones to an authority level', () => {
      for (const s of services) {
        if (s.kind === 'INTERNAL') {
          expect(s.departmentCode && departmentCodes.has(s.departmentCode), `${s.code} department`).toBe(true);
          expect(s.authorityLevel, `${s.code} authorityLevel`).toBeUndefined();
        } else {
          expect(s.departmentCode, `${s.code} department`).toBeUndefined();
          expect(s.authorityLevel, `${s.code} authorityLevel`).toBeDefined();
          expect(s.line, `${s.code} line`).toBe('SECOND');
        }
      }
    });

    it('has exactly one first-line service, the 1718', () => {
      expect(services.filter((s) => s.line === 'FIRST').map((s) => s.code)).toEqual(['SG-1718']);
      expect(serviceByCode.get('SG-1718')).toMatchObject({ phone: '1718', openingHours: 'Lu–Ve 08:30–17:00' });
    });

    it('gives coordinates to every external service', () => {
      for (const s of services.filter((x) => x.kind === 'EXTERNAL')) {
        expect(s.phone ?? s.website ?? s.email, s.code).toBeTruthy();
      }
    });
  });

  describe('themes', () => {
    it('has the twelve business themes and INFORMATION at the top level', () => {
      const topLevel = themes.filter((t) => t.parentCode === undefined).map((t) => t.code);
      expect(topLevel.length).toBeGreaterThanOrEqual(12);
      expect(topLevel).toEqual(expect.arrayContaining(TOP_LEVEL_THEMES));
    });

    it('nests sub-themes under the theme named by their dotted code', () => {
      for (const t of themes) {
        if (t.parentCode === undefined) {
          expect(t.code, t.code).not.toContain('.');
        } else {
          expect(themeByCode.has(t.parentCode), `${t.code} parent`).toBe(true);
          expect(t.code.startsWith(`${t.parentCode}.`), `${t.code} parent prefix`).toBe(true);
        }
      }
    });

    it('labels every theme in the four languages', () => {
      for (const t of themes) expectFullLabels(t.labels, t.code);
    });

    it('orders siblings by distinct positions', () => {
      const bySiblings = new Map<string, number[]>();
      for (const t of themes) {
        const key = t.parentCode ?? '';
        bySiblings.set(key, [...(bySiblings.get(key) ?? []), t.position]);
      }
      for (const [parent, positions] of bySiblings) {
        expect(duplicates(positions.map(String)), `siblings of ${parent || 'root'}`).toEqual([]);
      }
    });

    it('routes every theme to an internal second-line service (the 1718 for information)', () => {
      for (const t of themes) {
        const service = t.defaultServiceCode ? serviceByCode.get(t.defaultServiceCode) : undefined;
        expect(service, `${t.code} default service`).toBeDefined();
        expect(service?.kind, t.code).toBe('INTERNAL');
        if (inInformationTree(t)) {
          expect(service?.code, t.code).toBe('SG-1718');
        } else {
          expect(service?.line, t.code).toBe('SECOND');
        }
      }
    });

    it('points redirects to known services and gives them a four-language message', () => {
      for (const t of themes) {
        if (t.redirectServiceCode !== undefined) {
          expect(serviceByCode.has(t.redirectServiceCode), `${t.code} redirect`).toBe(true);
          expect(t.redirectMessage, `${t.code} redirectMessage`).toBeDefined();
          expectFullLabels(t.redirectMessage!, `${t.code}.redirectMessage`);
        }
        if (t.firstLineExcluded) expect(t.redirectServiceCode, `${t.code} excluded without redirect`).toBeDefined();
      }
    });

    it('excludes personal tax files from the first line and redirects them to the tax call centre', () => {
      expect(themeByCode.get('TAXATION.PERSONAL_FILE')).toMatchObject({
        parentCode: 'TAXATION',
        firstLineExcluded: true,
        redirectServiceCode: 'EXT-TAX-CALLCENTRE',
      });
      expect(themes.filter((t) => t.firstLineExcluded).map((t) => t.code)).toEqual(['TAXATION.PERSONAL_FILE']);
    });

    it('lets the first line take pollution reports while pointing to SOS Environnement-Nature', () => {
      const pollution = themeByCode.get('ENVIRONMENT.POLLUTION');
      expect(pollution?.redirectServiceCode).toBe('EXT-SOS-ENVIRONMENT');
      expect(pollution?.firstLineExcluded ?? false).toBe(false);
    });
  });

  describe('procedures', () => {
    it('has at least 30 procedures with uppercase kebab codes', () => {
      expect(procedures.length).toBeGreaterThanOrEqual(30);
      for (const p of procedures) expect(p.code).toMatch(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/);
    });

    it('refers to known themes and internal owner services', () => {
      for (const p of procedures) {
        expect(themeByCode.has(p.themeCode), `${p.code} theme ${p.themeCode}`).toBe(true);
        expect(serviceByCode.get(p.ownerServiceCode)?.kind, `${p.code} owner ${p.ownerServiceCode}`).toBe(
          'INTERNAL',
        );
      }
    });

    it('has at least three uniquely coded steps, labelled in four languages, with day counts', () => {
      for (const p of procedures) {
        expectFrenchLabel(p.labels, p.code);
        expect(p.steps.length, p.code).toBeGreaterThanOrEqual(3);
        expect(p.steps.length, p.code).toBeLessThanOrEqual(7);
        expect(duplicates(p.steps.map((s) => s.code)), p.code).toEqual([]);
        for (const step of p.steps) {
          expect(step.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
          expectFullLabels(step.labels, `${p.code}.${step.code}`);
          expect(Number.isInteger(step.expectedDays) && step.expectedDays! >= 0, `${p.code}.${step.code}`).toBe(true);
        }
        expect(Number.isInteger(p.expectedDurationDays) && p.expectedDurationDays > 0, p.code).toBe(true);
      }
    });

    it('lets only a few procedures skip steps', () => {
      const skipping = procedures.filter((p) => p.allowsSkippingSteps).length;
      expect(skipping).toBeGreaterThanOrEqual(1);
      expect(skipping).toBeLessThanOrEqual(2);
    });
  });

  describe('document requirements', () => {
    const procedureByCode = new Map(procedures.map((p) => [p.code, p]));

    it('gives at least 15 procedures one to four required documents', () => {
      const covered = new Set(documentRequirements.map((r) => r.procedureCode));
      expect(covered.size).toBeGreaterThanOrEqual(15);
      for (const r of documentRequirements) {
        expect(r.documents.length, `${r.procedureCode}.${r.stepCode}`).toBeGreaterThanOrEqual(1);
        expect(r.documents.length, `${r.procedureCode}.${r.stepCode}`).toBeLessThanOrEqual(4);
      }
    });

    it('attaches them to the first step of a known procedure, once per step', () => {
      for (const r of documentRequirements) {
        const procedure = procedureByCode.get(r.procedureCode);
        expect(procedure, r.procedureCode).toBeDefined();
        expect(procedure!.steps.map((s) => s.code), r.procedureCode).toContain(r.stepCode);
        expect(r.stepCode, r.procedureCode).toBe(procedure!.steps[0]!.code);
      }
      expect(duplicates(documentRequirements.map((r) => `${r.procedureCode} ${r.stepCode}`))).toEqual([]);
    });

    it('codes documents uniquely within their step, with a known kind and labels in four languages', () => {
      for (const r of documentRequirements) {
        const where = `${r.procedureCode}.${r.stepCode}`;
        expect(duplicates(r.documents.map((d) => d.code)), where).toEqual([]);
        for (const d of r.documents) {
          expect(d.code, where).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
          expect(DOCUMENT_KINDS, `${where}.${d.code}`).toContain(d.kind);
          expectFullLabels(d.labels, `${where}.${d.code}`);
        }
      }
    });
  });

  describe('publications', () => {
    it('has at least 12 publications referring to known themes and services', () => {
      expect(publications.length).toBeGreaterThanOrEqual(12);
      for (const p of publications) {
        if (p.themeCode !== undefined) expect(themeByCode.has(p.themeCode), `${p.code} theme`).toBe(true);
        if (p.publisherServiceCode !== undefined) {
          expect(serviceByCode.has(p.publisherServiceCode), `${p.code} publisher`).toBe(true);
        }
      }
    });
  });

  describe('counters', () => {
    it('lists the Espaces Wallonie with a postal code matching the address', () => {
      expect(counters.map((c) => c.code)).toEqual(expect.arrayContaining(['EW-ARLON', 'EW-LIEGE', 'EW-NAMUR', 'EW-EUPEN']));
      for (const c of counters) {
        expect(c.code).toMatch(/^EW-[A-Z-]+$/);
        expect(c.postalCode).toMatch(/^\d{4}$/);
        expect(c.address, c.code).toContain(c.postalCode);
        expect(c.openingHours.trim(), c.code).toBeTruthy();
      }
    });
  });

  describe('bookable resources', () => {
    it('gives every Espace Wallonie a reception and at least three permanences, each at a known counter and postal code, open some day', () => {
      const counterCodes = new Set(counters.map((c) => c.code));
      const placed = new Set(postalCodePlaces.map((place) => place.postalCode));
      for (const c of counters) {
        expect(bookableResources.some((r) => r.kind === 'COUNTER' && r.counterCode === c.code), c.code).toBe(true);
        expect(placed.has(c.postalCode), c.postalCode).toBe(true);
      }
      expect(bookableResources.filter((r) => r.kind === 'PERMANENCE').length).toBeGreaterThanOrEqual(3);
      const themeCodes = new Set(themes.map((theme) => theme.code));
      for (const r of bookableResources) {
        expect(counterCodes.has(r.counterCode), r.code).toBe(true);
        expect(r.hours.length, r.code).toBeGreaterThan(0);
        for (const window of r.hours) expect(window.opensAt < window.closesAt, r.code).toBe(true);
        for (const theme of r.themes) expect(themeCodes.has(theme.code), `${r.code} ${theme.code}`).toBe(true);
        expectFullLabels(r.labels, r.code);
      }
      expect(duplicates(bookableResources.map((r) => r.code))).toEqual([]);
    });
  });

  describe('closure days', () => {
    it('covers every year of the calendar range with working-day dates only', () => {
      const years = new Set(closureDays.map((d) => Number(d.date.slice(0, 4))));
      for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year += 1) expect(years.has(year), String(year)).toBe(true);
      expect(Math.min(...years)).toBe(FIRST_CALENDAR_YEAR);
      expect(Math.max(...years)).toBe(LAST_CALENDAR_YEAR);
      for (const d of closureDays) {
        expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6, `${d.date} is a weekend day`).toBe(false);
        expectFullLabels(d.labels, d.date);
      }
    });

    it('is sorted by date', () => {
      const dates = closureDays.map((d) => d.date);
      expect(dates).toEqual([...dates].sort());
    });

    it('keeps the 2026 regional days on working days and drops the weekend ones', () => {
      const dates2026 = closureDays.filter((d) => d.date.startsWith('2026-')).map((d) => d.date);
      expect(dates2026).toEqual(['2026-11-02']);
      expect(closureDays.every((d) => d.kind === 'REGIONAL_HOLIDAY')).toBe(true);
    });
  });
});

describe('reference list bounds', () => {
  it('does keep every seeded reference list within the size the query cost limit counts it as', () => {
    expect(themes.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.themes);
    expect(services.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.services);
    expect(procedures.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.procedures);
    expect(publications.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.publications);
    expect(counters.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.counters);
    expect(bookableResources.length).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.bookableResources);
    expect(Math.max(...bookableResources.map((resource) => resource.themes.length))).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.resourceThemes);
    const children = new Map<string, number>();
    for (const theme of themes) {
      const parent = theme.code.split('.').slice(0, -1).join('.');
      if (parent) children.set(parent, (children.get(parent) ?? 0) + 1);
    }
    expect(Math.max(...children.values())).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.themeChildren);
    expect(Math.max(...procedures.map((procedure) => procedure.steps.length))).toBeLessThanOrEqual(REFERENCE_LIST_BOUNDS.procedureSteps);
  });
});
