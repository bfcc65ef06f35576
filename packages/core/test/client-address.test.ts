import { describe, expect, it } from 'vitest';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_SIGNATURE_HEADER,
  plainAddress,
  signClientAddress,
  verifyClientAddress,
} from '../src/server.js';

const SECRET = 'client-address-secret-of-at-least-32-chars';
const NOW = Date.parse('2026-12-04T12:00:00Z');

function verify(headers: Record<string, string>, secret = SECRET, now = NOW) {
  return verifyClientAddress(
    secret,
    headers[CLIENT_ADDRESS_HEADER],
    headers[CLIENT_SIGNATURE_HEADER],
    now,
  );
}

describe('signed client addresses', () => {
  it('vouch for the address they were signed for, IPv4 and IPv6', () => {
    expect(verify(signClientAddress(SECRET, '198.51.100.7', NOW))).toBe('198.51.100.7');
    expect(verify(signClientAddress(SECRET, '2001:db8::1', NOW))).toBe('2001:db8::1');
  });

  it('are refused with another secret, another address, or a changed time', () => {
    const signed = signClientAddress(SECRET, '198.51.100.7', NOW);
    expect(verify(signed, `${SECRET}-other`)).toBe(undefined);
    expect(verify({ ...signed, [CLIENT_ADDRESS_HEADER]: '198.51.100.8' })).toBe(undefined);
    const [time, mac] = signed[CLIENT_SIGNATURE_HEADER]!.split('.');
    expect(verify({ ...signed, [CLIENT_SIGNATURE_HEADER]: `${Number(time) + 1}.${mac}` })).toBe(
      undefined,
    );
  });

  it('expire a minute either side of the clock', () => {
    const signed = signClientAddress(SECRET, '198.51.100.7', NOW);
    expect(verify(signed, SECRET, NOW + 60_000)).toBe('198.51.100.7');
    expect(verify(signed, SECRET, NOW + 61_000)).toBe(undefined);
    expect(verify(signed, SECRET, NOW - 61_000)).toBe(undefined);
  });

  it.each([
    [undefined, undefined],
    ['198.51.100.7', undefined],
    ['198.51.100.7', 'garbage'],
    ['not an address', 'x'],
  ])('are ignored when missing or malformed: %j %j', (address, signature) => {
    expect(verifyClientAddress(SECRET, address, signature, NOW)).toBe(undefined);
  });

  it('refuse a validly signed value that is no IP address', () => {
    expect(verify(signClientAddress(SECRET, 'evil\nvalue', NOW))).toBe(undefined);
  });

  it('name IPv4 seen on a dual-stack socket as plain IPv4', () => {
    expect(plainAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(plainAddress('2001:db8::1')).toBe('2001:db8::1');
  });
});
