-- The public application form is a Camunda Form (issue 13): the answers to the questions organisers add in
-- forms/apply.form are kept beside the application as a JSON object by question key (text, so that H2 and
-- PostgreSQL read it alike), with the deployed version of the form the person answered.
alter table application add column other_answers varchar(1000000);
alter table application add column form_version integer;
-- Each cohort keeps the version of forms/apply.form it opened with (the latest one when its public page was first
-- shown while taking applications); an organiser may move an open cohort to the latest version on its page.
alter table cohort add column apply_form_version integer;
