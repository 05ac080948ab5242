-- Condition-monitoring rules per data point; the evaluator's state is kept with the rule so that
-- evaluation continues after a restart exactly as if it had never stopped.
create table machine_alarm_rules (
  tenant_id uuid not null,
  id uuid not null,
  machine_id uuid not null,
  point_id uuid not null,
  name text not null default '',
  -- the rule as in domain/alarm-rules.ts (kind, direction, limit, hysteresis, ...)
  definition jsonb not null,
  enabled boolean not null default true,
  -- RuleEvaluator.state
  state jsonb not null,
  -- the alarm this rule currently holds raised, if any
  active_alarm_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade,
  foreign key (tenant_id, point_id) references machine_points (tenant_id, id) on delete cascade
);
create index machine_alarm_rules_machine on machine_alarm_rules (tenant_id, machine_id);

-- Alarms with their lifecycle; closed alarms stay as history.
create table machine_alarms (
  tenant_id uuid not null,
  id uuid not null,
  machine_id uuid not null,
  -- no foreign key: the history stays when a rule is deleted
  rule_id uuid not null,
  rule_name text not null default '',
  point text not null,
  status text not null check (status in ('active', 'acknowledged', 'clearedUnacknowledged', 'closed')),
  raised_at timestamptz not null,
  raised_value double precision,
  cleared_at timestamptz,
  cleared_value double precision,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
create index machine_alarms_open on machine_alarms (tenant_id, status, raised_at);
create index machine_alarms_machine on machine_alarms (tenant_id, machine_id, raised_at);
