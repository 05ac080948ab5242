create table shopfloor_work_centres (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  code text not null,
  name text not null,
  -- shift calendar: {timeZone, week: {mon: [{name, start, end, breaks}]…}, holidays: ["YYYY-MM-DD"]}
  calendar jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);

create table shopfloor_parts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  number text not null,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number)
);

-- the routing of a part: its operations in order
create table shopfloor_routing_operations (
  tenant_id uuid not null,
  id uuid not null,
  part_id uuid not null,
  position integer not null check (position >= 1),
  name text not null,
  work_centre_id uuid not null,
  setup_minutes double precision not null check (setup_minutes >= 0),
  ideal_cycle_seconds double precision not null check (ideal_cycle_seconds > 0),
  primary key (tenant_id, id),
  unique (tenant_id, part_id, position),
  foreign key (tenant_id, part_id) references shopfloor_parts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, work_centre_id) references shopfloor_work_centres (tenant_id, id)
);

create table shopfloor_orders (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  number text not null,
  part_id uuid not null,
  quantity integer not null check (quantity >= 1),
  due_date date,
  customer_reference text not null default '',
  priority integer not null check (priority between 1 and 9),
  released_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, part_id) references shopfloor_parts (tenant_id, id)
);

-- the operations of an order, copied from the part's routing when the order is created
create table shopfloor_order_operations (
  tenant_id uuid not null,
  id uuid not null,
  order_id uuid not null,
  position integer not null check (position >= 1),
  name text not null,
  work_centre_id uuid not null,
  setup_minutes double precision not null check (setup_minutes >= 0),
  ideal_cycle_seconds double precision not null check (ideal_cycle_seconds > 0),
  primary key (tenant_id, id),
  unique (tenant_id, order_id, position),
  foreign key (tenant_id, order_id) references shopfloor_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, work_centre_id) references shopfloor_work_centres (tenant_id, id)
);

-- every booking a terminal delivered, also refused and waiting ones
create table shopfloor_bookings (
  tenant_id uuid not null,
  id uuid not null,
  idempotency_key uuid not null,
  device_id text not null,
  device_sequence integer not null,
  operation_id uuid not null,
  kind text not null check (kind in ('start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity')),
  booked_at timestamptz not null,
  good integer,
  scrap integer,
  reason text,
  parameters jsonb not null default '[]',
  -- hash of the whole booking as delivered, to recognise a key reused for other content
  content_hash text not null,
  status text not null check (status in ('applied', 'conflict', 'waiting')),
  conflict_reason text,
  operation_status text,
  -- order in which the server processed the booking (null while waiting)
  processed_order bigint,
  received_at timestamptz not null default now(),
  received_by uuid references users (id) on delete set null,
  primary key (tenant_id, id),
  unique (tenant_id, idempotency_key),
  foreign key (tenant_id, operation_id) references shopfloor_order_operations (tenant_id, id)
);
create index shopfloor_bookings_device on shopfloor_bookings (tenant_id, device_id, device_sequence);
create index shopfloor_bookings_operation on shopfloor_bookings (tenant_id, operation_id, processed_order);
