import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface UploadFile {
  path: string;
  size: number;
  filename: string;
  mediaType: string;
}

export interface UploadBody {
  stream: Readable;
  length: number;
  contentType: string;
  /** The SHA-256 of each file's bytes as sent, known once the stream has ended. */
  sha256s(): string[];
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** A quoted multipart parameter, escaped the way browsers do (the HTML form-data encoding). */
function quoted(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/**
 * A multipart/form-data body: the text fields first, in order, then each file as a `file` part
 * (after a `size` part with its length), streamed from disk with a known total length. Each file
 * is hashed as it is read, so the hashes are of the bytes sent; `onProgress` counts file bytes
 * across all files.
 */
export function formBody(
  fields: ReadonlyArray<readonly [string, string]>,
  files: readonly UploadFile[],
  onProgress?: (sent: number, total: number) => void,
): UploadBody {
  const boundary = `liaison-${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    fields
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`,
      )
      .join(''),
  );
  // Each file comes after a `size` field with its length: the API then streams it into storage
  // in one PUT of that length, and refuses it if it turns out to be another length.
  const fileHeads = files.map((file) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="size"\r\n\r\n${file.size}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quoted(file.filename)}\r\n` +
        `Content-Type: ${file.mediaType}\r\n\r\n`,
    ),
  );
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const digests: string[] = [];

  async function* parts() {
    yield head;
    let sent = 0;
    for (const [index, file] of files.entries()) {
      yield fileHeads[index]!;
      const hash = createHash('sha256');
      let read = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES })) {
        const bytes = chunk as Buffer;
        read += bytes.length;
        if (read > file.size) break;
        hash.update(bytes);
        sent += bytes.length;
        onProgress?.(sent, total);
        yield bytes;
      }
      if (read !== file.size) throw new Error(`${file.path} changed size while it was being sent`);
      digests.push(hash.digest('hex'));
      yield Buffer.from('\r\n');
    }
    yield tail;
  }

  return {
    stream: Readable.from(parts(), { objectMode: false }),
    length:
      head.length + fileHeads.reduce((sum, part) => sum + part.length + 2, 0) + total + tail.length,
    contentType: `multipart/form-data; boundary=${boundary}`,
    sha256s() {
      if (digests.length !== files.length) {
        throw new Error('the upload body has not been sent in full');
      }
      return digests;
    },
  };
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  csv: 'text/csv',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

/** The media type a file name suggests; the API stores application/octet-stream for the rest. */
export function mediaTypeOf(filename: string): string {
  const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}
