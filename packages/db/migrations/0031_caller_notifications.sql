-- Every API process keeps the callers of recently used credentials in memory (see
-- listenForTableChanges and the caller cache). They are dropped whenever a table the caller lookup
-- reads changes: PostgreSQL delivers the notification, at commit only, to every process listening.
-- Identical notifications of one transaction arrive as one.
create function notify_caller_changed() returns trigger
  language plpgsql as $$
begin
  perform pg_notify('caller_changed', tg_table_name);
  return null;
end
$$;

-- Who a user is, what they are a member of, and the organizations' slugs: any change counts.
do $$
declare
  caller_table text;
begin
  foreach caller_table in array array['users', 'memberships', 'organizations'] loop
    execute format('create trigger %I after insert or update or delete or truncate on %I
                    for each statement execute function notify_caller_changed()',
                   caller_table || '_caller_changed', caller_table);
  end loop;
end
$$;

-- A new credential changes no cached caller (an unknown credential is never cached), so inserts,
-- one a sign-in, do not count; revoking, expiring or deleting one does.
create trigger sessions_caller_changed after update or delete or truncate on sessions
  for each statement execute function notify_caller_changed();

create trigger api_tokens_caller_deleted after delete or truncate on api_tokens
  for each statement execute function notify_caller_changed();

-- A token's "last used" time, written at most once a minute while it is in use, changes nothing a
-- caller is made of: were it to count, every busy token would empty every process's cache.
create trigger api_tokens_caller_changed after update on api_tokens
  for each row
  when ((to_jsonb(old) - 'last_used_at') is distinct from (to_jsonb(new) - 'last_used_at'))
  execute function notify_caller_changed();

-- A process that listened before these triggers existed may have kept callers that changes made
-- meanwhile, unnotified, have overtaken: it drops them when this commits.
select pg_notify('caller_changed', 'migration');
