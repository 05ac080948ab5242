-- What each person has marked as read in the notification centre, by the item's key
-- (`<module>:<key>`, new when the item changes). Only keys of items still listed are kept.
create table notification_reads (
  tenant_id uuid not null,
  user_id uuid not null,
  item_key text not null,
  read_at timestamptz not null default now(),
  primary key (tenant_id, user_id, item_key),
  foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
