/** PDFs made in the test by a PDF library: known words on known pages, and the ones that break. */
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';

/** A PDF with one page per entry, each page showing its text; `padding` adds random bytes. */
export async function makePdf(pages: string[], options: { padding?: number } = {}) {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    document.addPage([595, 842]).drawText(text, { x: 50, y: 750, size: 14, font });
  }
  if (options.padding) {
    // An unreferenced stream of incompressible bytes: the file grows, the pages stay the same.
    document.context.register(document.context.stream(randomBytes(options.padding)));
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF whose trailer says it is encrypted: no stamper may open it. */
export async function makeEncryptedPdf() {
  const document = await PDFDocument.create();
  document.addPage();
  const { context } = document;
  context.trailerInfo.Encrypt = context.register(
    context.obj({ Filter: 'Standard', V: 1, R: 2, O: 'x'.repeat(32), U: 'x'.repeat(32), P: -4 }),
  );
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** The text of each page, as a reader's PDF viewer would find it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}
