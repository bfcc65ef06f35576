-- "What's new": when each person last opened the page. What happened after it is new to them;
-- a person who never opened it has no row.
create table whats_new_visits (
  user_id uuid primary key references users (id) on delete cascade,
  visited_at timestamptz not null
);

-- The page and the header's count read the newest events of three kinds by time: versions,
-- decisions on submissions, and sent statements.
create index document_versions_created_idx on document_versions (created_at desc);
create index submission_events_decided_idx on submission_events (occurred_at desc)
  where to_state in ('accepted', 'declined', 'withdrawn');
create index statements_sent_idx on statements (sent_at desc) where sent_at is not null;
