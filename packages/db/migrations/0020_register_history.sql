-- A work register's history, as its parties read it on the register page: who changed what, when,
-- from what to what. Written in the transaction of the change; kept when the author leaves (the
-- name and address are copied) and gone with the register.
create table register_events (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: newest first, even within one transaction's timestamp.
  seq bigint generated always as identity unique,
  register_id uuid not null references work_registers (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references users (id) on delete set null,
  actor_name text not null default '' check (length(actor_name) <= 200),
  actor_email text,
  -- The party the change was made for (null: the portal operator or an import).
  on_behalf_of_id uuid references organizations (id) on delete set null,
  action text not null check (length(action) between 1 and 100),
  -- What changed: `milestone`, `commitment`, `contact`, `approval`, or `register` (its terms and
  -- sections); the item's id when it has one.
  item_kind text not null check (item_kind in ('milestone', 'commitment', 'contact', 'approval', 'register')),
  item_id text,
  before jsonb,
  after jsonb,
  check (before is not null or after is not null)
);
create index register_events_register_idx on register_events (register_id, seq desc);

-- The board resolution an approval carries: a portal document, found by owner and identifier when
-- the register is read (like a commitment's). Without its owner (deleted) it is no reference.
alter table register_approvals
  add column resolution_document_organization_id uuid references organizations (id) on delete set null,
  add column resolution_document_identifier text
    check (resolution_document_identifier ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
