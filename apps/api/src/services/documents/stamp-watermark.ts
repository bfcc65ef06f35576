import type { Readable } from 'node:stream';
import { UnprocessableError } from '@liaison/core';
import {
  degrees,
  EncryptedPDFError,
  PDFContentStream,
  PDFDocument,
  type PDFFont,
  PDFName,
  type PDFPage,
  PDFRawStream,
  rgb,
  StandardFonts,
} from '@pdfme/pdf-lib';
import { pdfOutputStream } from './pdf-output-stream.js';

/** What a stamped copy says about its reader, so a leaked copy points to them. */
export interface WatermarkStamp {
  name: string;
  organization: string;
  email: string;
  /** YYYY-MM-DD (UTC). */
  date: string;
  downloadId: string;
}

function unstampable(why: string) {
  return new UnprocessableError(
    `This PDF cannot be watermarked (${why}), and the document requires watermarks for readers outside its organization`,
    'unstampable_pdf',
  );
}

/**
 * Loads the PDF for stamping; a file that is not one, is broken or is encrypted is refused. A
 * Buffer, not any Uint8Array: pdf-lib takes each stream out of the file with `slice`, which is a
 * view for a Buffer but a copy for a plain Uint8Array (the file twice over).
 */
async function loadStampable(bytes: Buffer): Promise<PDFDocument> {
  let pages: number;
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    throw unstampable(
      error instanceof EncryptedPDFError ? 'it is encrypted' : 'it is not a readable PDF',
    );
  }
  if (pages === 0) throw unstampable('it has no pages');
  return document;
}

/** Whether the file can be stamped: what an upload to a document requiring watermarks checks. */
export async function assertStampable(bytes: Buffer): Promise<void> {
  const document = await loadStampable(bytes);
  // Drawing touches every page's tree and resources, where broken files fail beyond the loader.
  await stampPages(document, {
    name: '-',
    organization: '-',
    email: '-',
    date: '1970-01-01',
    downloadId: '-',
  });
}

/** Helvetica speaks WinAnsi only: any other character is shown as '?' rather than failing. */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((character) => (supported.has(character.codePointAt(0)!) ? character : '?'))
    .join('');
}

const FOOTER_SIZE = 7;
const MARGIN = 12;

function stampPage(page: PDFPage, font: PDFFont, footer: string, diagonal: string) {
  const box = page.getCropBox();
  const width = font.widthOfTextAtSize(footer, FOOTER_SIZE);
  const size = Math.max(3, Math.min(FOOTER_SIZE, (FOOTER_SIZE * (box.width - 2 * MARGIN)) / width));
  page.drawText(footer, {
    x: box.x + MARGIN,
    y: box.y + MARGIN / 2,
    size,
    font,
    color: rgb(0.35, 0.35, 0.35),
  });
  const across = Math.hypot(box.width, box.height);
  const diagonalSize = Math.min(28, (0.8 * across * 28) / font.widthOfTextAtSize(diagonal, 28));
  const angle = Math.atan2(box.height, box.width);
  const length = font.widthOfTextAtSize(diagonal, diagonalSize);
  page.drawText(diagonal, {
    x: box.x + box.width / 2 - (Math.cos(angle) * length) / 2,
    y: box.y + box.height / 2 - (Math.sin(angle) * length) / 2,
    size: diagonalSize,
    font,
    color: rgb(0.5, 0.5, 0.5),
    opacity: 0.18,
    rotate: degrees((angle * 180) / Math.PI),
  });
}

/**
 * The content streams the stamp added (a loaded file's own streams are raw, never these) are
 * written as they are. They are a few hundred bytes each, so compressing them gains nothing, but
 * each deflate allocates about 130 KiB of working buffers that V8 frees only lazily: for a
 * 200-page file that was 55 MiB held on top of the file while the copy was written.
 */
function leaveStampUncompressed(document: PDFDocument) {
  for (const [ref, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    object.dict.delete(PDFName.of('Filter'));
    document.context.assign(ref, PDFRawStream.of(object.dict, object.getUnencodedContents()));
  }
}

async function stampPages(document: PDFDocument, stamp: WatermarkStamp): Promise<void> {
  const font = await document.embedFont(StandardFonts.Helvetica);
  const footer = encodable(
    font,
    `Confidential copy for ${stamp.name} (${stamp.organization}), ${stamp.email}, ${stamp.date}, download ${stamp.downloadId}`,
  );
  const diagonal = encodable(font, `${stamp.email} ${stamp.downloadId}`);
  try {
    for (const page of document.getPages()) stampPage(page, font, footer, diagonal);
    await document.flush();
    leaveStampUncompressed(document);
  } catch {
    throw unstampable('its pages cannot be drawn on');
  }
}

/**
 * The PDF stamped on every page with the reader, the date and the download id, as a stream. All
 * that can fail (loading, drawing) happens before this returns, so a refusal is still a JSON
 * answer; the stream then writes the document object by object. The parsed streams are views
 * into `bytes`, so the file is held once, until its copy is written out.
 */
export async function stampWatermark(bytes: Buffer, stamp: WatermarkStamp): Promise<Readable> {
  const document = await loadStampable(bytes);
  await stampPages(document, stamp);
  return pdfOutputStream(document.context);
}
