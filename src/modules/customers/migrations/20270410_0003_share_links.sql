-- The customer's link to one order (issue 16, item 6): only the secret's SHA-256 is stored.
create table customer_share_links (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  order_id uuid not null,
  -- hex SHA-256 of the secret; the secret itself is shown once and never stored
  secret_hash text not null,
  -- what the customer sees: 'state' and 'promised-date' always, 'operations' when ticked
  sections text[] not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id) on delete set null,
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references customer_orders (tenant_id, id),
  check (expires_at > created_at)
);
-- the public page finds a link by the id in its token, before it knows the company
create index customer_share_links_link on customer_share_links (id);
create index customer_share_links_order on customer_share_links (tenant_id, order_id, created_at desc);

-- Every opening of a link; kept 90 days (retention rule `share-link-views`).
create table customer_share_link_views (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  link_id uuid not null,
  viewed_at timestamptz not null default now(),
  -- IPv4 to its /24, IPv6 to its /48
  address text not null,
  -- e.g. 'Firefox', 'Chrome', 'Safari'; 'other' when unknown
  browser text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, link_id) references customer_share_links (tenant_id, id)
);
create index customer_share_link_views_link on customer_share_link_views (tenant_id, link_id, viewed_at desc);
create index customer_share_link_views_at on customer_share_link_views (tenant_id, viewed_at);
