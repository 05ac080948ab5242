create table users (
  id uuid primary key,
  email text not null,
  name text not null,
  password_hash text not null,
  locale text not null default 'de',
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table tenants (
  id uuid primary key,
  name text not null,
  employees integer,
  industry text,
  value_chain text,
  series text,
  complexity text,
  state text,
  region text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table memberships (
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user on memberships (user_id);

create table invitations (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  email text,
  role text not null,
  token_hash text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz,
  primary key (tenant_id, id)
);
create unique index invitations_token on invitations (token_hash);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table tenant_modules (
  tenant_id uuid not null references tenants (id) on delete cascade,
  module_id text not null,
  enabled boolean not null,
  changed_at timestamptz not null default now(),
  changed_by uuid references users (id),
  primary key (tenant_id, module_id)
);

create table audit_log (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  at timestamptz not null default now(),
  actor_id uuid references users (id) on delete set null,
  action text not null,
  target text,
  details jsonb not null default '{}',
  primary key (tenant_id, id)
);
create index audit_log_time on audit_log (tenant_id, at desc);
