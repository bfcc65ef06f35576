import { describe, expect, it } from 'vitest';
import { describeApiError } from '../lib/errors';
import {
  ATTACHMENT_CSP,
  DOWNLOAD_LENGTH_HEADER,
  downloadRequestHeaders,
  downloadResponseHeaders,
  INLINE_PDF_CSP,
  isMultipartFormData,
  isSameOriginRequest,
  isUuid,
  uploadRequestHeaders,
} from '../lib/proxy';
import { readUploadAnswer, uploadUrl } from '../lib/upload-client';

describe('download proxy headers', () => {
  it('pass ranges and revalidation on, with the token, and nothing else', () => {
    const headers = downloadRequestHeaders(
      new Headers({
        range: 'bytes=0-99',
        'if-none-match': '"abc"',
        'if-range': '"abc"',
        cookie: 'next-auth.session-token=secret',
        authorization: 'Bearer forged',
        'x-forwarded-for': '1.2.3.4',
      }),
      'session-token',
    );
    expect(Object.fromEntries(headers)).toEqual({
      range: 'bytes=0-99',
      'if-none-match': '"abc"',
      'if-range': '"abc"',
      authorization: 'Bearer session-token',
    });
    expect(
      downloadRequestHeaders(new Headers({ authorization: 'Bearer x' }), null).has('authorization'),
    ).toBe(false);
  });

  const file = {
    'content-type': 'application/pdf',
    'content-length': '773',
    'content-disposition': 'attachment; filename="a.pdf"',
    'content-range': 'bytes 0-99/773',
    'accept-ranges': 'bytes',
    etag: '"abc"',
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'set-cookie': 'leak=1',
    server: 'fastify',
  };

  it('give the browser the file headers, a sandboxing policy and no caching by others', () => {
    const headers = downloadResponseHeaders(new Headers(file));
    expect(headers.get('content-type')).toBe('application/pdf');
    // Under our own name: Next.js drops a route handler's Content-Length.
    expect(headers.get(DOWNLOAD_LENGTH_HEADER)).toBe('773');
    expect(headers.get('content-disposition')).toBe('attachment; filename="a.pdf"');
    expect(headers.get('content-range')).toBe('bytes 0-99/773');
    expect(headers.get('etag')).toBe('"abc"');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
    expect(headers.get('cache-control')).toBe('private, no-cache, no-transform');
    expect(headers.has('set-cookie')).toBe(false);
    expect(headers.has('server')).toBe(false);
  });

  it('pass the length on only when it is the body’s: one number, not encoded', () => {
    const lengthOf = (headers: Record<string, string>) =>
      downloadResponseHeaders(new Headers({ ...file, ...headers })).get(DOWNLOAD_LENGTH_HEADER);
    expect(lengthOf({ 'content-encoding': 'gzip' })).toBeNull();
    expect(lengthOf({ 'content-length': '12, 13' })).toBeNull();
    const { 'content-length': _, ...unsized } = file;
    expect(downloadResponseHeaders(new Headers(unsized)).has(DOWNLOAD_LENGTH_HEADER)).toBe(false);
  });

  it('let only the portal frame an inline PDF, still sandboxed', () => {
    const inline = { ...file, 'content-disposition': 'inline; filename="a.pdf"' };
    expect(downloadResponseHeaders(new Headers(inline), true).get('content-security-policy')).toBe(
      INLINE_PDF_CSP,
    );
    expect(INLINE_PDF_CSP).toContain('sandbox');
    expect(INLINE_PDF_CSP).toContain("frame-ancestors 'self'");
    // Not asked for inline, or not a PDF: never framed.
    expect(downloadResponseHeaders(new Headers(inline), false).get('content-security-policy')).toBe(
      ATTACHMENT_CSP,
    );
    expect(
      downloadResponseHeaders(new Headers({ ...inline, 'content-type': 'text/html' }), true).get(
        'content-security-policy',
      ),
    ).toBe(ATTACHMENT_CSP);
  });

  it('keep a revalidated preview frameable (a 304 has no content headers)', () => {
    const notModified = new Headers({ etag: '"abc"', 'accept-ranges': 'bytes' });
    expect(downloadResponseHeaders(notModified, true).get('content-security-policy')).toBe(
      INLINE_PDF_CSP,
    );
    expect(downloadResponseHeaders(notModified, false).get('content-security-policy')).toBe(
      ATTACHMENT_CSP,
    );
  });
});

describe('upload proxy', () => {
  it('sends the body’s type and length with the token, and no browser cookies', () => {
    const headers = uploadRequestHeaders(
      new Headers({
        'content-type': 'multipart/form-data; boundary=----x',
        'content-length': '1073742000',
        cookie: 'next-auth.session-token=secret',
        authorization: 'Bearer forged',
      }),
      'session-token',
    );
    expect(Object.fromEntries(headers)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer session-token',
      'content-type': 'multipart/form-data; boundary=----x',
      'content-length': '1073742000',
    });
    expect(
      uploadRequestHeaders(new Headers({ 'content-length': '12, 13' }), 't').has('content-length'),
    ).toBe(false);
  });

  it('names the browser with the signed address it is given, never one the browser sent', () => {
    const headers = uploadRequestHeaders(
      new Headers({
        'x-liaison-client-address': '203.0.113.66',
        'x-liaison-client-signature': 'x',
      }),
      'session-token',
      { 'x-liaison-client-address': '198.51.100.5', 'x-liaison-client-signature': '1.sig' },
    );
    expect(headers.get('x-liaison-client-address')).toBe('198.51.100.5');
    expect(headers.get('x-liaison-client-signature')).toBe('1.sig');
  });

  it('accepts only multipart form data with a boundary', () => {
    expect(isMultipartFormData('multipart/form-data; boundary=abc')).toBe(true);
    expect(isMultipartFormData('Multipart/Form-Data;boundary=abc')).toBe(true);
    expect(isMultipartFormData('multipart/form-data')).toBe(false);
    expect(isMultipartFormData('application/json')).toBe(false);
    expect(isMultipartFormData(null)).toBe(false);
  });

  it('refuses cross-site posts', () => {
    const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers));
    expect(check({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(check({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(false);
    expect(check({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(check({ origin: 'https://portal.example', host: 'portal.example' })).toBe(true);
    expect(check({ origin: 'https://evil.example', host: 'portal.example' })).toBe(false);
    expect(
      check({
        origin: 'https://portal.example',
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'portal.example',
      }),
    ).toBe(true);
    expect(check({ origin: 'null', host: 'portal.example' })).toBe(false);
    // Not a browser (no Origin, no Sec-Fetch-Site): no ambient cookie to abuse.
    expect(check({ host: 'portal.example' })).toBe(true);
  });

  it('reads the answer: the stored version, or the API’s error', () => {
    const version = { id: 'v', label: '1.0', sha256: 'ab'.repeat(32), size: 3 };
    expect(readUploadAnswer(201, JSON.stringify(version))).toEqual({ ok: true, version });
    expect(
      readUploadAnswer(
        409,
        JSON.stringify({ error: { code: 'duplicate_label', message: 'Already has 1.0' } }),
      ),
    ).toEqual({
      ok: false,
      aborted: false,
      status: 409,
      code: 'duplicate_label',
      detail: 'Already has 1.0',
    });
    expect(readUploadAnswer(502, '<html>')).toEqual({ ok: false, aborted: false, status: 502 });
    expect(readUploadAnswer(201, '{}')).toMatchObject({ ok: false, status: 502 });
    expect(uploadUrl('a b')).toBe('/api/upload/a%20b');
  });

  it('knows a UUID', () => {
    expect(isUuid('122967c0-bbbe-4449-b6f9-d987cc7ba8e7')).toBe(true);
    expect(isUuid('../../etc/passwd')).toBe(false);
    expect(isUuid('122967c0bbbe4449b6f9d987cc7ba8e7')).toBe(false);
  });
});

describe('describeApiError', () => {
  it('says what happened in words people understand', () => {
    expect(describeApiError({ status: 0 })).toMatch(/cannot be reached/);
    expect(describeApiError({ status: 401 })).toMatch(/session has expired/);
    expect(describeApiError({ status: 403, detail: 'Only admins may release' })).toBe(
      'Only admins may release',
    );
    expect(describeApiError({ status: 404 })).toMatch(/no longer exists/);
    expect(describeApiError({ status: 409, code: 'duplicate_label' })).toMatch(/already has/);
    expect(describeApiError({ status: 413 })).toMatch(/larger/);
    expect(describeApiError({ status: 400, detail: 'The file needs a name' })).toBe(
      'The file needs a name',
    );
    expect(describeApiError({ status: 500, detail: 'stack trace' })).toMatch(/HTTP 500/);
  });
});
