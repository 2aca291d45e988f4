-- The feedback survey and the mid-point check are Camunda Forms (issue 13): the answers to the questions organisers
-- add in forms/feedback-survey.form and forms/midpoint-check.form are kept beside the answer row as a JSON object by
-- question key (text, so that H2 and PostgreSQL read it alike), with the deployed version of the form answered.
alter table survey_invitation add column other_answers varchar(1000000);
alter table survey_invitation add column form_version integer;
alter table midpoint_check add column other_answers varchar(1000000);
alter table midpoint_check add column form_version integer;
-- Each cohort keeps the version of each of the two forms it started with (the latest deployed when the cohort was
-- created), written the first time it is needed.
create table cohort_survey_form (
  cohort_id bigint not null,
  form_id varchar(40) not null,
  version integer not null,
  primary key (cohort_id, form_id)
);
