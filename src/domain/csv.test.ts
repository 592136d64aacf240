import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('CSV', () => {
  it('does write a header and rows with CRLF, empty fields for null', () => {
    expect(toCsv(['period', 'count'], [['2026', 12], ['2027', null]])).toBe('period,count\r\n2026,12\r\n2027,\r\n');
  });

  it('does quote commas, quotes and line breaks', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines']])).toBe('a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('does keep spreadsheets from evaluating text that starts like a formula', () => {
    expect(toCsv(['a'], [['=SUM(A1)'], [-3]])).toBe("a\r\n'=SUM(A1)\r\n-3\r\n");
  });
});
