-- A check-in or one-to-one that nobody recorded a week after its reminder is closed by the team's process and kept
-- as "not recorded" (held = false, recorded = false), apart from those recorded as not held.
alter table check_in add column recorded boolean default true not null;
alter table one_to_one add column recorded boolean default true not null;

-- When a cohort's teams are formed, confirmed and welcomed ("week 0"): missioncontrol.cohort.team-lead-time before
-- its start, fixed when the cohort is created. Empty for cohorts created before: their teams are formed at the start.
alter table cohort add column teams_form_at timestamp with time zone;
