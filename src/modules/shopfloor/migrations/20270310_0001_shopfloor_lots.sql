-- Lots and serial numbers (customers README, "Lots and serials belong to Shop floor"). A production
-- order gets its lot number when it is released; a part marked serialised also gets one serial
-- number per piece. Both are issued from per-company counters in the transaction of the release and
-- never change afterwards (a withdrawn and repeated release keeps them: they may be printed already).

-- null: the default patterns of domain/lots.ts
alter table shopfloor_settings add column lot_pattern text;
alter table shopfloor_settings add column serial_pattern text;

alter table shopfloor_parts add column serialised boolean not null default false;

-- last counter issued per kind and scope (the values of the pattern's other tokens, domain/lots.ts)
create table shopfloor_number_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind in ('lot', 'serial')),
  scope text not null,
  last_value bigint not null check (last_value >= 1),
  primary key (tenant_id, kind, scope)
);

create table shopfloor_order_lots (
  tenant_id uuid not null,
  order_id uuid not null,
  lot_number text not null,
  issued_at timestamptz not null default now(),
  primary key (tenant_id, order_id),
  unique (tenant_id, lot_number),
  foreign key (tenant_id, order_id) references shopfloor_orders (tenant_id, id) on delete cascade
);

create table shopfloor_order_serials (
  tenant_id uuid not null,
  order_id uuid not null,
  -- 1, 2, 3 … within the order, the order the numbers were issued in
  position integer not null check (position >= 1),
  serial_number text not null,
  issued_at timestamptz not null default now(),
  primary key (tenant_id, order_id, position),
  unique (tenant_id, serial_number),
  foreign key (tenant_id, order_id) references shopfloor_orders (tenant_id, id) on delete cascade
);
