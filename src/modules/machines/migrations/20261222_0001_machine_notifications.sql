-- How urgent an alarm is; notifications can be limited to some severities.
alter table machine_alarm_rules add column severity text not null default 'warning' check (severity in ('info', 'warning', 'critical'));
alter table machine_alarms add column severity text not null default 'warning' check (severity in ('info', 'warning', 'critical'));

-- Every change of an alarm (raised, acknowledged, cleared), written in the same transaction as the
-- change itself: the in-app notification list and the outbox from which webhooks and e-mails are
-- sent after commit. `dispatched_at` is set once the deliveries for it have been created.
create table machine_alarm_events (
  tenant_id uuid not null,
  id uuid not null,
  alarm_id uuid not null,
  machine_id uuid not null,
  machine_name text not null,
  rule_name text not null default '',
  point text not null,
  severity text not null,
  event text not null check (event in ('raised', 'acknowledged', 'cleared')),
  at timestamptz not null,
  value double precision,
  -- who acknowledged (event 'acknowledged')
  actor_id uuid,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
create index machine_alarm_events_recent on machine_alarm_events (tenant_id, created_at);
create index machine_alarm_events_undispatched on machine_alarm_events (created_at) where dispatched_at is null;

-- Up to which moment a person has read the in-app notifications of a company.
create table machine_notification_reads (
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null,
  read_until timestamptz not null,
  primary key (tenant_id, user_id)
);

-- Who is told by e-mail, and about which severities (webhooks and e-mail alike).
create table machine_notification_settings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  severities jsonb not null default '["warning", "critical"]',
  -- user ids of members
  member_ids jsonb not null default '[]',
  -- further e-mail addresses
  addresses jsonb not null default '[]',
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);

create table machine_webhooks (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  url text not null,
  description text not null default '',
  -- key of the HMAC-SHA256 signature; shown once when created, never exported
  secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

-- One delivery of one event over one channel, retried with backoff; the delivery log.
create table machine_notification_deliveries (
  tenant_id uuid not null,
  id uuid not null,
  event_id uuid not null,
  channel text not null check (channel in ('webhook', 'email')),
  -- no foreign key: the log stays when a webhook is deleted
  webhook_id uuid,
  -- webhook URL or e-mail address at the time the delivery was created
  target text not null,
  locale text not null default 'de',
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  response_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, event_id) references machine_alarm_events (tenant_id, id) on delete cascade
);
create index machine_notification_deliveries_due on machine_notification_deliveries (next_attempt_at) where status = 'pending';
create index machine_notification_deliveries_recent on machine_notification_deliveries (tenant_id, created_at);
