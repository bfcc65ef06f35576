-- Where a document came from: the submission it was made from ("Make it a document"). Kept on the
-- document itself, so the provenance stays even if the submission is later linked elsewhere.
alter table documents
  add column source_submission_id uuid references submissions (id) on delete set null;
create index documents_source_submission_idx on documents (source_submission_id)
  where source_submission_id is not null;

update documents d set source_submission_id = s.id
  from submissions s
 where s.document_id = d.id and s.document_how = 'created';

-- A submission file copied from a Liaison document's version rather than uploaded: which one.
alter table submission_files
  add column source_document_id uuid references documents (id) on delete set null,
  add column source_version_id uuid references document_versions (id) on delete set null;
