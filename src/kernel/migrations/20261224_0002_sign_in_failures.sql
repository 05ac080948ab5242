-- Failed password sign-ins per e-mail address, for the per-account limit with growing wait. The key
-- is a SHA-256 of the normalised address and rows exist for addresses without an account too, so the
-- answers never tell which addresses have one. Rows are forgotten a day after their last failure.
create table sign_in_failures (
  key_hash text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);
create index sign_in_failures_last on sign_in_failures (last_failure_at);
