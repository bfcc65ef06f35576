// Header rules of the two same-origin streaming proxies (downloads and uploads). Pure: the route
// handlers do the I/O; what crosses between browser and API is decided, and tested, here.

/** Request headers a download passes on to the API (ranges and revalidation). */
export const DOWNLOAD_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match'] as const;

/** Response headers of the API's file answer that the browser gets as they are. */
export const DOWNLOAD_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'x-content-type-options',
] as const;

/**
 * The file's length, under a name of ours: Next.js drops a route handler's Content-Length, and
 * the server writes this one out as Content-Length instead (lib/download-length.ts).
 */
export const DOWNLOAD_LENGTH_HEADER = 'x-liaison-download-length';

/**
 * The API's length, when the body is passed on as it came: fetch decodes a compressed body, and
 * the encoded length would then cut the decoded bytes short.
 */
export function passedOnLength(upstream: Headers): string | undefined {
  const length = upstream.get('content-length');
  if (length === null || !/^[0-9]+$/.test(length) || upstream.has('content-encoding')) {
    return undefined;
  }
  return length;
}

/**
 * The policy for a PDF shown inside the document page. The API's `sandbox` stays: Chromium's PDF
 * viewer renders sandboxed PDFs (checked with Chromium 150), and it keeps any script in the file
 * from running with the portal's origin. `default-src 'none'` stops the document loading anything,
 * and `frame-ancestors 'self'` lets only the portal's own pages frame it (which also overrides
 * the site-wide X-Frame-Options: DENY for this one response in browsers that know CSP 2).
 */
export const INLINE_PDF_CSP = "sandbox; default-src 'none'; frame-ancestors 'self'";

/** The policy for everything else: what the API says, and never framed by anyone. */
export const ATTACHMENT_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

export function downloadRequestHeaders(incoming: Headers, token: string | null): Headers {
  const headers = new Headers();
  for (const name of DOWNLOAD_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/**
 * The browser's headers for the API's file answer. `inlineRequested`: the URL asked for the inline
 * (preview) form. A 304 carries no Content-Type or Content-Disposition, and the browser merges its
 * headers into the copy it holds, so its policy follows the URL (the cache key) rather than the
 * absent headers; otherwise a revalidated preview would turn unframeable.
 */
export function downloadResponseHeaders(upstream: Headers, inlineRequested = false): Headers {
  const headers = new Headers();
  for (const name of DOWNLOAD_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  const length = passedOnLength(upstream);
  if (length !== undefined) headers.set(DOWNLOAD_LENGTH_HEADER, length);
  const servedInline =
    /^\s*inline\b/i.test(upstream.get('content-disposition') ?? '') &&
    /^application\/pdf\b/i.test(upstream.get('content-type') ?? '');
  const notModified = !upstream.has('content-type') && !upstream.has('content-disposition');
  const inline = inlineRequested && (servedInline || notModified);
  headers.set('content-security-policy', inline ? INLINE_PDF_CSP : ATTACHMENT_CSP);
  headers.set('x-content-type-options', 'nosniff');
  // Private to the session; `no-transform` keeps any compression layer away from the bytes, so
  // Content-Length and Content-Range stay true.
  headers.set('cache-control', 'private, no-cache, no-transform');
  headers.set('vary', 'cookie, range');
  return headers;
}

/**
 * The headers of the multipart request the upload proxy sends on to the API, with the signed
 * browser address (lib/browser-address.ts) when there is one.
 */
export function uploadRequestHeaders(
  incoming: Headers,
  token: string,
  browserAddress: Record<string, string> = {},
): Headers {
  const headers = new Headers({
    ...browserAddress,
    authorization: `Bearer ${token}`,
    accept: 'application/json',
  });
  const contentType = incoming.get('content-type');
  if (contentType) headers.set('content-type', contentType);
  const contentLength = incoming.get('content-length');
  if (contentLength && /^[0-9]+$/.test(contentLength)) headers.set('content-length', contentLength);
  return headers;
}

/** A multipart/form-data content type that names its boundary. */
export function isMultipartFormData(contentType: string | null): boolean {
  return (
    contentType !== null &&
    /^multipart\/form-data\s*;/i.test(contentType) &&
    /;\s*boundary=/i.test(contentType)
  );
}

/**
 * Whether a state-changing request comes from the portal's own pages. Browsers send
 * Sec-Fetch-Site (and Origin) on every cross-site POST, so a forged form or fetch from another site
 * is refused; clients that send neither (curl, scripts) are not browsers riding on a cookie.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (origin === null) return true;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
