-- The start path on the home page: hidden or steps skipped, per person and company.
alter table memberships add column start_path_hidden boolean not null default false;
alter table memberships add column start_path_skipped jsonb not null default '[]'::jsonb;
