create table machines (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  name text not null,
  description text not null default '',
  -- shop-floor work centre, an id only: the shop-floor module owns its tables
  work_centre_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

create table machine_points (
  tenant_id uuid not null,
  id uuid not null,
  machine_id uuid not null,
  -- the key in the payload's "values"
  name text not null,
  label text not null default '',
  unit text not null default '',
  type text not null check (type in ('number', 'boolean', 'string')),
  source text not null check (source in ('mqtt', 'http', 'opcua', 'manual')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, machine_id, name),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);

create table machine_devices (
  tenant_id uuid not null,
  id uuid not null,
  machine_id uuid not null,
  name text not null,
  token_hash text not null,
  last_seen_at timestamptz,
  -- the last message that could not be stored, so that a misconfigured device is visible
  last_error text,
  last_error_at timestamptz,
  -- a revoked device keeps its row so that its samples stay attributable to the machine
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
-- devices authenticate with their token (HTTP) or id + token (MQTT) before the tenant is known
create index machine_devices_token on machine_devices (token_hash);
create index machine_devices_id on machine_devices (id);
create index machines_id on machines (id);

-- Samples, range-partitioned by UTC day; partitions live in their own schema and are created
-- on demand by the store. One row per device, point and instant: a redelivered message adds nothing.
create schema if not exists machine_sample_days;
create table machine_samples (
  tenant_id uuid not null,
  device_id uuid not null,
  point text not null,
  ts timestamptz not null,
  -- exactly one of the three holds the value
  num double precision,
  bool boolean,
  txt text,
  primary key (tenant_id, device_id, point, ts)
) partition by range (ts);
-- series are read through the primary key (a machine's devices, point, time range)
create index machine_samples_ts on machine_samples using brin (ts);
