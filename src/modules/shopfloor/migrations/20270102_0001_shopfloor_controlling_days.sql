-- The controlling's figures of finished days, per work centre and time zone, so that a year is read
-- instead of recomputed from a quarter of a million bookings. Derived data: every change that can
-- alter a day's figures deletes the day in the same transaction (triggers below), and the next request
-- computes it again.
create table shopfloor_controlling_days (
  tenant_id uuid not null references tenants (id) on delete cascade,
  work_centre_id uuid not null,
  time_zone text not null,
  day date not null,
  -- format of `cells` (controlling-days.store.ts); rows of another version are computed again
  version integer not null,
  -- per shift part of the day: [shift name or null, calendar ms, planned production ms, run ms,
  -- total run ms, ideal output ms, good, scrap]
  cells text not null,
  primary key (tenant_id, time_zone, work_centre_id, day),
  foreign key (tenant_id, work_centre_id) references shopfloor_work_centres (tenant_id, id) on delete cascade
);

-- Counts the changes per company: figures computed from data read before a change are not stored.
create table shopfloor_controlling_epochs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  epoch bigint not null,
  primary key (tenant_id)
);

create function shopfloor_controlling_forget(p_tenant uuid, p_work_centre uuid, p_from date, p_to date) returns void
language plpgsql as $$
begin
  insert into shopfloor_controlling_epochs as e (tenant_id, epoch) values (p_tenant, 1)
    on conflict (tenant_id) do update set epoch = e.epoch + 1;
  delete from shopfloor_controlling_days
  where tenant_id = p_tenant
    and (p_work_centre is null or work_centre_id = p_work_centre)
    and (p_from is null or day >= p_from)
    and (p_to is null or day <= p_to);
end $$;

-- A booking can change the runs, pauses and quantities of its operation anywhere between the
-- operation's first and last booking (a late offline booking is applied after later ones): the
-- days of that span are forgotten, one day wider on each side for any time zone.
create function shopfloor_bookings_forget_controlling() returns trigger
language plpgsql as $$
declare r record;
begin
  for r in
    select c.tenant_id, op.work_centre_id, min(least(c.first_at, s.first_at)) as first_at, max(greatest(c.last_at, s.last_at)) as last_at
    from (select tenant_id, operation_id, min(booked_at) as first_at, max(booked_at) as last_at from changed group by tenant_id, operation_id) c
    -- one index range per operation (shopfloor_bookings_operation), however many bookings the company has
    cross join lateral (
      select min(b.booked_at) as first_at, max(b.booked_at) as last_at from shopfloor_bookings b
      where b.tenant_id = c.tenant_id and b.operation_id = c.operation_id
    ) s
    join shopfloor_order_operations op on op.tenant_id = c.tenant_id and op.id = c.operation_id
    group by c.tenant_id, op.work_centre_id
  loop
    perform shopfloor_controlling_forget(r.tenant_id, r.work_centre_id,
      (r.first_at at time zone 'UTC')::date - 1, (r.last_at at time zone 'UTC')::date + 1);
  end loop;
  return null;
end $$;

create trigger shopfloor_bookings_forget_controlling_insert after insert on shopfloor_bookings
  referencing new table as changed for each statement execute function shopfloor_bookings_forget_controlling();
create trigger shopfloor_bookings_forget_controlling_update_new after update on shopfloor_bookings
  referencing new table as changed for each statement execute function shopfloor_bookings_forget_controlling();
create trigger shopfloor_bookings_forget_controlling_update_old after update on shopfloor_bookings
  referencing old table as changed for each statement execute function shopfloor_bookings_forget_controlling();
create trigger shopfloor_bookings_forget_controlling_delete after delete on shopfloor_bookings
  referencing old table as changed for each statement execute function shopfloor_bookings_forget_controlling();

-- An operation moved to another work centre or given another ideal cycle time changes both work
-- centres' figures; a new shift calendar its work centre's; a reason classed planned or unplanned
-- (or added, removed) the company's.
create function shopfloor_operations_forget_controlling() returns trigger
language plpgsql as $$
begin
  perform shopfloor_controlling_forget(old.tenant_id, old.work_centre_id, null, null);
  perform shopfloor_controlling_forget(new.tenant_id, new.work_centre_id, null, null);
  return null;
end $$;
create trigger shopfloor_operations_forget_controlling after update on shopfloor_order_operations
  for each row
  when (old.work_centre_id is distinct from new.work_centre_id or old.ideal_cycle_seconds is distinct from new.ideal_cycle_seconds)
  execute function shopfloor_operations_forget_controlling();

create function shopfloor_work_centres_forget_controlling() returns trigger
language plpgsql as $$
begin
  perform shopfloor_controlling_forget(new.tenant_id, new.id, null, null);
  return null;
end $$;
create trigger shopfloor_work_centres_forget_controlling after update on shopfloor_work_centres
  for each row when (old.calendar is distinct from new.calendar)
  execute function shopfloor_work_centres_forget_controlling();

create function shopfloor_reasons_forget_controlling() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform shopfloor_controlling_forget(old.tenant_id, null, null, null);
  else
    perform shopfloor_controlling_forget(new.tenant_id, null, null, null);
  end if;
  return null;
end $$;
create trigger shopfloor_reasons_forget_controlling after insert or update or delete on shopfloor_reasons
  for each row execute function shopfloor_reasons_forget_controlling();
