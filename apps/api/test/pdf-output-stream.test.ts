/**
 * The stamped copy is written object by object: the same bytes pdf-lib's own writer would give,
 * with a large stream's contents sent as the loaded file holds them rather than copied, so a
 * stamping holds the file once.
 */
import { PDFDocument } from '@pdfme/pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfOutputStream } from '../src/services/documents/pdf-output-stream.js';
import { stampWatermark } from '../src/services/documents/stamp-watermark.js';
import { makePdf, pdfPageTexts } from './pdf-fixtures.js';

const PADDING = 300_000;

async function chunksOf(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('writing a PDF as a stream', () => {
  it("writes the bytes pdf-lib's own save() writes (and a final newline)", async () => {
    const file = await makePdf(['One', 'Two'], { padding: PADDING });
    const document = await PDFDocument.load(file, { updateMetadata: false });
    const streamed = Buffer.concat(await chunksOf(pdfOutputStream(document.context)));
    const saved = Buffer.from(await document.save({ useObjectStreams: false }));
    expect(streamed.equals(Buffer.concat([saved, Buffer.from('\n')]))).toBe(true);
  });

  it('sends a large stream as the view into the loaded file it is, not a copy', async () => {
    const file = await makePdf(['One'], { padding: PADDING });
    const document = await PDFDocument.load(file, { updateMetadata: false });
    const chunks = await chunksOf(pdfOutputStream(document.context));
    const views = chunks.filter((chunk) => chunk.buffer === file.buffer);
    expect(views.map((chunk) => chunk.length)).toEqual([PADDING]);
  });

  it("stamps every page of a file with large streams, and sends the file's streams uncopied", async () => {
    const file = await makePdf(['Zoning', 'Adapters', 'Appendix'], { padding: PADDING });
    const stamped = await stampWatermark(file, {
      name: 'Ada Lovelace',
      organization: 'OpenFabrics Alliance',
      email: 'member@ofa.example',
      date: '2026-12-05',
      downloadId: '7K2QM9XD3F',
    });
    const chunks = await chunksOf(stamped);
    expect(chunks.some((chunk) => chunk.buffer === file.buffer)).toBe(true);
    const copy = Buffer.concat(chunks);
    expect((await PDFDocument.load(copy)).getPageCount()).toBe(3);
    const texts = await pdfPageTexts(copy);
    expect(texts.every((text) => text.includes('member@ofa.example 7K2QM9XD3F'))).toBe(true);
  });
});
