-- The breach register (GDPR Art. 33 and 34): what happened, the assessment, and every notice given.
create table privacy_breaches (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  title text not null,
  became_known_at timestamptz not null,
  occurred_from timestamptz,
  occurred_to timestamptz,
  nature text,
  subject_categories text,
  subject_count integer check (subject_count >= 0),
  record_categories text,
  record_count integer check (record_count >= 0),
  consequences text,
  measures text,
  contact text,
  risk text not null default 'unassessed' check (risk in ('unassessed', 'unlikely', 'risk', 'high')),
  risk_reason text,
  authority_notified_at timestamptz,
  authority_reference text,
  delay_reason text,
  subjects_informed_at timestamptz,
  subjects_exception text check (subjects_exception in ('encrypted', 'risk-removed', 'disproportionate')),
  closed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index privacy_breaches_open on privacy_breaches (tenant_id, became_known_at desc) where closed_at is null;

-- Each notice as it was given (phased notices, Art. 33 (4)): to whom, when, and the content then.
create table privacy_breach_notices (
  tenant_id uuid not null,
  breach_id uuid not null,
  id uuid not null,
  recipient text not null check (recipient in ('authority', 'subjects')),
  sent_at timestamptz not null,
  reference text,
  content jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, breach_id, id),
  foreign key (tenant_id, breach_id) references privacy_breaches (tenant_id, id) on delete cascade
);
