-- Outgoing e-mail (an outbox written in the transaction of the event that causes it), people's
-- notification choices, and the demo mail catcher's inbox.

create table mail_outbox (
  id bigint generated always as identity primary key,
  -- What caused the mail, e.g. 'submission.created', 'register.review-overdue'.
  kind text not null check (length(kind) between 1 and 100),
  -- One row per recipient: one address failing does not hold up the others, and no recipient
  -- sees who else was told.
  recipient text not null check (recipient ~ '^[^@\s]+@[^@\s]+$'),
  subject text not null check (length(subject) between 1 and 300),
  text_body text not null,
  -- The portal page the mail is about ('/documents/<id>'); the worker makes it a link with the
  -- portal address configured when it sends (WEB_URL), so events need no configuration.
  link_path text not null default '' check (link_path = '' or link_path ~ '^/[^/]'),
  -- Set for a mail that must go once (a review reminder): a second enqueue is a no-op.
  dedupe_key text,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  -- When a worker may (next) try it; a worker that claims it moves it forward by a lease, so
  -- another replica takes it over only if the first one died mid-send.
  next_attempt_at timestamptz not null default now(),
  last_error text,
  sent_at timestamptz,
  -- The server refused it for good (a 5xx answer); never retried.
  failed_at timestamptz
);
create unique index mail_outbox_dedupe_key on mail_outbox (dedupe_key, lower(recipient))
  where dedupe_key is not null;
create index mail_outbox_due_idx on mail_outbox (next_attempt_at)
  where sent_at is null and failed_at is null;

create table notification_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  -- Mail when a document shared under a register of one's organization is released to the public.
  document_releases boolean not null default false,
  updated_at timestamptz not null default now()
);

-- Only filled in demo mode (MAIL_CATCHER): what the local SMTP catcher received.
create table caught_mail (
  id bigint generated always as identity primary key,
  received_at timestamptz not null default now(),
  envelope_from text not null,
  envelope_to text[] not null,
  subject text not null,
  text_body text not null,
  size integer not null
);
