// Case references are read out on the phone: a fixed prefix, the year and a zero-padded number.

export const CASE_REFERENCE_PATTERN = /^1718-(\d{4})-(\d{6,})$/;

export function formatCaseReference(year: number, number: number): string {
  return `1718-${year}-${String(number).padStart(6, '0')}`;
}

export function parseCaseReference(reference: string): { year: number; number: number } | null {
  const match = CASE_REFERENCE_PATTERN.exec(reference.trim());
  if (!match) return null;
  return { year: Number(match[1]), number: Number(match[2]) };
}
