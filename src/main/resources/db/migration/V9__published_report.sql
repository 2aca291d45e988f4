-- When an organiser published the cohort's impact report on its public page (/cohorts/{slug}/impact); empty while
-- only organisers see it.
alter table cohort add column report_published_at timestamp with time zone;
