-- Office imports from CSV/XLSX (issue 16, item 7): one row per uploaded file. The file's rows are
-- kept (as text cells) only until the import ran; then they are dropped and the counts and the
-- problems per line (codes, no values) stay as the record of what happened.
create table customer_import_runs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('customers', 'contacts', 'orders', 'parts')),
  file_name text not null,
  -- SHA-256 of the file's bytes: the same file imported twice is warned about
  file_hash text not null,
  file_format text not null check (file_format in ('csv', 'xlsx')),
  -- how numbers in text cells are written: a German CSV (";") has decimal commas
  number_locale text not null check (number_locale in ('de', 'en')),
  header jsonb not null,
  -- [{ "line": n, "cells": ["…", …] }]; emptied after the run
  rows jsonb not null,
  row_count integer not null,
  -- per column the field it fills, or null
  mapping jsonb not null,
  mode text check (mode in ('all-or-nothing', 'good-rows-only')),
  state text not null check (state in ('uploaded', 'checked', 'done', 'refused')),
  saved_count integer,
  rejected_count integer,
  -- [{ "line": n, "problems": [{ "field": …, "code": …, "detail": … }] }]
  problems jsonb,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id)
);
create index customer_import_runs_hash on customer_import_runs (tenant_id, file_hash);
create index customer_import_runs_created on customer_import_runs (tenant_id, created_at desc);
