/**
 * Wire schemas shared by the API (validation, serialization, OpenAPI) and its clients.
 * One source: the TypeScript types below are derived from these schemas.
 */
import { type Static, Type } from 'typebox';
import { RegisterStateSchema, TimestampSchema } from './common-schemas.js';
import { SlugSchema } from './text-schemas.js';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable error code' }),
      message: Type.String({ description: 'Human-readable explanation' }),
    }),
  },
  { title: 'ErrorBody', description: 'Every 4xx and 5xx answer has this body' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** An OpenID Connect issuer: https, or http on loopback only (development and tests). */
export const OidcIssuer = Type.String({
  minLength: 8,
  maxLength: 2000,
  pattern:
    '^(https://[^\\s?#]+|http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?(/[^\\s?#]*)?)$',
  description:
    'Issuer identifier of the OpenID Connect provider (its discovery document is at <issuer>/.well-known/openid-configuration)',
});

export const OidcClientId = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'The client id Liaison is registered with at the identity provider',
});

export const OrganizationSsoSchema = Type.Object(
  { issuer: Type.String(), clientId: Type.String() },
  { title: 'OrganizationSso', description: 'Public settings of an OpenID Connect provider' },
);

export const OrganizationSignInSchema = Type.Object(
  {
    password: Type.Boolean({ description: 'Members may sign in with e-mail and password' }),
    sso: Type.Union([OrganizationSsoSchema, Type.Null()], {
      description: "The organization's OpenID Connect identity provider, if it has one",
    }),
  },
  { title: 'OrganizationSignIn', description: 'The ways in the login page offers' },
);

export const OrganizationSchema = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    signIn: OrganizationSignInSchema,
  },
  { title: 'Organization' },
);

/** PUT /api/v1/organizations/:slug/sso */
export const OrganizationSsoBody = Type.Object(
  { issuer: OidcIssuer, clientId: OidcClientId },
  { additionalProperties: false },
);
export type OrganizationSsoBody = Static<typeof OrganizationSsoBody>;

/** 32 random bytes, base64url: a sign-in's secret nonce handle, and the nonce (its SHA-256). */
const OidcNonceValue = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' });

/** POST /api/v1/auth/oidc/nonce: the nonce for one sign-in, and the handle that redeems it. */
export const OidcNonceResponse = Type.Object({
  nonce: OidcNonceValue,
  nonceHandle: OidcNonceValue,
  expiresAt: TimestampSchema,
});
export type OidcNonceResponse = Static<typeof OidcNonceResponse>;

/**
 * POST /api/v1/auth/oidc: an ID token from the organization's identity provider, and the handle
 * of the nonce it must carry.
 */
export const OidcTokenRequestBody = Type.Object(
  {
    organization: SlugSchema,
    idToken: Type.String({ minLength: 10, maxLength: 16_384 }),
    nonceHandle: OidcNonceValue,
  },
  { additionalProperties: false },
);
export type OidcTokenRequestBody = Static<typeof OidcTokenRequestBody>;

export const RegisterPartySchema = Type.Object({
  organization: Type.String({ description: 'Organization slug' }),
  name: Type.String(),
});

export const WorkRegisterSummarySchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    version: Type.String(),
    state: RegisterStateSchema,
    initiatedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    reviewDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    parties: Type.Array(RegisterPartySchema),
  },
  { title: 'WorkRegisterSummary' },
);

export const OrganizationList = Type.Object({ items: Type.Array(OrganizationSchema) });
export type OrganizationList = Static<typeof OrganizationList>;

export const WorkRegisterList = Type.Object({ items: Type.Array(WorkRegisterSummarySchema) });
export type WorkRegisterList = Static<typeof WorkRegisterList>;

const CheckResult = Type.Object({
  ok: Type.Boolean(),
  error: Type.Optional(Type.String()),
});

export const ReadinessBody = Type.Object({
  // 'draining': shutting down, finishing the requests in flight; send new ones elsewhere.
  status: Type.Union([
    Type.Literal('ready'),
    Type.Literal('unavailable'),
    Type.Literal('draining'),
  ]),
  checks: Type.Object({ database: CheckResult, storage: CheckResult }),
});
export type ReadinessBody = Static<typeof ReadinessBody>;
