-- downtime reasons (a tree of groups and reasons) and scrap reasons (a list), per company
create table shopfloor_reasons (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('downtime', 'scrap')),
  -- downtime only: the group a reason belongs to (null for a group)
  parent_id uuid,
  is_group boolean not null default false,
  label_de text not null,
  label_en text not null,
  -- downtime reasons only: which OEE factor the loss lowers, and whether it was planned
  loss text check (loss in ('availability', 'performance', 'quality')),
  planned boolean,
  position integer not null default 0,
  -- reasons used by a booking are deactivated instead of deleted
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references shopfloor_reasons (tenant_id, id)
);
create index shopfloor_reasons_kind on shopfloor_reasons (tenant_id, kind, position);

-- companies whose default reasons were stored once (so deleting them all does not bring them back)
create table shopfloor_reason_defaults (
  tenant_id uuid not null references tenants (id) on delete cascade,
  seeded_at timestamptz not null default now(),
  primary key (tenant_id)
);

-- photos taken on the terminal for a process parameter; the id is generated on the device
create table shopfloor_photos (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea not null,
  size integer not null,
  sha256 text not null,
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references users (id) on delete set null,
  primary key (tenant_id, id)
);
