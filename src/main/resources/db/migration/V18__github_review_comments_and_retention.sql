-- Issue 12: the review comments on a cohort's pull requests as GitHub counted them last (survey/GitHubFigures), one
-- row per cohort, replaced by each refresh. Counts only; incomplete_reason says why a count stopped early (rate
-- limit, refusal), null when complete.
create table github_review_count (
    cohort_id               bigint       primary key references cohort (id),
    line_comments           integer      not null,
    review_bodies           integer      not null,
    pull_requests           integer      not null,
    pull_requests_not_found integer      not null,
    incomplete_reason       varchar(500),
    fetched_at              timestamp with time zone not null
);
