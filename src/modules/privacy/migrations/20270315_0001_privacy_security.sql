-- The IT-security self-check (answers per requirement of domain/security-catalogue.ts), the written
-- security concept in versions, and each member's acknowledgement of a version.
create table privacy_security_answers (
  tenant_id uuid not null references tenants (id) on delete cascade,
  requirement_id text not null,
  answer text not null check (answer in ('met', 'partly', 'not_met', 'not_applicable')),
  note text,
  answered_by uuid,
  answered_at timestamptz not null default now(),
  primary key (tenant_id, requirement_id)
);

create table privacy_security_concepts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  version integer not null check (version > 0),
  -- [{key, generated: {de, en}, edited, editedFrom}] (domain/security-concept.ts)
  sections jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- null while the version is a draft; an adopted version is never changed
  adopted_at timestamptz,
  adopted_by uuid,
  review_due date,
  primary key (tenant_id, version),
  check ((adopted_at is null) = (review_due is null))
);
-- at most one draft per company
create unique index privacy_security_concepts_draft on privacy_security_concepts (tenant_id) where adopted_at is null;

create table privacy_security_acknowledgements (
  tenant_id uuid not null references tenants (id) on delete cascade,
  version integer not null,
  user_id uuid not null,
  acknowledged_at timestamptz not null default now(),
  primary key (tenant_id, version, user_id),
  foreign key (tenant_id, version) references privacy_security_concepts (tenant_id, version) on delete cascade
);
