-- Quotes with versions and positions, customer orders and their links to Shop floor's
-- production orders (issue 16, item 2).
create table customer_quotes (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  number text not null,
  customer_id uuid not null,
  contact_id uuid,
  subject text not null default '',
  currency char(3) not null,
  state text not null check (state in ('draft', 'sent', 'won', 'lost')),
  lost_reason text check (lost_reason in ('price', 'delivery-time', 'competitor', 'no-demand', 'technical', 'no-response', 'other')),
  lost_note text,
  decided_at timestamptz,
  -- only information: a quote past this date is shown as expired, its state does not change
  valid_until date,
  current_version integer not null default 1,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, contact_id) references customer_contacts (tenant_id, id)
);
create index customer_quotes_customer on customer_quotes (tenant_id, customer_id);
create index customer_quotes_state on customer_quotes (tenant_id, state, created_at desc);

create table customer_quote_versions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  quote_id uuid not null,
  version integer not null,
  sent_at timestamptz,
  -- the language the version was sent in (its PDF)
  language text check (language in ('de', 'en')),
  primary key (tenant_id, quote_id, version),
  foreign key (tenant_id, quote_id) references customer_quotes (tenant_id, id)
);

create table customer_quote_positions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  quote_id uuid not null,
  version integer not null,
  id uuid not null,
  seq integer not null,
  -- a Shop floor part (checked through its door, no foreign key across modules) or null for free text
  part_id uuid,
  -- free text, or for a part the part's number and name as they were when the position was written
  text text not null,
  quantity_milli bigint not null check (quantity_milli > 0),
  unit_price_cents bigint not null check (unit_price_cents >= 0),
  discount_basis_points integer not null default 0 check (discount_basis_points between 0 and 10000),
  vat_basis_points integer not null check (vat_basis_points between 0 and 10000),
  delivery_date date,
  primary key (tenant_id, quote_id, version, id),
  foreign key (tenant_id, quote_id, version) references customer_quote_versions (tenant_id, quote_id, version)
);

create table customer_orders (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  number text not null,
  customer_id uuid not null,
  quote_id uuid,
  quote_version integer,
  -- the customer's own order number or reference
  customer_reference text not null default '',
  currency char(3) not null,
  state text not null default 'open' check (state in ('open', 'in-production', 'partly-delivered', 'delivered', 'cancelled')),
  ordered_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, quote_id, quote_version) references customer_quote_versions (tenant_id, quote_id, version)
);
-- a won quote becomes one order
create unique index customer_orders_quote on customer_orders (tenant_id, quote_id) where quote_id is not null;
create index customer_orders_customer on customer_orders (tenant_id, customer_id);

create table customer_order_positions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  order_id uuid not null,
  number integer not null,
  part_id uuid,
  text text not null,
  quantity_milli bigint not null check (quantity_milli > 0),
  unit_price_cents bigint not null,
  discount_basis_points integer not null default 0,
  vat_basis_points integer not null,
  promised_date date,
  producible boolean not null,
  source_quote_id uuid,
  source_version integer,
  source_position_id uuid,
  primary key (tenant_id, id),
  unique (tenant_id, order_id, number),
  foreign key (tenant_id, order_id) references customer_orders (tenant_id, id)
);

-- the edge to Shop floor, held here: the id comes from Shop floor's door in the same transaction
create table customer_production_links (
  tenant_id uuid not null references tenants (id) on delete cascade,
  production_order_id uuid not null,
  order_position_id uuid not null,
  quantity bigint not null check (quantity > 0),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, production_order_id),
  foreign key (tenant_id, order_position_id) references customer_order_positions (tenant_id, id)
);
create index customer_production_links_position on customer_production_links (tenant_id, order_position_id);
