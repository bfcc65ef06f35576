-- Whether the document's PDFs are stamped with the reader's name, organization, e-mail, the date and
-- a download id for every reader outside the owner organization (public documents never are).
-- New partners and organization documents start with it on (the API decides); documents that exist
-- before this migration keep it off: turning it on checks every PDF version against the stamping
-- size limit, which is the API's setting and cannot be checked here.
alter table documents add column watermark boolean not null default false;
