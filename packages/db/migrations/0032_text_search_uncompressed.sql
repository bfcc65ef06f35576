-- The search tests the stored tsvector of each page it walks past (ranked-search.ts). Compressed
-- (the default for a value over 2 KB), a page's tsvector costs a pglz decompression each time it
-- is tested: 20 µs of the 30 a test took. Kept out of line uncompressed, a test reads two or three
-- more buffers and decompresses nothing (about 15 µs in all). The text is larger on disk, by about
-- what pglz saved, and it is read far more often than it is written.
alter table version_text_pages alter column search set storage external;

-- A stored value keeps the form it was written in: compute every page's tsvector again (the
-- column is generated from the body), so the pages extracted before this read as fast as new ones.
update version_text_pages set body = body;
