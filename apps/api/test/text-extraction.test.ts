import { TEXT_EXTRACTION_LIMITS } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/services/content/extract-text.js';
import { docxWithParagraphs, encryptedPdf, pdfWithPages, zipDeclaring } from './text-files.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('text extraction', () => {
  it('reads a PDF page by page, each known word on its own page', async () => {
    const bytes = await pdfWithPages([
      ['Introduction to the fabric adapter'],
      ['Nothing to see here'],
      ['The zoning section', 'defines zones for the FabricAdapter'],
    ]);
    const result = await extractText({ bytes, mediaType: PDF, filename: 'spec.pdf' });
    expect(result.status).toBe('extracted');
    if (result.status !== 'extracted') return;
    expect(result.pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(result.pages[0]!.body).toContain('fabric adapter');
    expect(result.pages[1]!.body).not.toContain('zoning');
    expect(result.pages[2]!.body).toContain('zoning section');
    expect(result.pages[2]!.body).toContain('FabricAdapter');
  });

  it('reads a DOCX as one page', async () => {
    const bytes = await docxWithParagraphs(['Chassis management', 'Thermal zoning rules']);
    const result = await extractText({ bytes, mediaType: DOCX, filename: 'notes.docx' });
    expect(result).toMatchObject({ status: 'extracted', pages: [{ page: 1 }] });
    if (result.status !== 'extracted') return;
    expect(result.pages[0]!.body).toContain('Chassis management');
    expect(result.pages[0]!.body).toContain('Thermal zoning rules');
  });

  it('decodes plain text and Markdown as UTF-8, and tells a DOCX by its name when the type is generic', async () => {
    const text = await extractText({
      bytes: new TextEncoder().encode('# Überblick\n\nZone *management*'),
      mediaType: 'text/markdown',
      filename: 'readme.md',
    });
    expect(text).toEqual({
      status: 'extracted',
      pages: [{ page: 1, body: '# Überblick\n\nZone *management*' }],
    });
    const docx = await extractText({
      bytes: await docxWithParagraphs(['octet stream words']),
      mediaType: 'application/octet-stream',
      filename: 'Minutes.DOCX',
    });
    expect(docx.status).toBe('extracted');
  });

  it('marks a broken PDF failed', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all');
    const result = await extractText({ bytes, mediaType: PDF, filename: 'broken.pdf' });
    expect(result.status).toBe('failed');
  });

  it('marks an encrypted PDF failed as encrypted', async () => {
    const result = await extractText({
      bytes: encryptedPdf(),
      mediaType: PDF,
      filename: 'locked.pdf',
    });
    expect(result).toEqual({ status: 'failed', failure: 'encrypted PDF' });
  });

  it('refuses a DOCX that declares more content than the limit, without inflating it', async () => {
    const result = await extractText({
      bytes: zipDeclaring(TEXT_EXTRACTION_LIMITS.maxDocxUncompressedBytes + 1),
      mediaType: DOCX,
      filename: 'bomb.docx',
    });
    expect(result).toEqual({ status: 'failed', failure: 'DOCX expands beyond the size limit' });
  });

  it('stops the reader at the time limit', async () => {
    const bytes = await pdfWithPages([['slow']]);
    const result = await extractText(
      { bytes, mediaType: PDF, filename: 'slow.pdf' },
      { ...TEXT_EXTRACTION_LIMITS, timeLimitMs: 1 },
    );
    expect(result).toEqual({ status: 'failed', failure: 'time limit' });
  });

  it('keeps at most the stored-text cap, over all pages', async () => {
    const bytes = await pdfWithPages([['a'.repeat(40)], ['b'.repeat(40)], ['c'.repeat(40)]]);
    const result = await extractText(
      { bytes, mediaType: PDF, filename: 'long.pdf' },
      { ...TEXT_EXTRACTION_LIMITS, maxStoredChars: 50 },
    );
    if (result.status !== 'extracted') throw new Error(result.failure);
    expect(result.pages.map((page) => page.body.length).reduce((a, b) => a + b)).toBe(50);
    expect(result.pages).toHaveLength(2);
  });

  it('says a type without text is unsupported, and refuses files over the size limit', async () => {
    const image = await extractText({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      mediaType: 'image/png',
      filename: 'figure.png',
    });
    expect(image.status).toBe('unsupported');
    const big = await extractText(
      { bytes: new Uint8Array(100), mediaType: PDF, filename: 'big.pdf' },
      { ...TEXT_EXTRACTION_LIMITS, maxFileBytes: 99 },
    );
    expect(big).toEqual({ status: 'failed', failure: 'file too large to read' });
  });
});
