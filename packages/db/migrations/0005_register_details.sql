-- The whole work register as data: benefits, activities, limitations and access rules (ordered
-- text items, per party or joint), milestones, documentation commitments, points of contact and
-- approvals. An item about a party references the register's party row, so it can only name a
-- party of that register and goes with the party when the party leaves the register.
-- `open`: the register leaves the item open ("?" or a placeholder); it is shown as such, never
-- filled with made-up data.

alter table work_registers
  -- The review date as the register writes it ("March 2020"); review_due is the date it stands for.
  add column review_due_as_written text not null default '' check (length(review_due_as_written) <= 100),
  add column review_process_url text not null default '' check (length(review_process_url) <= 2000);

create table register_benefits (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  -- Null: a joint benefit of the alliance.
  organization_id uuid,
  text text not null check (length(text) <= 2000),
  open boolean not null default false,
  position integer not null,
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_benefits_register_idx on register_benefits (register_id, position);

create table register_activities (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  organization_id uuid not null,
  text text not null check (length(text) <= 2000),
  open boolean not null default false,
  position integer not null,
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_activities_register_idx on register_activities (register_id, position);

create table register_limitations (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  organization_id uuid,
  text text not null check (length(text) <= 2000),
  open boolean not null default false,
  position integer not null,
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_limitations_register_idx on register_limitations (register_id, position);

create table register_access_rules (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  scope text not null check (scope in ('general', 'public', 'non-public', 'intellectual-property')),
  organization_id uuid,
  text text not null check (length(text) <= 2000),
  open boolean not null default false,
  position integer not null,
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_access_rules_register_idx on register_access_rules (register_id, position);

create table register_milestones (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  deliverable text not null check (length(deliverable) <= 500),
  -- As the register writes it: "Oct 2018".
  timeframe text not null check (length(timeframe) <= 100),
  state text not null default 'planned' check (state in ('planned', 'done', 'dropped')),
  done_on date check (done_on is null or state = 'done'),
  open boolean not null default false,
  position integer not null,
  check (open or length(deliverable) > 0)
);
create index register_milestones_register_idx on register_milestones (register_id, position);

-- "DMTF will make the following specifications available to the OFA": the document that fulfils
-- it is owned by the party that makes it available and found by identifier when the register is
-- read, so it links up once it exists, and shows as outstanding while it does not.
create table register_commitments (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  from_organization_id uuid not null,
  to_organization_id uuid not null,
  title text not null check (length(title) <= 300),
  note text not null default '' check (length(note) <= 2000),
  document_identifier text check (document_identifier ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  open boolean not null default false,
  position integer not null,
  check (from_organization_id <> to_organization_id),
  check (open or length(title) > 0),
  foreign key (register_id, from_organization_id)
    references register_parties (register_id, organization_id) on delete cascade,
  foreign key (register_id, to_organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_commitments_register_idx on register_commitments (register_id, position);

-- Points of contact per party: a person's role and address, or a mailing list. Open contacts have
-- no address yet; whoever mails the contacts skips them.
create table register_contacts (
  id uuid primary key default gen_random_uuid(),
  register_id uuid not null references work_registers (id) on delete cascade,
  organization_id uuid not null,
  role text not null default '' check (length(role) <= 300),
  address text check (address ~ '^[^@\s]+@[^@\s]+$' and length(address) <= 320),
  open boolean not null default false,
  position integer not null,
  check (open or address is not null),
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
create index register_contacts_register_idx on register_contacts (register_id, position);

-- One per party at most; a party without a row has not approved (pending).
create table register_approvals (
  register_id uuid not null references work_registers (id) on delete cascade,
  organization_id uuid not null,
  body text not null default '' check (length(body) <= 200),
  state text not null check (state in ('approved', 'pending')),
  resolution text check (length(resolution) between 1 and 200),
  approved_on date,
  -- The register's own sentence where it holds placeholders ("on xx/xx/2018").
  as_written text not null default '' check (length(as_written) <= 2000),
  note text not null default '' check (length(note) <= 2000),
  primary key (register_id, organization_id),
  check (state = 'approved' or (resolution is null and approved_on is null)),
  foreign key (register_id, organization_id)
    references register_parties (register_id, organization_id) on delete cascade
);
