-- A measure taken in from another module's suggestion (e.g. a gap of the IT-security check) keeps
-- where it came from ("<module>:<key>"), so the suggestion shows it is in the plan.
alter table roadmap_plan_items add column source_ref text;
create unique index roadmap_plan_items_source_ref on roadmap_plan_items (tenant_id, source_ref) where source_ref is not null;
