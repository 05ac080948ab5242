-- The controlling reads two slices of the applied bookings: the state changes per operation in
-- processing order (runs, pauses, finishes) and the quantities by time. Narrow partial indexes
-- let a year of bookings be read without scanning every booking with its parameters.
create index shopfloor_bookings_controlling_states on shopfloor_bookings (tenant_id, operation_id, processed_order)
  include (kind, booked_at, reason)
  where status = 'applied' and kind in ('start-production', 'resume', 'pause', 'finish');

create index shopfloor_bookings_controlling_quantities on shopfloor_bookings (tenant_id, booked_at)
  include (operation_id, good, scrap)
  where status = 'applied' and kind = 'quantity';
