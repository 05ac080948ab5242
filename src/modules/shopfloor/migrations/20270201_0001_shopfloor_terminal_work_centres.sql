-- The work centre a terminal shows is a shop-floor matter, so it lives here rather than in the
-- kernel's terminals table. Copied from terminals.work_centre_id, which nothing reads or writes
-- any more (kept, not dropped: the kernel's migrations run before this one on an existing database).
create table shopfloor_terminal_work_centres (
  tenant_id uuid not null,
  terminal_id uuid not null,
  work_centre_id uuid not null,
  primary key (tenant_id, terminal_id),
  foreign key (tenant_id, terminal_id) references terminals (tenant_id, id) on delete cascade
);

insert into shopfloor_terminal_work_centres (tenant_id, terminal_id, work_centre_id)
  select tenant_id, id, work_centre_id from terminals where work_centre_id is not null;
