-- The programme rules are decision tables (bpmn/*.dmn): what the selection proposed for each ranked application and
-- which rule of bpmn/selection-proposal.dmn decided it, and which rule of bpmn/review-disagreement.dmn decided
-- whether its two reviews needed a third. The rule is its annotation with its id, as organisers read it.
alter table application add column proposed_outcome varchar(20);
alter table application add column proposal_rule varchar(1000);
alter table application add column disagreement_rule varchar(1000);

-- Applications ranked before: the proposal the Java rule made (the places from the top of the ranking, then half as
-- many again, rounded up, waitlisted, the rest rejected), named as that rule. (Plain SQL for PostgreSQL and H2.)
update application
   set proposed_outcome = case
         when ranking <= (select c.capacity from cohort c where c.id = application.cohort_id) then 'ACCEPTED'
         when ranking <= (select c.capacity + (c.capacity + 1) / 2 from cohort c where c.id = application.cohort_id)
           then 'WAITLISTED'
         else 'REJECTED' end,
       proposal_rule = 'Ranked before the programme rules became tables: by rank alone.'
 where ranking is not null;
