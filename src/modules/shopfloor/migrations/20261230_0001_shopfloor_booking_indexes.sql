-- The next processing order of a company is max(processed_order): without this index every delivery
-- of the terminal read all of the company's bookings.
create index shopfloor_bookings_processed on shopfloor_bookings (tenant_id, processed_order);
-- Bookings in a time window (controlling drill-down, monthly report).
create index shopfloor_bookings_booked_at on shopfloor_bookings (tenant_id, booked_at);
