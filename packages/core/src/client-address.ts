import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * How the web app tells the API which browser a call is made for. The web app calls the API from
 * its own address, so on its own the API would count every browser's failed sign-ins, and record
 * every action, against the web server. The web app therefore sends the address it saw the browser
 * come from, with an HMAC over it and the time, keyed with a secret only the two servers share
 * (`WEB_CLIENT_ADDRESS_SECRET`). Anything else claiming an address is ignored.
 */
export const CLIENT_ADDRESS_HEADER = 'x-liaison-client-address';
/** `<unix seconds>.<base64url HMAC-SHA256 of "<unix seconds>\n<address>">`. */
export const CLIENT_SIGNATURE_HEADER = 'x-liaison-client-signature';

/** How far a signature's time may lie from the verifier's clock: replays are short-lived. */
export const CLIENT_SIGNATURE_MAX_SKEW_SECONDS = 60;

const SIGNATURE = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, address: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${issuedAt}\n${address}`).digest('base64url');
}

/** An IPv4 address seen on a dual-stack socket (`::ffff:192.0.2.1`) as plain IPv4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The two headers that vouch for `address` (an IP address), signed now. */
export function signClientAddress(
  secret: string,
  address: string,
  now: number = Date.now(),
): Record<string, string> {
  const issuedAt = Math.floor(now / 1000);
  return {
    [CLIENT_ADDRESS_HEADER]: address,
    [CLIENT_SIGNATURE_HEADER]: `${issuedAt}.${mac(secret, address, issuedAt)}`,
  };
}

/**
 * The address the headers vouch for, or undefined when they are missing, malformed, too old or
 * not signed with `secret`.
 */
export function verifyClientAddress(
  secret: string,
  address: string | undefined,
  signature: string | undefined,
  now: number = Date.now(),
): string | undefined {
  if (!address || !signature || isIP(address) === 0) return undefined;
  const match = SIGNATURE.exec(signature);
  if (!match) return undefined;
  const issuedAt = Number(match[1]);
  if (Math.abs(now / 1000 - issuedAt) > CLIENT_SIGNATURE_MAX_SKEW_SECONDS) return undefined;
  const expected = Buffer.from(mac(secret, address, issuedAt));
  return timingSafeEqual(expected, Buffer.from(match[2]!)) ? address : undefined;
}
