/**
 * Requests made by hand, so every byte (field order, file names with control characters, NULs,
 * bad framing) is exact, and their answers read whatever the body holds.
 */
import type { TestClient } from './client.js';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text (so a failing assertion shows it). */
  body: T;
}

export async function answerOf<T = Record<string, unknown>>(
  response: Response,
): Promise<Answer<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {}
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: body as T,
  };
}

/** Sends `body` as JSON to `path` as `client`; the answer is read whatever its body holds. */
export async function sendJson<T = Record<string, unknown>>(
  client: TestClient,
  method: string,
  path: string,
  body: unknown,
): Promise<Answer<T>> {
  return answerOf<T>(
    await client.fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export type FormPart =
  | { name: string; value: string }
  | {
      name: string;
      /** The bytes between the quotes of `filename="..."`, exactly as sent; null: no `filename=`. */
      filename: string | Buffer | null;
      /** Added as `filename*=<value>` (RFC 5987), e.g. `UTF-8''a%00b.pdf`. */
      filenameStar?: string;
      type?: string;
      content: string | Buffer;
    };

const BOUNDARY = '----liaison-test-form-7d2e41';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The form's bytes; `close: false` leaves out the closing boundary. */
export function multipartBody(parts: FormPart[], options: { close?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"`),
    );
    if ('value' in part) {
      chunks.push(Buffer.from(`\r\n\r\n${part.value}\r\n`));
      continue;
    }
    if (part.filename !== null) {
      chunks.push(Buffer.from('; filename="'), Buffer.from(part.filename), Buffer.from('"'));
    }
    if (part.filenameStar !== undefined) {
      chunks.push(Buffer.from(`; filename*=${part.filenameStar}`));
    }
    chunks.push(
      Buffer.from(`\r\nContent-Type: ${part.type ?? 'application/pdf'}\r\n\r\n`),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Posts `parts` to `path` as `client`, in a form made by hand. */
export async function postMultipart<T = Record<string, unknown>>(
  client: TestClient,
  path: string,
  parts: FormPart[],
  options: { close?: boolean } = {},
): Promise<Answer<T>> {
  return answerOf<T>(
    await client.fetch(path, {
      method: 'POST',
      body: multipartBody(parts, options),
      headers: { 'content-type': MULTIPART_TYPE },
    }),
  );
}
