-- Availability is kept as slots of the person's own wall-clock time in their IANA time zone (issue 12).
-- Every slot given before this migration was a UTC slot, whatever zone the applicant chose: those rows get the zone
-- 'UTC', in which each slot means exactly what it meant (UTC has no clock changes). Converting them into the
-- applicant's stored zone would not keep them truthful: a UTC slot falls on different local hours before and after
-- a clock change, and in zones with half-hour offsets (Asia/Kolkata) on no local three-hour slot at all.
alter table application add column availability_zone varchar(60) default 'UTC' not null;
alter table volunteer add column availability_zone varchar(60) default 'UTC' not null;
