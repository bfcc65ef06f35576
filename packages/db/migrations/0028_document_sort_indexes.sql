-- The library sorts by identifier or by title (ignoring case), ties broken by id: each order is an
-- index, so a page is a range read from where the previous one ended. The identifier's index also
-- answers the search's exact-identifier lookup, which had its own.
create index documents_identifier_order_idx on documents (lower(identifier), id);
create index documents_title_order_idx on documents (lower(title), id);
drop index documents_identifier_lower_idx;
