create table check_runs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  questionnaire_version text not null,
  status text not null default 'open' check (status in ('open', 'completed')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  completed_by uuid references users (id) on delete set null,
  -- frozen at completion: combined answers and the scored result
  combined_answers jsonb,
  result jsonb,
  primary key (tenant_id, id)
);
create unique index check_runs_one_open on check_runs (tenant_id) where status = 'open';

create table check_responses (
  tenant_id uuid not null,
  check_id uuid not null,
  user_id uuid not null references users (id) on delete cascade,
  role text not null,
  answers jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, check_id, user_id),
  foreign key (tenant_id, check_id) references check_runs (tenant_id, id) on delete cascade
);

create table check_settings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  peer_opt_in boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);
