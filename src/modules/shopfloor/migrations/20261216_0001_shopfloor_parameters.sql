-- process-parameter definitions per routing operation, copied to the order's operations
alter table shopfloor_routing_operations add column parameters jsonb not null default '[]';
alter table shopfloor_order_operations add column parameters jsonb not null default '[]';

-- a new booking kind: process values recorded while an operation runs or is paused
alter table shopfloor_bookings drop constraint shopfloor_bookings_kind_check;
alter table shopfloor_bookings add constraint shopfloor_bookings_kind_check
  check (kind in ('start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity', 'parameters'));
