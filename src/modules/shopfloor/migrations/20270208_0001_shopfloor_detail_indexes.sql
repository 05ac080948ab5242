-- Detail pages list a part's orders (newest first) and the orders with an operation at a work
-- centre; without these both would read every order of the company.
create index shopfloor_orders_part on shopfloor_orders (tenant_id, part_id, created_at desc);
create index shopfloor_order_operations_work_centre on shopfloor_order_operations (tenant_id, work_centre_id, order_id);
