-- The search tests the stored tsvector of each page it walks past (ranked-search.ts). By default a
-- row over 2 KB has its largest values compressed, then moved out of line: a page's tsvector then
-- cost a pglz decompression (20 µs) and a second index lookup each time it was tested, 30 µs in
-- all. Rows are now left whole up to the largest that fits a heap page, and a tsvector too large
-- for that is moved out of line but never compressed: a test reads the row and decompresses
-- nothing (6 to 10 µs). The table is larger on disk (one row of 2 KB of text to a heap page), and
-- it is read far more often than it is written.
alter table version_text_pages set (toast_tuple_target = 8160);
alter table version_text_pages alter column search set storage external;

-- A stored value keeps the form it was written in: compute every page's tsvector again (the
-- column is generated from the body), so the pages extracted before this read as fast as new ones.
update version_text_pages set body = body;
