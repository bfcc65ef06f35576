// Next.js drops Content-Length from every route handler's Response (it cannot know whether fetch
// decoded the body on the way), so a proxied download would reach the browser without its length:
// no progress bar, no time left. The download proxy names the API's length under
// DOWNLOAD_LENGTH_HEADER instead, a name Next.js passes on, and the server writes it out as
// Content-Length (instrumentation.ts). Only that proxy sets the name (lib/proxy.ts), and only for
// a body passed on as it came, so the length is always the body's.

import { subscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import { DOWNLOAD_LENGTH_HEADER } from './proxy';

/** Makes `response` write DOWNLOAD_LENGTH_HEADER as Content-Length. */
export function restoreContentLength(response: ServerResponse): void {
  const setHeader = response.setHeader;
  response.setHeader = function (this: ServerResponse, name, value) {
    const target = name.toLowerCase() === DOWNLOAD_LENGTH_HEADER ? 'content-length' : name;
    return setHeader.call(this, target, value);
  };
}

let restoring = false;

/** Applies restoreContentLength to every response of this process's HTTP server. */
export function restoreDownloadLengths(): void {
  if (restoring) return;
  restoring = true;
  // Published synchronously before the server's 'request' event, so before Next.js sees it.
  subscribe('http.server.request.start', (message) => {
    restoreContentLength((message as { response: ServerResponse }).response);
  });
}
