-- Reviews of work in progress: a call for comments on one version of a document, the comments
-- (confidential to their author's organization and the owner's writers), their dispositions, and
-- what the mail about them has already told.

-- Equality on uuid inside the exclusion constraint below (a trusted extension).
create extension if not exists btree_gist;

create table reviews (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: the keyset for "newest first" pagination.
  seq bigint generated always as identity unique,
  document_id uuid not null references documents (id) on delete cascade,
  version_id uuid not null references document_versions (id) on delete cascade,
  title text not null check (length(title) between 1 and 300),
  note text not null default '' check (length(note) <= 10000),
  -- The UTC day it was opened and the last UTC day it accepts comments.
  opened_on date not null default (now() at time zone 'utc')::date,
  closes_on date not null,
  -- Set when the owner closes it early; a review past its date is closed without it.
  closed_at timestamptz,
  closed_by uuid references users (id) on delete set null,
  requires_ipr boolean not null default false,
  log_published_at timestamptz,
  log_published_by uuid references users (id) on delete set null,
  -- The running number of the last comment (numbers are never reused).
  last_comment_number integer not null default 0,
  -- The last comment number the owner's editors were mailed about, and when (hourly batches).
  comments_mailed_through integer not null default 0,
  comments_mailed_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_on >= opened_on),
  -- At most one open review per document: the days of two reviews not closed early never overlap.
  -- (Which one is open also depends on today's date, so the service checks it too, under the
  -- document's row lock, to answer 409 review_already_open.)
  constraint reviews_one_open_per_document exclude using gist (
    document_id with =, daterange(opened_on, closes_on, '[]') with &&
  ) where (closed_at is null)
);
create index reviews_document_seq_idx on reviews (document_id, seq desc);
create index reviews_open_closes_on_idx on reviews (closes_on, seq) where closed_at is null;

create table review_comments (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references reviews (id) on delete cascade,
  -- "Comment 17": running per review, from 1.
  number integer not null check (number >= 1),
  version_id uuid not null references document_versions (id) on delete cascade,
  location text not null default '' check (length(location) <= 200),
  kind text not null check (kind in ('editorial', 'technical', 'general')),
  body text not null check (length(body) between 1 and 20000),
  proposed_change text not null default '' check (length(proposed_change) <= 20000),
  -- One optional attachment, stored like every file: a server-made key, size and SHA-256.
  attachment_filename text,
  attachment_size bigint check (attachment_size >= 0),
  attachment_media_type text,
  attachment_sha256 text check (attachment_sha256 ~ '^[0-9a-f]{64}$'),
  attachment_storage_key text unique,
  author_id uuid references users (id) on delete set null,
  -- The organization the comment was made for; null for a person of none.
  organization_id uuid references organizations (id) on delete restrict,
  withdrawn_at timestamptz,
  -- The acknowledgement of the owner's IPR policy, when the review requires one: who, when, and
  -- the SHA-256 of the exact policy text shown.
  ipr_acknowledged_by uuid references users (id) on delete set null,
  ipr_acknowledged_at timestamptz,
  ipr_policy_sha256 text check (ipr_policy_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (review_id, number),
  -- The target of the dispositions' same-review foreign keys.
  unique (review_id, id),
  check ((attachment_storage_key is null) = (attachment_sha256 is null)
     and (attachment_storage_key is null) = (attachment_filename is null)
     and (attachment_storage_key is null) = (attachment_size is null)
     and (attachment_storage_key is null) = (attachment_media_type is null)),
  check ((ipr_acknowledged_at is null) = (ipr_policy_sha256 is null))
);
create index review_comments_author_idx on review_comments (author_id);

create table review_dispositions (
  comment_id uuid primary key,
  review_id uuid not null,
  value text not null
    check (value in ('accepted', 'accepted-with-changes', 'rejected', 'deferred', 'duplicate')),
  response text not null check (length(response) <= 20000),
  resolved_in_version_id uuid references document_versions (id) on delete set null,
  duplicate_of_id uuid,
  decided_at timestamptz not null default now(),
  decided_by uuid references users (id) on delete set null,
  foreign key (review_id, comment_id) references review_comments (review_id, id) on delete cascade,
  -- A duplicate is of another comment of the same review.
  foreign key (review_id, duplicate_of_id) references review_comments (review_id, id),
  check (duplicate_of_id <> comment_id),
  check ((value = 'duplicate') = (duplicate_of_id is not null))
);

-- Mail when a review opens (and before it closes) on a document one's organization may read.
alter table notification_preferences add column review_calls boolean not null default false;
