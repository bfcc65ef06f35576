-- Single sign-on: an organization may name the OpenID Connect identity provider its members sign in
-- with. Both values are public (the login page shows them); the client secret belongs to the web
-- app (the relying party) and is never stored here. Users can already be disabled (users.disabled_at).

alter table organizations
  add column oidc_issuer text
    check (oidc_issuer ~ '^https?://[^\s?#]+$' and length(oidc_issuer) <= 2000),
  add column oidc_client_id text
    check (length(oidc_client_id) between 1 and 500 and oidc_client_id !~ '[[:cntrl:]]'),
  -- Either both are set or neither: an issuer without a client id cannot be used.
  add constraint organizations_oidc_complete
    check ((oidc_issuer is null) = (oidc_client_id is null));
