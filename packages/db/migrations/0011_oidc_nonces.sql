-- Single sign-on binds each ID token to one sign-in: the API issues a nonce for the sign-in, the
-- identity provider puts it in the ID token, and the exchange consumes it (once). The nonce is a
-- SHA-256 of the secret handle only the web app holds, so a leaked ID token (which shows the
-- nonce) cannot be exchanged by anyone else, nor twice.
create table oidc_nonces (
  nonce text primary key check (nonce ~ '^[A-Za-z0-9_-]{43}$'),
  expires_at timestamptz not null
);
create index oidc_nonces_expires_idx on oidc_nonces (expires_at);
