-- The record of processing activities (GDPR Art. 30): what the firm adds to what the modules declare,
-- and every confirmed version of the whole record.
create table privacy_record_controller (
  tenant_id uuid not null references tenants (id) on delete cascade primary key,
  name text,
  address text,
  contact text,
  representative text,
  data_protection_officer text,
  measures text,
  updated_at timestamptz not null default now()
);

create table privacy_record_activities (
  tenant_id uuid not null references tenants (id) on delete cascade,
  -- the module and its declared category (see domain/processing-record.ts)
  key text not null,
  recipients text,
  processors text,
  third_countries text,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, key)
);

create table privacy_record_versions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  version integer not null check (version > 0),
  confirmed_at timestamptz not null default now(),
  confirmed_by uuid,
  content jsonb not null,
  changes jsonb not null,
  primary key (tenant_id, version)
);
