-- Invitations: an organization admin asks a person to join; the person accepts through a link
-- with a secret token (only its SHA-256 is stored). An invitation is pending until it is accepted,
-- revoked or past expires_at; it is accepted at most once.

create table invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  role text not null check (role in ('member', 'editor', 'admin')),
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null,
  check (revoked_at is null or accepted_at is null)
);

create index invitations_pending_idx on invitations (organization_id, created_at)
  where revoked_at is null and accepted_at is null;
