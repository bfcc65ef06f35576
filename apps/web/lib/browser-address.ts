// Which browser a call to the API is made for. The web server calls the API from its own address,
// so it tells the API the browser's, signed with WEB_CLIENT_ADDRESS_SECRET (see
// packages/core/src/client-address.ts): the API's sign-in limits and audit log then see the
// browser rather than the web server.
//
// Next.js gives route handlers, pages and actions the request's headers but not its socket, and
// its own X-Forwarded-For is set only when the browser sent none, so a browser could name any
// address there. The address therefore comes from the socket itself: every request the server
// receives gets BROWSER_ADDRESS_HEADER set from it (instrumentation.ts), replacing whatever the
// browser sent under that name.

import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { isAcceptedRequestId, REQUEST_ID_HEADER } from '@liaison/core';
import { plainAddress, signClientAddress } from '@liaison/core/server';
import { type WebConfig, webConfig } from './config';

/** Set on each incoming request by the server itself; never what the browser sent. */
export const BROWSER_ADDRESS_HEADER = 'x-liaison-browser-address';

type IncomingHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * The browser's address: the socket's peer, or, behind a reverse proxy the operator runs
 * (WEB_TRUST_PROXY), the address that proxy appended last to X-Forwarded-For.
 */
export function browserAddressOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string | undefined {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const lastHop = trustProxy ? forwarded?.split(',').at(-1)?.trim() : undefined;
  const address = lastHop || peer;
  return address ? plainAddress(address) : undefined;
}

let observing = false;

/**
 * Stamps every request this process's HTTP server receives with the browser's address, and with a
 * request id (the balancer's when it sent a plain one, else a new one) that the API calls made for
 * it carry on, so the API's log lines of one page view share it.
 */
export function observeBrowserAddresses(config: WebConfig = webConfig()): void {
  if (observing) return;
  observing = true;
  const { trustProxy } = config;
  // Published synchronously before the server's 'request' event, so before Next.js sees it.
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = browserAddressOf(
      socket.remoteAddress,
      request.headers['x-forwarded-for'],
      trustProxy,
    );
    if (address) request.headers[BROWSER_ADDRESS_HEADER] = address;
    else delete request.headers[BROWSER_ADDRESS_HEADER];
    if (!isAcceptedRequestId(request.headers[REQUEST_ID_HEADER])) {
      request.headers[REQUEST_ID_HEADER] = randomUUID();
    }
  });
}

/**
 * The signed headers that tell the API which browser `incoming` (a request's headers) came from;
 * none without WEB_CLIENT_ADDRESS_SECRET or an observed address.
 */
export function signedBrowserAddress(
  incoming: IncomingHeaders,
  config: WebConfig = webConfig(),
): Record<string, string> {
  const secret = config.clientAddressSecret;
  const address =
    incoming instanceof Headers
      ? incoming.get(BROWSER_ADDRESS_HEADER)
      : incoming[BROWSER_ADDRESS_HEADER];
  if (!secret || typeof address !== 'string' || address === '') return {};
  return signClientAddress(secret, address);
}

/** The request id of `incoming`, to hand on to the API; none when it has no acceptable one. */
export function requestIdHeaders(incoming: IncomingHeaders): Record<string, string> {
  const id =
    incoming instanceof Headers ? incoming.get(REQUEST_ID_HEADER) : incoming[REQUEST_ID_HEADER];
  return isAcceptedRequestId(id) ? { [REQUEST_ID_HEADER]: id } : {};
}

/**
 * What the API is told about the request being handled: the signed browser address and the
 * request id; nothing outside a request (build, tests).
 */
export async function callerHeaders(): Promise<Record<string, string>> {
  const [{ headers }, { unstable_rethrow }] = await Promise.all([
    import('next/headers'),
    import('next/navigation'),
  ]);
  try {
    const incoming = await headers();
    return { ...signedBrowserAddress(incoming), ...requestIdHeaders(incoming) };
  } catch (error) {
    // Next.js signals "this page is dynamic" by throwing; that must reach it.
    unstable_rethrow(error);
    return {};
  }
}
