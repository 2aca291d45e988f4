-- Contact details people agreed to share with their team (the roster, the team emails): the email address and, if
-- given, a chat handle (e.g. Discord). Without consent the roster says to go through the organisers. Erased with the
-- person (VolunteerPersonalData, ApplicationPersonalData).
alter table volunteer add column share_contact boolean not null default false;
alter table volunteer add column chat_handle varchar(100);
alter table application add column share_contact boolean not null default false;
alter table application add column chat_handle varchar(100);
