import { RangeNotSatisfiableError } from '@liaison/core';

/** An inclusive byte range, resolved against the file's size. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'range'; range: ByteRange }
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d{0,15})-(\d{0,15})$/;

/**
 * Reads a `Range` header (RFC 9110 §14). One range is served as 206; several ranges are
 * legal but not worth a multipart answer, so the whole file is sent instead, as the RFC allows.
 * A header that is not a valid byte range is ignored (the whole file), as the RFC says and as
 * S3 and nginx do: a client that sends nonsense still gets the file rather than an error.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const value = header.trim();
  const match = SINGLE.exec(value);
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  // Also for an open range ("bytes=<size>-"): it asks for bytes past the end, a 416.
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Number(last);
  return { kind: 'range', range: { start, end: Math.min(end, size - 1) } };
}

/** Whether an If-None-Match header names this ETag (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Stored files never change, so their SHA-256 is a perfect strong ETag. */
export function storedFileEtag(sha256: string): string {
  return `"${sha256}"`;
}

/**
 * What a conditional, possibly ranged read of a stored file asks for: 'not-modified' when the
 * client's copy is current, one range, or undefined for the whole file. A range past the end
 * throws the typed error the error handler maps to 416, before any bytes are fetched.
 */
export function resolveConditionalRead(
  request: { range?: string; ifNoneMatch?: string },
  etag: string,
  size: number,
): 'not-modified' | ByteRange | undefined {
  if (etagMatches(request.ifNoneMatch, etag)) return 'not-modified';
  const wanted = parseRange(request.range, size);
  if (wanted.kind === 'unsatisfiable') {
    throw new RangeNotSatisfiableError('The range lies outside the file', size);
  }
  return wanted.kind === 'range' ? wanted.range : undefined;
}
