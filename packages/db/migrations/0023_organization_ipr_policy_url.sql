-- Where an organization publishes its official IPR policy, shown with the text submitters
-- acknowledge; null when it has none.
alter table organizations
  add column ipr_policy_url text
    check (ipr_policy_url ~ '^https://\S+$' and length(ipr_policy_url) <= 2000);
