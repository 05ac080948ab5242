create table roadmap_plan_items (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  -- a catalogue measure, or an own measure with title and description
  measure_id text,
  title text,
  description text,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
  owner_user_id uuid references users (id) on delete set null,
  owner_text text,
  start_quarter text check (start_quarter ~ '^\d{4}-Q[1-4]$'),
  end_quarter text check (end_quarter ~ '^\d{4}-Q[1-4]$'),
  micro_goal text,
  kpi_name text,
  kpi_target text,
  kpi_unit text,
  -- the check whose suggestion was accepted (a link held by this module, no foreign key)
  source_check_id uuid,
  accepted_at timestamptz not null default now(),
  done_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (measure_id is not null or title is not null)
);
create unique index roadmap_plan_items_measure on roadmap_plan_items (tenant_id, measure_id) where measure_id is not null;

create table roadmap_settings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  start_quarter text,
  scheduled_at timestamptz,
  -- yearly re-evaluation dates (ISO dates) of the last schedule
  reviews jsonb not null default '[]',
  funding_seeded_at timestamptz,
  primary key (tenant_id)
);

create table roadmap_funding (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  -- id in the seeded catalogue; null for entries the company added
  seed_id text,
  -- catalogue order, which also breaks ties when programmes are matched
  position integer not null,
  name text not null,
  provider text not null,
  regions jsonb not null,
  kinds jsonb not null,
  percent_max numeric,
  rate_text jsonb not null,
  valid_from date,
  valid_until date,
  link text,
  historical boolean not null default false,
  note jsonb not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
