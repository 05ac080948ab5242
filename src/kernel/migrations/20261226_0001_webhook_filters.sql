-- A subscription may narrow its event types by the payload: `filter` maps a dot path into the
-- event's payload (e.g. "alarm.severity") to the values it accepts (e.g. ["warning", "critical"]);
-- an event is sent when every listed path holds one of its values. '{}' lets every event through.
alter table webhook_subscriptions add column filter jsonb not null default '{}';

-- What the sealed secret is bound to when it is not this row's own binding: a secret moved here
-- from another table (a module's former webhooks) keeps its seal, and with it the binding it was
-- sealed under, until the secret is rotated. '' is the row's own binding.
alter table webhook_subscriptions add column secret_context text not null default '';

-- One delivery per event and subscription: a repeated dispatch (after a crash) creates no second one.
create unique index webhook_deliveries_once on webhook_deliveries (tenant_id, event_id, subscription_id);
