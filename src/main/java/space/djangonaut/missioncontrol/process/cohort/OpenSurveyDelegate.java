package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.survey.SurveyService;

/** Invites every Djangonaut, Navigator and Captain of the cohort to the feedback survey. */
@Component
class OpenSurveyDelegate implements JavaDelegate {

  private final SurveyService surveys;

  OpenSurveyDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.open(cohortId(execution), Step.of(execution));
  }

  private static long cohortId(DelegateExecution execution) {
    return (Long) execution.getVariable(CohortProcess.COHORT_ID);
  }
}
