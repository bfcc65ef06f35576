-- The ranked search lets the planner choose, per tier, between walking the newest documents (a
-- common word) and reading the GIN index (a rare one). PostgreSQL estimates a word it does not
-- keep among the column's most common elements at half a per cent of rows at most; with the
-- default target it keeps 1,000 words, so in a large library a word in a tenth of the files can be
-- taken for a rare one, and all its matches are read and sorted. Keep 10,000.
alter table documents alter column search set statistics 1000;
alter table version_text_pages alter column search set statistics 1000;
