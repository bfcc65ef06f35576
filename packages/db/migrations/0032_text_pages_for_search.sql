-- The search walks the newest documents and tests each one's text (ranked-search.ts): the pages of
-- its versions that are not withdrawn. Two things made a test cost 30 µs.

-- 1. By default a row over 2 KB has its largest values compressed, then moved out of line: a
-- page's tsvector cost a pglz decompression (20 µs) and a second index lookup each time it was
-- tested. Rows are now left whole up to the largest that fits a heap page, and a tsvector too
-- large for that is moved out of line but never compressed. The table is larger on disk (one row
-- of 2 KB of text to a heap page); it is read far more often than it is written.
alter table version_text_pages set (toast_tuple_target = 8160);
alter table version_text_pages alter column search set storage external;

-- 2. A document's pages were reached through its versions: two index lookups a test. Each page
-- now names its document too (kept equal to its version's by the foreign key), so a test looks up
-- the document's pages at once and checks the version (not withdrawn) only for a page that
-- matches.
alter table document_versions add constraint document_versions_id_document_key unique (id, document_id);
alter table version_text_pages add column document_id uuid;
-- Setting the body again also computes every page's tsvector again (a stored value keeps the form
-- it was written in), so pages extracted before this read as fast as new ones.
update version_text_pages page
   set document_id = version.document_id, body = page.body
  from document_versions version
 where version.id = page.version_id;
alter table version_text_pages alter column document_id set not null;
alter table version_text_pages drop constraint version_text_pages_version_id_fkey;
alter table version_text_pages add constraint version_text_pages_version_fkey
  foreign key (version_id, document_id) references document_versions (id, document_id) on delete cascade;
create index version_text_pages_document on version_text_pages (document_id);
