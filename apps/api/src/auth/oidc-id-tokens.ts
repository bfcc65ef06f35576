import { DependencyUnavailableError, isEmailAddress, UnauthenticatedError } from '@liaison/core';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

/**
 * Verifies ID tokens from an organization's OpenID Connect provider, the API's own way: the keys
 * come from the `jwks_uri` of the issuer's discovery document, and `iss`, `aud`, `exp` and the
 * signature are checked here, whatever the web app (the relying party) already checked.
 */

/** Discovery documents are re-read this often; the key sets refresh themselves on unknown keys. */
const DISCOVERY_MAX_AGE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;
/** How far the identity provider's clock may be off from ours. */
const CLOCK_TOLERANCE_SECONDS = 10;
/** An ID token is exchanged right after it is issued; an older one is a replay. */
const MAX_TOKEN_AGE = '10 minutes';
/** Signatures with the provider's published keys only: never a shared-secret (HS*) algorithm. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export interface IdentityProvider {
  issuer: string;
  clientId: string;
}

/** What Liaison takes from a verified ID token. */
export interface VerifiedIdentity {
  subject: string;
  email: string;
  name: string | null;
  /** The sign-in's nonce, if the token has one; the caller decides whether it is the right one. */
  nonce: string | null;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

interface Discovered {
  jwksUri: string;
  keys: KeySet;
  fetchedAt: number;
}

export class IdTokenVerifier {
  private readonly discovered = new Map<string, Promise<Discovered>>();

  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  /** The identity in a valid ID token; UnauthenticatedError (code sso_token_invalid) otherwise. */
  async verify(idToken: string, provider: IdentityProvider): Promise<VerifiedIdentity> {
    const { keys } = await this.discover(provider.issuer);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, keys, {
        issuer: provider.issuer,
        audience: provider.clientId,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw invalidToken(error);
    }
    // With several audiences, the token must have been issued to us (OpenID Connect Core 3.1.3.7).
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== provider.clientId) {
      throw new UnauthenticatedError(
        "The identity provider's token was issued to another application",
        'sso_token_invalid',
      );
    }
    const email = typeof payload.email === 'string' ? payload.email.trim() : '';
    if (!isEmailAddress(email)) {
      throw new UnauthenticatedError(
        'The identity provider did not tell Liaison your e-mail address',
        'sso_email_missing',
      );
    }
    // Only an address the provider vouches for names a Liaison account: missing means unverified.
    if (payload.email_verified !== true && payload.email_verified !== 'true') {
      throw new UnauthenticatedError(
        'Your identity provider has not verified your e-mail address',
        'sso_email_unverified',
      );
    }
    return {
      subject: payload.sub!,
      email,
      name: typeof payload.name === 'string' ? payload.name : null,
      nonce: typeof payload.nonce === 'string' ? payload.nonce : null,
    };
  }

  private discover(issuer: string): Promise<Discovered> {
    const cached = this.discovered.get(issuer);
    if (cached) {
      // A failed or stale discovery is retried; a fresh one is reused.
      return cached.then(
        (found) =>
          Date.now() - found.fetchedAt < DISCOVERY_MAX_AGE_MS ? found : this.rediscover(issuer),
        () => this.rediscover(issuer),
      );
    }
    return this.rediscover(issuer);
  }

  private rediscover(issuer: string): Promise<Discovered> {
    const previous = this.discovered.get(issuer);
    const pending = this.fetchDiscovery(issuer).then(async (jwksUri) => {
      const reused = await previous?.catch(() => undefined);
      return {
        jwksUri,
        // Keep the key set (and its cache) when the document still names the same one.
        keys:
          reused && reused.jwksUri === jwksUri
            ? reused.keys
            : createRemoteJWKSet(new URL(jwksUri), {
                timeoutDuration: FETCH_TIMEOUT_MS,
                cooldownDuration: 30_000,
                cacheMaxAge: DISCOVERY_MAX_AGE_MS,
              }),
        fetchedAt: Date.now(),
      };
    });
    this.discovered.set(issuer, pending);
    return pending;
  }

  private async fetchDiscovery(issuer: string): Promise<string> {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const unavailable = (detail: string) =>
      new DependencyUnavailableError(
        `The organization's identity provider cannot be reached (${detail})`,
      );
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch {
      throw unavailable('no answer from its discovery document');
    }
    if (!response.ok) throw unavailable(`its discovery document answered HTTP ${response.status}`);
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      document = (await response.json()) as typeof document;
    } catch {
      throw unavailable('its discovery document is not JSON');
    }
    // The document must be the issuer's own (OpenID Connect Discovery 4.3).
    if (document.issuer !== issuer)
      throw unavailable('its discovery document names another issuer');
    if (typeof document.jwks_uri !== 'string') throw unavailable('no jwks_uri');
    let jwksUri: URL;
    try {
      jwksUri = new URL(document.jwks_uri);
    } catch {
      throw unavailable('jwks_uri is not a URL');
    }
    if (jwksUri.protocol !== 'https:' && jwksUri.protocol !== new URL(issuer).protocol) {
      throw unavailable('jwks_uri is not https');
    }
    return jwksUri.href;
  }
}

function invalidToken(error: unknown): Error {
  // Anything but a JOSE error is the key set's fetch failing, not the token.
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new DependencyUnavailableError(
      "The organization's identity provider did not answer with its keys",
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new UnauthenticatedError(
      "The identity provider's token has expired",
      'sso_token_invalid',
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reason =
      error.claim === 'iss'
        ? 'comes from another identity provider'
        : error.claim === 'aud'
          ? 'was issued to another application'
          : error.claim === 'iat'
            ? 'is too old'
            : `has an unacceptable "${error.claim}" claim`;
    return new UnauthenticatedError(`The identity provider's token ${reason}`, 'sso_token_invalid');
  }
  return new UnauthenticatedError(
    "The identity provider's token is not valid",
    'sso_token_invalid',
  );
}
