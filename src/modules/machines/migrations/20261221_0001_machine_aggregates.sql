-- Retention per data point (days); null = the installation's default (see README, "Retention").
alter table machine_points add column raw_retention_days integer check (raw_retention_days >= 1);
alter table machine_points add column minute_retention_days integer check (minute_retention_days >= 1);
alter table machine_points add column hour_retention_days integer check (hour_retention_days >= 1);
-- Raw samples of the point before this instant have been deleted by its retention.
alter table machine_points add column raw_deleted_before timestamptz;

-- When a sample reached the database (start of the writing transaction), so that the aggregation
-- job finds samples that arrived late for buckets it has already aggregated.
alter table machine_samples add column received_at timestamptz not null default now();
create index machine_samples_received on machine_samples using brin (received_at);

-- 1-minute and 1-hour aggregates of the numeric samples (booleans as 1/0) per machine and point.
-- Not partitioned: they are 60 and 3600 times smaller than 1 Hz raw data and are trimmed per
-- point (retention per point), which row deletes through the primary key do.
create table machine_aggregates_1m (
  tenant_id uuid not null,
  machine_id uuid not null,
  point text not null,
  bucket timestamptz not null,
  count integer not null,
  min double precision not null,
  max double precision not null,
  sum double precision not null,
  last double precision not null,
  last_ts timestamptz not null,
  primary key (tenant_id, machine_id, point, bucket),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
create index machine_aggregates_1m_bucket on machine_aggregates_1m (bucket);

create table machine_aggregates_1h (
  tenant_id uuid not null,
  machine_id uuid not null,
  point text not null,
  bucket timestamptz not null,
  count integer not null,
  min double precision not null,
  max double precision not null,
  sum double precision not null,
  last double precision not null,
  last_ts timestamptz not null,
  primary key (tenant_id, machine_id, point, bucket),
  foreign key (tenant_id, machine_id) references machines (tenant_id, id) on delete cascade
);
create index machine_aggregates_1h_bucket on machine_aggregates_1h (bucket);

-- Progress of the aggregation job per level ('1m', '1h'), across all companies: buckets before
-- done_until are aggregated from the samples received before checked_at.
create table machine_aggregation_progress (
  level text primary key check (level in ('1m', '1h')),
  done_until timestamptz not null,
  checked_at timestamptz not null
);

-- Raw samples before this instant are gone for every point: the end of the last dropped day partition.
create table machine_partition_retention (
  id boolean primary key default true check (id),
  dropped_before timestamptz not null
);
