-- Customers, contacts, consent history, interactions and merges (issue 16, item 1).
create table customer_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null,
  scope text not null default '',
  last_value bigint not null,
  primary key (tenant_id, kind, scope)
);

create table customers (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  number text not null,
  name text not null,
  -- the distinctive words of the name (legal forms dropped, umlauts folded), for search and duplicates
  name_folded text not null,
  vat_id text,
  vat_id_normalised text,
  industry_code text,
  street text,
  postcode text,
  city text,
  country char(2),
  email text,
  phone text,
  website text,
  payment_terms_days integer check (payment_terms_days between 0 and 365),
  -- a member of the company; checked by the service (memberships are the platform's)
  sales_owner_id uuid,
  -- numbers of customers merged into this one: old papers still find it
  aliases text[] not null default '{}',
  merged_into uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, merged_into) references customers (tenant_id, id) deferrable initially deferred
);
create index customers_name_folded on customers (tenant_id, name_folded text_pattern_ops);
create index customers_vat_id on customers (tenant_id, vat_id_normalised) where vat_id_normalised is not null;
create index customers_aliases on customers using gin (aliases);

create table customer_contacts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  customer_id uuid not null,
  salutation text,
  first_name text,
  last_name text not null,
  role text,
  email text,
  phone text,
  erased_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index customer_contacts_customer on customer_contacts (tenant_id, customer_id);

-- append-only: a withdrawal must stay provable (the trigger below refuses changes)
create table customer_consent_events (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  contact_id uuid not null,
  channel text not null check (channel in ('email', 'phone', 'letter')),
  purpose text not null check (purpose in ('newsletter', 'product-information', 'events', 'surveys')),
  kind text not null check (kind in ('give', 'decline', 'withdraw')),
  declared_at timestamptz not null,
  recorded_at timestamptz not null,
  source text not null,
  evidence_kind text,
  evidence_reference text,
  recorded_by uuid references users (id) on delete set null,
  primary key (tenant_id, id),
  foreign key (tenant_id, contact_id) references customer_contacts (tenant_id, id)
);
create index customer_consent_events_key on customer_consent_events (tenant_id, contact_id, channel, purpose, declared_at);

create function customer_consent_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'customer_consent_events is append-only';
end $$;
create trigger customer_consent_events_no_update before update on customer_consent_events
  for each row execute function customer_consent_events_append_only();

create table customer_interactions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  customer_id uuid not null,
  contact_id uuid,
  kind text not null check (kind in ('call', 'visit', 'email', 'note')),
  occurred_at timestamptz not null,
  user_id uuid references users (id) on delete set null,
  subject text not null,
  body text not null default '',
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, contact_id) references customer_contacts (tenant_id, id)
);
create index customer_interactions_timeline on customer_interactions (tenant_id, customer_id, occurred_at desc);

create table customer_merges (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  survivor_id uuid not null,
  absorbed_id uuid not null,
  -- the undo record of domain/merge.ts
  undo jsonb not null,
  merged_by uuid references users (id) on delete set null,
  merged_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by uuid references users (id) on delete set null,
  primary key (tenant_id, id),
  foreign key (tenant_id, survivor_id) references customers (tenant_id, id),
  foreign key (tenant_id, absorbed_id) references customers (tenant_id, id)
);
create index customer_merges_absorbed on customer_merges (tenant_id, absorbed_id);
