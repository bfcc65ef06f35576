-- Search ranks a document whose identifier is exactly what was typed (any case) first.
create index documents_identifier_lower_idx on documents (lower(identifier));
