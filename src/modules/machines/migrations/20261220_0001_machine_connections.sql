-- Connections to an external MQTT broker or an OPC UA server, per company. The runtime keeps one
-- client per enabled connection; samples are written through the same ingestion path as devices.
create table machine_connections (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('mqtt', 'opcua')),
  name text not null,
  enabled boolean not null default true,
  -- mqtt://, mqtts:// or opc.tcp://
  url text not null,
  username text not null default '',
  -- never returned by the API and never exported (secretColumns)
  password text not null default '',
  -- kind-specific settings: MQTT client id, topic pattern, payload format, machine keys;
  -- OPC UA security mode and policy
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

-- OPC UA variables picked for a connection, each written to one data point of one machine.
create table machine_opcua_items (
  tenant_id uuid not null,
  id uuid not null,
  connection_id uuid not null,
  node_id text not null,
  machine_id uuid not null,
  point text not null,
  sampling_interval_ms integer not null check (sampling_interval_ms >= 0),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, connection_id, node_id),
  foreign key (tenant_id, connection_id) references machine_connections (tenant_id, id) on delete cascade,
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
