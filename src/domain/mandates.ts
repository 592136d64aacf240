// Acting for someone else (issue 21): when a mandate is in force, what it reaches, what it allows.
// Pure rules; the services load the mandate and the case and ask these.
import type { FieldProblem } from './errors.js';
import type { MandateRights, MandateScope, MandateStatus } from './vocabulary.js';

/** The longest note of how a proof was checked, and of a representative's name or organisation. */
export const MAX_PROOF_NOTE = 1_000;
export const MAX_REPRESENTATIVE_TEXT = 200;
/** The longest name, and relationship to the citizen, of someone who contacts us for them without a mandate. */
export const MAX_CONTACTED_BY_TEXT = MAX_REPRESENTATIVE_TEXT;
/** Themes one mandate may name. */
export const MAX_MANDATE_THEMES = 20;

export interface MandateTerms {
  scope: MandateScope;
  themeCodes: readonly string[];
  caseId: string | null;
  rights: MandateRights;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
}

/**
 * PENDING before validFrom, ACTIVE from validFrom until validUntil (excluded), EXPIRED from then,
 * REVOKED from its revocation whatever the dates: revocation and expiry take effect at once.
 */
export function mandateStatus(mandate: Pick<MandateTerms, 'validFrom' | 'validUntil' | 'revokedAt'>, now: Date): MandateStatus {
  if (mandate.revokedAt !== null && mandate.revokedAt <= now) return 'REVOKED';
  if (mandate.validUntil !== null && mandate.validUntil <= now) return 'EXPIRED';
  if (mandate.validFrom > now) return 'PENDING';
  return 'ACTIVE';
}

/** How a mandate ended (REVOKED or EXPIRED) and when; undefined while it has not. */
export function mandateEnding(mandate: Pick<MandateTerms, 'validFrom' | 'validUntil' | 'revokedAt'>, now: Date): { status: 'REVOKED' | 'EXPIRED'; endedAt: Date } | undefined {
  const status = mandateStatus(mandate, now);
  if (status === 'REVOKED') return { status, endedAt: mandate.revokedAt! };
  if (status === 'EXPIRED') return { status, endedAt: mandate.validUntil! };
  return undefined;
}

/** Whether the mandate reaches this case of the represented citizen: all of them, those of its themes (a theme covers its sub-themes), or the one named. */
export function mandateCovers(mandate: Pick<MandateTerms, 'scope' | 'themeCodes' | 'caseId'>, target: { caseId: string; themeCode: string }): boolean {
  switch (mandate.scope) {
    case 'ALL_CASES':
      return true;
    case 'THEMES':
      return mandate.themeCodes.some((code) => target.themeCode === code || target.themeCode.startsWith(`${code}.`));
    case 'ONE_CASE':
      return mandate.caseId === target.caseId;
  }
}

/** Whether the mandate allows an action: reading with any right, acting only with ACT. */
export function mandateAllows(mandate: Pick<MandateTerms, 'rights'>, action: MandateRights): boolean {
  return action === 'READ' || mandate.rights === 'ACT';
}

/**
 * What is wrong with the terms of a new mandate: the scope's details (themes for THEMES, a case
 * for ONE_CASE, neither otherwise), dates in order and not already over.
 */
export function checkMandateTerms(terms: Omit<MandateTerms, 'revokedAt'>, now: Date, path: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (terms.scope === 'THEMES' && terms.themeCodes.length === 0) problems.push({ path: [...path, 'themeCodes'], message: 'Name at least one theme for the scope THEMES.' });
  if (terms.scope !== 'THEMES' && terms.themeCodes.length > 0) problems.push({ path: [...path, 'themeCodes'], message: 'Only the scope THEMES takes themes.' });
  if (terms.themeCodes.length > MAX_MANDATE_THEMES) problems.push({ path: [...path, 'themeCodes'], message: `At most ${MAX_MANDATE_THEMES} themes.` });
  if (terms.scope === 'ONE_CASE' && terms.caseId === null) problems.push({ path: [...path, 'caseId'], message: 'Name the case for the scope ONE_CASE.' });
  if (terms.scope !== 'ONE_CASE' && terms.caseId !== null) problems.push({ path: [...path, 'caseId'], message: 'Only the scope ONE_CASE takes a case.' });
  if (terms.validUntil !== null && terms.validUntil <= terms.validFrom) problems.push({ path: [...path, 'validUntil'], message: 'Must be after validFrom.' });
  else if (terms.validUntil !== null && terms.validUntil <= now) problems.push({ path: [...path, 'validUntil'], message: 'Must be in the future.' });
  return problems;
}
