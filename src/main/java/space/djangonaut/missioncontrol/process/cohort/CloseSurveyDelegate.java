package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.survey.SurveyService;

/** Fourteen days on: closes the survey. */
@Component
class CloseSurveyDelegate implements JavaDelegate {

  private final SurveyService surveys;

  CloseSurveyDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.close(cohortId(execution));
  }

  private static long cohortId(DelegateExecution execution) {
    return (Long) execution.getVariable(CohortProcess.COHORT_ID);
  }
}
