/** Files with known text for the extraction and search tests, made by real libraries. */

import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import { Document, Packer, Paragraph } from 'docx';

/** A PDF with one page per entry, each page's lines drawn as text. */
export async function pdfWithPages(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, index) => {
      page.drawText(line, { x: 50, y: 780 - index * 20, size: 12, font });
    });
  }
  return pdf.save();
}

export async function docxWithParagraphs(paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A minimal PDF whose standard security handler wants a password the empty one does not match
 * (pdf-lib writes no encrypted files): written by hand, with an /Encrypt dictionary in the trailer.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = (byte: string) => byte.repeat(32);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 50 780 Td (secret words) Tj ET\nendstream',
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <${hex32('ab')}> /U <${hex32('cd')}> >>`,
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '0123456789abcdef0123456789abcdef';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id}> <${id}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * A ZIP archive whose central directory declares `declaredBytes` of content for a
 * word/document.xml entry that holds a few bytes: what a zip bomb's directory looks like.
 */
export function zipDeclaring(declaredBytes: number): Uint8Array {
  const name = new TextEncoder().encode('word/document.xml');
  const content = new TextEncoder().encode('<w:document/>');
  const local = new Uint8Array(30 + name.length + content.length);
  const localView = new DataView(local.buffer);
  localView.setUint32(0, 0x04034b50, true);
  localView.setUint32(18, content.length, true);
  localView.setUint32(22, content.length, true);
  localView.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(content, 30 + name.length);
  const central = new Uint8Array(46 + name.length);
  const centralView = new DataView(central.buffer);
  centralView.setUint32(0, 0x02014b50, true);
  centralView.setUint32(20, content.length, true);
  centralView.setUint32(24, declaredBytes, true);
  centralView.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, 1, true);
  endView.setUint16(10, 1, true);
  endView.setUint32(12, central.length, true);
  endView.setUint32(16, local.length, true);
  const archive = new Uint8Array(local.length + central.length + end.length);
  archive.set(local, 0);
  archive.set(central, local.length);
  archive.set(end, local.length + central.length);
  return archive;
}
