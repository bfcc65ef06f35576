-- Organizations, people and their memberships, and the work registers that bind organizations.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  -- Policy text shown to (and acknowledged by) whoever submits IP to this organization.
  ipr_policy text not null default '',
  password_login boolean not null default true,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  name text not null,
  -- Null for people who only sign in through their organization's identity provider.
  password_hash text,
  is_operator boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table memberships (
  user_id uuid not null references users (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  role text not null check (role in ('member', 'editor', 'admin')),
  created_at timestamptz not null default now(),
  primary key (user_id, organization_id)
);
create index memberships_organization_idx on memberships (organization_id);

create table work_registers (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title text not null,
  version text not null default '',
  initiated_on date,
  summary text not null default '',
  state text not null default 'draft' check (state in ('draft', 'approved')),
  review_due date,
  review_process text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table register_parties (
  register_id uuid not null references work_registers (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete restrict,
  -- How the register itself describes the party.
  description text not null default '',
  position smallint not null default 0,
  primary key (register_id, organization_id)
);
create index register_parties_organization_idx on register_parties (organization_id);
