-- Data-subject requests (GDPR Art. 12, 15–17): who asked what, when it arrived, the deadline's
-- extension, the state, and what an erasure did. The log of a request is the audit log (target = id).
create table privacy_subject_requests (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('access', 'erasure', 'rectification')),
  requester_name text not null,
  requester_reach text,
  received_on date not null,
  extension_months integer not null default 0 check (extension_months between 0 and 2),
  extension_reason text,
  state text not null default 'open' check (state in ('open', 'done', 'refused')),
  closing_note text,
  notes text,
  erased_at timestamptz,
  -- what the erasure did per module: what went, what stayed and why
  erasure jsonb,
  closed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index privacy_subject_requests_open on privacy_subject_requests (tenant_id, received_on) where state = 'open';

-- The people found across modules and linked to a request (one person may be held by several modules).
create table privacy_subject_links (
  tenant_id uuid not null,
  request_id uuid not null,
  module_id text not null,
  ref text not null,
  kind jsonb not null,
  name text not null,
  email text,
  phone text,
  context jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, request_id, module_id, ref),
  foreign key (tenant_id, request_id) references privacy_subject_requests (tenant_id, id) on delete cascade
);
