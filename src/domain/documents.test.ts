import { describe, expect, it } from 'vitest';
import { acceptedContentType, cleanFileName, PLAIN_TEXT } from './documents.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('acceptedContentType', () => {
  it.each([
    ['a PDF', 'application/pdf', bytes('%PDF-1.7'), 'application/pdf'],
    ['a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes('PK'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an ELF executable', 'application/x-elf', bytes('\x7fELF'), undefined],
    ['a Windows executable', 'application/x-msdownload', bytes('MZ'), undefined],
    ['a plain zip', 'application/zip', bytes('PK'), undefined],
    ['UTF-8 text', undefined, bytes('Reçu le 3 février ✓'), PLAIN_TEXT],
    ['UTF-8 text cut inside a character', undefined, bytes('Reçu').subarray(0, 3), PLAIN_TEXT],
    ['Latin-1 text', undefined, Uint8Array.from([0x70, 0x61, 0x79, 0xe9, 0x65]), undefined],
    ['bytes with a NUL', undefined, Uint8Array.from([0x41, 0x00, 0x42]), undefined],
    ['nothing', undefined, new Uint8Array(), undefined],
  ])('decides %s', (_what, detected, head, expected) => {
    expect(acceptedContentType(detected, head)).toBe(expected);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['facture.pdf', 'facture.pdf'],
    ['  lettre reçue.txt ', 'lettre reçue.txt'],
    ['C:\\Users\\marie\\scan.png', 'scan.png'],
    ['../../etc/passwd', 'passwd'],
    ['dossier/', undefined],
    ['..', undefined],
    ['a\u0000b.pdf', undefined],
    ['x'.repeat(256), undefined],
    [undefined, undefined],
  ])('keeps %j as %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });
});
