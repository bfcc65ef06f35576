-- Every API process keeps the document list's recent answers in memory. They are dropped whenever a
-- table the list reads changes: a statement on any of them notifies the channel, and PostgreSQL
-- delivers the notification, at commit only, to every process listening (see
-- listenForDocumentListChanges). Identical notifications of one transaction arrive as one.
create function notify_document_list_changed() returns trigger
  language plpgsql as $$
begin
  perform pg_notify('document_list_changed', tg_table_name);
  return null;
end
$$;

do $$
declare
  list_table text;
begin
  foreach list_table in array array['documents', 'document_versions', 'document_registers',
                                    'work_registers', 'register_parties', 'organizations'] loop
    execute format('create trigger %I after insert or update or delete or truncate on %I
                    for each statement execute function notify_document_list_changed()',
                   list_table || '_list_changed', list_table);
  end loop;
end
$$;

-- A process that listened before these triggers existed may have kept answers that changes made
-- meanwhile, unnotified, have overtaken: it drops them when this commits.
select pg_notify('document_list_changed', 'migration');
