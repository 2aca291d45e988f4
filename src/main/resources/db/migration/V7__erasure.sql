-- When a person's data was erased (right to erasure, or the retention time of unselected applicants).
alter table application add column erased_at timestamp with time zone;
alter table volunteer add column erased_at timestamp with time zone;
