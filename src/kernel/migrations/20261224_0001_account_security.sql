-- Password change and reset, TOTP second factor, per-company two-factor requirement.
-- The TOTP secret is stored encrypted (AES-256-GCM, key outside the database); reset tokens,
-- sign-in challenges and recovery codes only as SHA-256 hashes.
alter table users add column password_changed_at timestamptz;
alter table users add column totp_secret text;
alter table users add column totp_pending_secret text;
alter table users add column totp_enabled_at timestamptz;
-- the last accepted 30-second time step: a code is accepted once only, even within its window
alter table users add column totp_last_step bigint;

alter table tenants add column require_totp boolean not null default false;

create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_user on password_resets (user_id, created_at);

create table totp_recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- Between the password and the code: a short-lived, hashed challenge with an attempt counter.
create table sign_in_challenges (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  failed_attempts integer not null default 0
);
create index sign_in_challenges_user on sign_in_challenges (user_id);

create index sessions_expires on sessions (expires_at);
create index invitations_expires on invitations (expires_at) where accepted_at is null;
