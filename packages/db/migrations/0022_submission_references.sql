-- A submission's reference, e.g. OFA-DMTF-2026-003: sender, receiver, year, and its number among
-- that pair's submissions of the year. People quote it in mail and meetings; it never changes.
create table submission_reference_counters (
  from_organization_id uuid not null references organizations (id) on delete cascade,
  to_organization_id uuid not null references organizations (id) on delete cascade,
  year integer not null,
  last_number integer not null check (last_number >= 1),
  primary key (from_organization_id, to_organization_id, year)
);

alter table submissions add column reference text;

with numbered as (
  select s.id, upper(fo.slug) || '-' || upper(too.slug) || '-' || y.year || '-' ||
           lpad(n.number::text, greatest(3, length(n.number::text)), '0') as reference
    from submissions s
    join organizations fo on fo.id = s.from_organization_id
    join organizations too on too.id = s.to_organization_id
    cross join lateral (select extract(year from s.created_at at time zone 'UTC')::int as year) y
    join (select id, row_number() over (
                   partition by from_organization_id, to_organization_id,
                                extract(year from created_at at time zone 'UTC')
                   order by seq) as number
            from submissions) n on n.id = s.id
)
update submissions s set reference = numbered.reference from numbered where numbered.id = s.id;

insert into submission_reference_counters (from_organization_id, to_organization_id, year, last_number)
select from_organization_id, to_organization_id,
       extract(year from created_at at time zone 'UTC')::int, count(*)
  from submissions
 group by 1, 2, 3;

alter table submissions alter column reference set not null;
create unique index submissions_reference_key on submissions (reference);
