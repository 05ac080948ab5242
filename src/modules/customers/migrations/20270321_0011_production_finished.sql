-- When the production of an order position was reported finished (all its production orders
-- finished): the webhook event `customers.production.finished` is written once per position.
alter table customer_order_positions add column production_finished_at timestamptz;
create index customer_order_positions_production_open on customer_order_positions (tenant_id) where production_finished_at is null and producible;
