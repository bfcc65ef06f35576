-- Sign-in sessions: every access token names one (its jti), and a token is honoured only while its
-- session is neither revoked (sign-out, removal from the organization it is scoped to) nor expired.

create table sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  -- Set for a sign-in through an organization's identity provider: the token speaks for it alone.
  organization_id uuid references organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
-- Revoking a person's live sessions (all of them, or those scoped to one organization).
create index sessions_user_idx on sessions (user_id, organization_id) where revoked_at is null;
