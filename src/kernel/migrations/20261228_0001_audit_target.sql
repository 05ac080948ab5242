-- a record's history (detail pages, GET /audit?target=) reads the log by the record's id
create index audit_log_target on audit_log (tenant_id, target, at desc);
