-- PIN guessing bounded per worker and day, and slowed per terminal (see README, "Terminal sign-in"):
-- wrong PINs of the membership in the current 24-hour window, and the terminal's run of wrong PINs.
alter table memberships add column pin_budget_failures integer not null default 0;
alter table memberships add column pin_budget_since timestamptz;
alter table terminals add column pin_failures integer not null default 0;
alter table terminals add column pin_last_failure_at timestamptz;
alter table terminals add column pin_blocked_until timestamptz;
