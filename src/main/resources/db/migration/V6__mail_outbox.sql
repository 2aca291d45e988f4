-- Emails become an outbox: written in the same transaction as the process step that sends them, delivered by the
-- dispatcher, retried with backoff while SMTP is down. The idempotency key (process instance, activity instance,
-- recipient, template) makes a retried job or a restarted node write, and so send, an email once.
alter table sent_email rename to outbox_email;
alter table outbox_email add column idempotency_key varchar(400);
alter table outbox_email add column text_body varchar(100000);
alter table outbox_email add column html_body varchar(200000);
alter table outbox_email add column status varchar(20) default 'SENT' not null;
alter table outbox_email add column attempts integer default 1 not null;
alter table outbox_email add column next_attempt_at timestamp with time zone;
alter table outbox_email add column locked_until timestamp with time zone;
alter table outbox_email add column last_error varchar(2000);
alter table outbox_email add column created_at timestamp with time zone;
update outbox_email set idempotency_key = 'legacy/' || id, created_at = sent_at, next_attempt_at = sent_at,
    text_body = '', html_body = '';
alter table outbox_email alter column idempotency_key set not null;
alter table outbox_email alter column created_at set not null;
alter table outbox_email alter column next_attempt_at set not null;
alter table outbox_email alter column text_body set not null;
alter table outbox_email alter column html_body set not null;
alter table outbox_email alter column sent_at drop not null;
alter table outbox_email add constraint uk_outbox_email_key unique (idempotency_key);
create index ix_outbox_email_due on outbox_email (status, next_attempt_at);
