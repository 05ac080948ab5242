-- Where each production order stands (planned, active, finished), so the order list can filter,
-- count and page on the server. Derived data: the state comes from replaying the order's bookings
-- (domain/booking-sync.ts), so it is kept here and forgotten by the triggers below whenever a
-- booking or an operation of the order changes; the next list request computes it again.
create table shopfloor_order_states (
  tenant_id uuid not null,
  order_id uuid not null,
  state text not null check (state in ('planned', 'active', 'finished')),
  -- the last operation's finish, for finished orders
  finished_at timestamptz,
  primary key (tenant_id, order_id),
  foreign key (tenant_id, order_id) references shopfloor_orders (tenant_id, id) on delete cascade
);

create index shopfloor_order_states_state on shopfloor_order_states (tenant_id, state);
-- the list's sort orders: urgency (priority, due date, number) and due date
create index shopfloor_orders_urgency on shopfloor_orders (tenant_id, priority, due_date, number);
create index shopfloor_orders_due on shopfloor_orders (tenant_id, due_date, number);

create function shopfloor_bookings_forget_order_states() returns trigger
language plpgsql as $$
begin
  delete from shopfloor_order_states s
  using (select distinct c.tenant_id, op.order_id
         from changed c
         join shopfloor_order_operations op on op.tenant_id = c.tenant_id and op.id = c.operation_id) o
  where s.tenant_id = o.tenant_id and s.order_id = o.order_id;
  return null;
end $$;

create trigger shopfloor_bookings_forget_order_states_insert after insert on shopfloor_bookings
  referencing new table as changed for each statement execute function shopfloor_bookings_forget_order_states();
create trigger shopfloor_bookings_forget_order_states_update_new after update on shopfloor_bookings
  referencing new table as changed for each statement execute function shopfloor_bookings_forget_order_states();
create trigger shopfloor_bookings_forget_order_states_update_old after update on shopfloor_bookings
  referencing old table as changed for each statement execute function shopfloor_bookings_forget_order_states();
create trigger shopfloor_bookings_forget_order_states_delete after delete on shopfloor_bookings
  referencing old table as changed for each statement execute function shopfloor_bookings_forget_order_states();

-- an operation added to or removed from an order changes whether all of them are finished
create function shopfloor_operations_forget_order_state() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    delete from shopfloor_order_states where tenant_id = old.tenant_id and order_id = old.order_id;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    delete from shopfloor_order_states where tenant_id = new.tenant_id and order_id = new.order_id;
  end if;
  return null;
end $$;

create trigger shopfloor_operations_forget_order_state after insert or update or delete on shopfloor_order_operations
  for each row execute function shopfloor_operations_forget_order_state();
