-- Change notes on versions, and people following documents, registers and organizations' releases.

-- What changed in this version, as its uploader wrote it; '' when they wrote nothing.
alter table document_versions
  add column change_note text not null default '' check (length(change_note) <= 2000);

-- One row per person and thing followed: a document (its new versions), a register (documents
-- newly shared under it) or an organization (the documents it releases).
create table follows (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  target_kind text not null check (target_kind in ('document', 'register', 'organization')),
  document_id uuid references documents (id) on delete cascade,
  register_id uuid references work_registers (id) on delete cascade,
  organization_id uuid references organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  check (
    (target_kind = 'document') = (document_id is not null)
    and (target_kind = 'register') = (register_id is not null)
    and (target_kind = 'organization') = (organization_id is not null)
  )
);
create unique index follows_document on follows (user_id, document_id) where document_id is not null;
create unique index follows_register on follows (user_id, register_id) where register_id is not null;
create unique index follows_organization on follows (user_id, organization_id)
  where organization_id is not null;
create index follows_document_target on follows (document_id) where document_id is not null;
create index follows_register_target on follows (register_id) where register_id is not null;
create index follows_organization_target on follows (organization_id)
  where organization_id is not null;

-- Mail about followed things at once, or gathered into one mail a day.
alter table notification_preferences
  add column follow_delivery text not null default 'immediate'
    check (follow_delivery in ('immediate', 'daily'));

-- What a daily-digest follower has not been told yet. Whether they may read the document is
-- decided when the digest is composed, not here.
create table follow_events (
  id bigint generated always as identity primary key,
  follow_id uuid not null references follows (id) on delete cascade,
  kind text not null check (kind in ('version', 'shared', 'released')),
  document_id uuid not null references documents (id) on delete cascade,
  version_id uuid references document_versions (id) on delete cascade,
  -- For 'shared': the registers it was newly shared under.
  registers text[] not null default '{}',
  created_at timestamptz not null default now()
);
create index follow_events_follow on follow_events (follow_id);

-- The follow a mail is about: the worker adds its signed one-click unfollow link (in the text and
-- as List-Unsubscribe) when it sends, so events need no secret. No foreign key: a mail about a
-- follow ended meanwhile still goes, and its link then finds nothing to end.
alter table mail_outbox add column unfollow_id uuid;
