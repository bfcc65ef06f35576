import { Readable } from 'node:stream';
import {
  type PDFContext,
  PDFCrossRefSection,
  type PDFObject,
  type PDFRef,
  PDFTrailer,
  PDFTrailerDict,
} from '@pdfme/pdf-lib';

/** Small objects are written together, in chunks of about this size. */
const CHUNK_BYTES = 64 * 1024;

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** `n g obj\n<object>\nendobj\n\n`, as pdf-lib's own writer lays objects out. */
function indirectObjectSize(ref: PDFRef, object: PDFObject): number {
  return `${ref.objectNumber} ${ref.generationNumber} obj\n`.length + object.sizeInBytes() + 9;
}

function writeIndirectObject(ref: PDFRef, object: PDFObject, target: Buffer, at: number): number {
  let offset = at;
  offset += target.write(`${ref.objectNumber} ${ref.generationNumber} obj\n`, offset, 'latin1');
  offset += object.copyBytesInto(target, offset);
  offset += target.write('\nendobj\n\n', offset, 'latin1');
  return offset - at;
}

/**
 * The document as a stream of bytes, written object by object: pdf-lib's own `save()` builds the
 * whole file in one buffer, a second copy next to the loaded one; this holds one chunk (or one
 * object) at a time. Classic cross-reference table, no object streams, no encryption.
 */
export function pdfOutputStream(context: PDFContext): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    let written = 0;
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const flush = () => {
      const out = Buffer.concat(chunk, chunkBytes);
      chunk = [];
      chunkBytes = 0;
      return out;
    };

    const header = Buffer.alloc(context.header.sizeInBytes() + 2, '\n');
    context.header.copyBytesInto(header, 0);
    chunk.push(header);
    chunkBytes += header.length;
    written += header.length;

    const xref = PDFCrossRefSection.create();
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      xref.addEntry(ref, written);
      const serialized = Buffer.allocUnsafe(indirectObjectSize(ref, object));
      writeIndirectObject(ref, object, serialized, 0);
      written += serialized.length;
      chunk.push(serialized);
      chunkBytes += serialized.length;
      if (chunkBytes >= CHUNK_BYTES) yield flush();
    }

    const trailerDict = PDFTrailerDict.of(
      context.obj({
        Size: context.largestObjectNumber + 1,
        Root: context.trailerInfo.Root,
        Info: context.trailerInfo.Info,
        ID: context.trailerInfo.ID,
      }),
    );
    const tail = Buffer.allocUnsafe(xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2);
    let offset = xref.copyBytesInto(tail, 0);
    offset += tail.write('\n', offset, 'latin1');
    offset += trailerDict.copyBytesInto(tail, offset);
    tail.write('\n\n', offset, 'latin1');
    const startXref = ascii(`${PDFTrailer.forLastCrossRefSectionOffset(written).toString()}\n`);
    chunk.push(tail, startXref);
    chunkBytes += tail.length + startXref.length;
    yield flush();
  }
  return Readable.from(bytes(), { objectMode: false });
}
