-- Correction bookings: a reversal names the quantity booking it cancels (by its idempotency key);
-- the original stays as it was. Quantity bookings above the remaining quantity need the device's
-- explicit confirmation, which is stored with the booking (a waiting booking keeps it).
alter table shopfloor_bookings drop constraint shopfloor_bookings_kind_check;
alter table shopfloor_bookings add constraint shopfloor_bookings_kind_check
  check (kind in ('start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity', 'parameters', 'reversal'));
alter table shopfloor_bookings add column reverses_key uuid;
alter table shopfloor_bookings add column confirmed boolean not null default false;
-- at most one applied reversal per original booking
create unique index shopfloor_bookings_reversal on shopfloor_bookings (tenant_id, reverses_key) where status = 'applied' and kind = 'reversal';

-- Shop-floor settings per company. over_quantity_margin_percent: a quantity booking whose good and
-- scrap exceed the remaining quantity of its operation by more than this share of the order quantity
-- needs a confirmation.
create table shopfloor_settings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  over_quantity_margin_percent integer not null default 10 check (over_quantity_margin_percent between 0 and 1000),
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);
