-- Text extracted from each version's file, for search inside files and for comparing versions.
-- The background extraction job writes it after the upload commits; the upload request never does.
alter table document_versions
  add column text_status text not null default 'pending'
    check (text_status in ('pending', 'extracted', 'failed', 'unsupported')),
  -- Why the text could not be extracted ("encrypted PDF", "time limit"), shown to readers.
  add column text_failure text,
  add column text_extracted_at timestamptz;

-- One row per PDF page (page 1 for types without pages), so a match can say where it was found.
create table version_text_pages (
  version_id uuid not null references document_versions (id) on delete cascade,
  page integer not null check (page >= 1),
  body text not null,
  search tsvector generated always as (to_tsvector('english', body)) stored,
  primary key (version_id, page)
);

create index version_text_pages_search on version_text_pages using gin (search);
