create table invest_evaluations (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  title text not null,
  description text not null default '',
  -- link to a roadmap measure: ids only, the roadmap module owns its tables
  plan_item_id uuid,
  measure_id text,
  horizon_years integer not null check (horizon_years between 1 and 100),
  discount_rate double precision not null check (discount_rate > -1 and discount_rate <= 1),
  -- plain inputs of the expected case, money in integer cents
  inputs jsonb not null,
  -- worst and best case: deviations in percent per line, own inputs, or own net cash flows
  scenarios jsonb not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index invest_evaluations_plan_item on invest_evaluations (tenant_id, plan_item_id) where plan_item_id is not null;

create table invest_criteria (
  tenant_id uuid not null,
  evaluation_id uuid not null,
  criterion_id text not null,
  -- own criteria carry their label; the default ones are translated in the UI
  label text,
  weight double precision not null check (weight >= 0),
  score double precision check (score between 0 and 5),
  position integer not null,
  primary key (tenant_id, evaluation_id, criterion_id),
  foreign key (tenant_id, evaluation_id) references invest_evaluations (tenant_id, id) on delete cascade
);
