package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;

/** On creating a Captain's Task_HoldOneToOne: who the one-to-one is with. */
@Component
class PrepareOneToOneListener implements TaskListener {

  private final MentorshipService mentorship;

  PrepareOneToOneListener(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(mentorship.oneToOneContext((Long) task.getVariable(CohortProcess.DJANGONAUT_ID),
        ((Number) task.getVariable(CohortProcess.WEEK)).longValue()));
  }
}
