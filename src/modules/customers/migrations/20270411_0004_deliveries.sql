-- Deliveries of customer orders (issue 16, item 3): partial deliveries per position with quantities
-- and the lot and serial numbers (issued by Shop floor, read through its door) the parts came from.
create table customer_deliveries (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  order_id uuid not null,
  -- LS-YYYY-nnnnn (customer_counters, kind 'delivery')
  number text not null,
  -- the day the goods left, printed on the delivery note
  delivered_on date not null,
  note text not null default '',
  -- a line above what was open by more than the margin was confirmed explicitly
  over_delivery_confirmed boolean not null default false,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, order_id) references customer_orders (tenant_id, id)
);
create index customer_deliveries_order on customer_deliveries (tenant_id, order_id, delivered_on);

create table customer_delivery_lines (
  tenant_id uuid not null,
  delivery_id uuid not null,
  id uuid not null,
  order_position_id uuid not null,
  quantity_milli bigint not null check (quantity_milli > 0),
  -- the lots the parts came from, and their serial numbers for single parts
  lot_numbers text[] not null default '{}',
  serial_numbers text[] not null default '{}',
  primary key (tenant_id, delivery_id, id),
  foreign key (tenant_id, delivery_id) references customer_deliveries (tenant_id, id) on delete cascade,
  foreign key (tenant_id, order_position_id) references customer_order_positions (tenant_id, id)
);
create index customer_delivery_lines_position on customer_delivery_lines (tenant_id, order_position_id);
-- forward trace: which deliveries (and so customers) got parts of a lot or a serial
create index customer_delivery_lines_lots on customer_delivery_lines using gin (lot_numbers);
create index customer_delivery_lines_serials on customer_delivery_lines using gin (serial_numbers);
