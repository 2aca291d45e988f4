-- A check-in or one-to-one that nobody recorded a week after its reminder is closed by the team's process and kept
-- as "not recorded" (held = false, recorded = false), apart from those recorded as not held.
alter table check_in add column recorded boolean default true not null;
alter table one_to_one add column recorded boolean default true not null;
