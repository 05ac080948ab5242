-- The retention period a firm chose for a rule, where it differs from the rule's own.
create table privacy_retention_settings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  module_id text not null,
  rule_key text not null,
  months integer not null check (months between 1 and 600),
  changed_at timestamptz not null default now(),
  changed_by uuid,
  primary key (tenant_id, module_id, rule_key)
);

-- Whether the daily job enforces the rules; no row: it does. A pause names its reason (e.g. a
-- lawsuit that requires keeping everything).
create table privacy_retention_enforcement (
  tenant_id uuid not null references tenants (id) on delete cascade,
  enforced boolean not null,
  pause_reason text,
  changed_at timestamptz not null default now(),
  changed_by uuid,
  primary key (tenant_id)
);

-- Firms that existed before retention was enforced start paused: the rules would delete at once
-- what had piled up, so the firm looks at the dry run first.
insert into privacy_retention_enforcement (tenant_id, enforced) select id, false from tenants;

-- Every run, by the daily job or by hand: per rule how many records went.
create table privacy_retention_runs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  started_at timestamptz not null,
  trigger text not null check (trigger in ('job', 'manual')),
  actor_id uuid,
  results jsonb not null,
  total integer not null,
  primary key (tenant_id, id)
);
create index privacy_retention_runs_recent on privacy_retention_runs (tenant_id, trigger, started_at desc);
