-- Skills and training: assessed levels per person and competence, training records, and what a
-- measure, machine or software needs of the people who will use it from its go-live on.
-- People are members of the company (user ids held here, no foreign key into the kernel's tables).
create table privacy_skill_levels (
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null,
  competence text not null,
  level smallint not null check (level between 0 and 8),
  assessed_by uuid,
  assessed_at timestamptz not null default now(),
  primary key (tenant_id, user_id, competence)
);

create table privacy_trainings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  user_id uuid not null,
  title text not null,
  competences text[] not null default '{}',
  completed_on date not null,
  provider text,
  expires_on date check (expires_on >= completed_on),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index privacy_trainings_person on privacy_trainings (tenant_id, user_id, completed_on desc);

-- `subject` is a measure of the plan, a machine or a software by name; the ids are held here and
-- checked through the roadmap's and machines' doors.
create table privacy_skill_requirements (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  subject text not null check (subject in ('measure', 'machine', 'software')),
  plan_item_id uuid,
  machine_id uuid,
  software_name text,
  go_live_on date not null,
  needs jsonb not null,
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((subject = 'measure') = (plan_item_id is not null)),
  check ((subject = 'machine') = (machine_id is not null)),
  check ((subject = 'software') = (software_name is not null))
);

create table privacy_skill_requirement_people (
  tenant_id uuid not null,
  requirement_id uuid not null,
  user_id uuid not null,
  primary key (tenant_id, requirement_id, user_id),
  foreign key (tenant_id, requirement_id) references privacy_skill_requirements (tenant_id, id) on delete cascade
);
