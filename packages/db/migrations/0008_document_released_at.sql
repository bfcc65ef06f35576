-- When a document was released: made public while informational or standard (DESIGN.md §1). The
-- release feeds and `GET /api/v1/documents?sort=released` list documents newest release first.
--
-- released_at is the moment the document last became released. It stays while the document stays
-- released (informational <-> standard, title or abstract edits), is cleared when it stops being
-- released (made partners or organization, or back to work in progress), and is set anew if it is
-- released again, so a re-release shows up in a feed as news. release_seq orders releases like
-- released_at and breaks its ties (one transaction releasing several documents), so it is the
-- keyset for paging: numeric, like the list's other cursor.
--
-- A trigger keeps both columns right on every insert and update, whichever code path writes the
-- row (the API, the demo seed, the bench seed, an import): the rule cannot be forgotten by one.

alter table documents
  add column released_at timestamptz,
  add column release_seq bigint;

create sequence document_release_seq as bigint owned by documents.release_seq;

-- Backfill: a document released before this migration was released when its status or
-- visibility last changed, or, if that never happened, when it was created.
with released as (
  select d.id,
         coalesce(
           (select max(a.occurred_at) from audit_events a
             where a.object_type = 'document' and a.object_id = d.id::text
               and a.action = 'document.update'
               and (a.details -> 'changes' ? 'visibility' or a.details -> 'changes' ? 'status')),
           d.created_at) as at,
         d.seq
    from documents d
   where d.visibility = 'public' and d.status in ('informational', 'standard')
), ordered as (
  select id, at, row_number() over (order by at, seq) as position from released
)
update documents d
   set released_at = ordered.at, release_seq = ordered.position
  from ordered
 where d.id = ordered.id;

select setval('document_release_seq', coalesce((select max(release_seq) from documents), 0) + 1, false);

create function documents_track_release() returns trigger language plpgsql as $$
begin
  if new.visibility = 'public' and new.status in ('informational', 'standard') then
    new.released_at := coalesce(new.released_at, now());
    new.release_seq := coalesce(new.release_seq, nextval('document_release_seq'));
  else
    new.released_at := null;
    new.release_seq := null;
  end if;
  return new;
end
$$;

create trigger documents_track_release
  before insert or update on documents
  for each row execute function documents_track_release();

alter table documents
  add constraint documents_release_consistent check ((released_at is null) = (release_seq is null));

create unique index documents_release_seq_idx on documents (release_seq desc)
  where release_seq is not null;
