-- The kernel's event outbox: modules write events here in the transaction of the change
-- (emitEvent); the delivery job turns them into deliveries to the company's webhook
-- subscriptions and sends them, signed, with retries. Events are kept a bounded time.
create table event_outbox (
  tenant_id uuid not null references tenants(id) on delete cascade,
  id uuid not null,
  type text not null check (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' and length(type) <= 100),
  payload jsonb not null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz,
  primary key (tenant_id, id)
);
create index event_outbox_undispatched on event_outbox (created_at) where dispatched_at is null;
create index event_outbox_created on event_outbox (created_at);

create table webhook_subscriptions (
  tenant_id uuid not null references tenants(id) on delete cascade,
  id uuid not null,
  url text not null,
  description text not null default '',
  event_types jsonb not null,
  -- sealed with the instance key, bound to the row (see webhook-secrets.ts)
  secret text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

-- the delivery log; a deleted subscription's deliveries stay (subscription_id without a key)
create table webhook_deliveries (
  tenant_id uuid not null,
  id uuid not null,
  event_id uuid not null,
  subscription_id uuid not null,
  event_type text not null,
  url text not null,
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  response_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, event_id) references event_outbox (tenant_id, id) on delete cascade
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_log on webhook_deliveries (tenant_id, created_at desc);
