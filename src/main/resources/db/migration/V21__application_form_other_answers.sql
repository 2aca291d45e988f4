-- The public application form is a Camunda Form (issue 13): the answers to the questions organisers add in
-- forms/apply.form are kept beside the application as a JSON object by question key (text, so that H2 and
-- PostgreSQL read it alike), with the deployed version of the form the person answered.
alter table application add column other_answers varchar(1000000);
alter table application add column form_version integer;
