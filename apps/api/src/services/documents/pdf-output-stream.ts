import { Readable } from 'node:stream';
import {
  type PDFContext,
  PDFCrossRefSection,
  PDFStream,
  PDFTrailer,
  PDFTrailerDict,
} from '@pdfme/pdf-lib';

/** Small objects are written together, in chunks of about this size. */
const CHUNK_BYTES = 64 * 1024;

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The bytes pdf-lib's own writer gives a part of the file, in a buffer of their own. */
function serialized(object: {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}): Buffer {
  const bytes = Buffer.allocUnsafe(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/**
 * The document as a stream of bytes, laid out as pdf-lib's own writer does (`n g obj\n<object>
 * \nendobj\n\n`, a classic cross-reference table, no object streams, no encryption), without
 * holding a second copy of it: pdf-lib's `save()` builds the whole file in one buffer.
 *
 * A stream's contents of a chunk or more are sent as they are held, not copied: a loaded file's
 * streams are views into its buffer, so the copy costs no memory beyond that buffer. Copying them
 * into buffers of their own made the file's size again in garbage, which V8 frees only lazily.
 */
export function pdfOutputStream(context: PDFContext): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    let written = 0;
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const add = (part: Buffer) => {
      chunk.push(part);
      chunkBytes += part.length;
      written += part.length;
    };
    const flush = () => {
      const out = Buffer.concat(chunk, chunkBytes);
      chunk = [];
      chunkBytes = 0;
      return out;
    };

    const header = Buffer.alloc(context.header.sizeInBytes() + 2, '\n');
    context.header.copyBytesInto(header, 0);
    add(header);

    const xref = PDFCrossRefSection.create();
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      xref.addEntry(ref, written);
      add(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      if (object instanceof PDFStream && object.getContentsSize() >= CHUNK_BYTES) {
        object.updateDict();
        add(serialized(object.dict));
        add(ascii('\nstream\n'));
        yield flush();
        const contents = object.getContents();
        written += contents.length;
        yield Buffer.from(contents.buffer, contents.byteOffset, contents.length);
        add(ascii('\nendstream'));
      } else {
        add(serialized(object));
      }
      add(ascii('\nendobj\n\n'));
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
    const xrefOffset = written;
    add(serialized(xref));
    add(ascii('\n'));
    add(serialized(trailerDict));
    add(ascii('\n\n'));
    add(ascii(`${PDFTrailer.forLastCrossRefSectionOffset(xrefOffset).toString()}\n`));
    yield flush();
  }
  return Readable.from(bytes(), { objectMode: false });
}
