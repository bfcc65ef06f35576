-- The organizations the actor belonged to when the event happened: an organization's admins read
-- what its members did (a DMTF member downloading an OFA document), not only events about its
-- own objects.
alter table audit_events add column actor_organizations text[] not null default '{}';
create index audit_events_actor_organizations_idx on audit_events using gin (actor_organizations);
