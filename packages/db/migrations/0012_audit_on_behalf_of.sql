-- An event records the one organization the actor acted for (on behalf of), not every
-- organization the actor belonged to: an admin who could add anyone to their organization could
-- otherwise read that person's confidential work at another organization. Events written before
-- this migration keep an acting organization only where it is certain: the actor acted on their
-- own organization's object. The rest stay readable by the object's admins and the operator.
alter table audit_events add column on_behalf_of_id uuid references organizations (id) on delete set null;

update audit_events e
   set on_behalf_of_id = e.organization_id
  from organizations o
 where o.id = e.organization_id
   and o.slug = any (e.actor_organizations);

drop index audit_events_actor_organizations_idx;
alter table audit_events drop column actor_organizations;

create index audit_events_on_behalf_of_idx on audit_events (on_behalf_of_id, id desc);
