-- A cancelled customer order says when, by whom and why (the production orders stay Shop floor's).
alter table customer_orders add column cancelled_at timestamptz;
alter table customer_orders add column cancelled_by uuid references users (id) on delete set null;
alter table customer_orders add column cancel_reason text;
