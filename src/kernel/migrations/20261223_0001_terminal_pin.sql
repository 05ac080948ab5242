-- Shop-floor workers may have no e-mail address and no password: they sign in with a personal PIN
-- on a registered terminal only. A user without e-mail can never sign in with e-mail/password.
alter table users alter column email drop not null;
alter table users alter column password_hash drop not null;

alter table memberships add column personnel_number text;
alter table memberships add column pin_hash text;
alter table memberships add column pin_failed_attempts integer not null default 0;
alter table memberships add column pin_locked_until timestamptz;
create unique index memberships_personnel_number on memberships (tenant_id, personnel_number);

-- A device (tablet next to the machine) trusted for PIN sign-in; only the hash of its cookie is stored.
create table terminals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  name text not null,
  work_centre_id uuid,
  token_hash text not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  primary key (tenant_id, id)
);
create unique index terminals_token on terminals (token_hash);

-- A PIN session is limited to one company and ends when its terminal is revoked.
alter table sessions add column scope_tenant_id uuid;
alter table sessions add column terminal_id uuid;
alter table sessions add constraint sessions_terminal_fk
  foreign key (scope_tenant_id, terminal_id) references terminals (tenant_id, id) on delete cascade;
