package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.survey.SurveyService;

/** Seven days on: reminds those who have not answered the survey. */
@Component
class SendSurveyReminderDelegate implements JavaDelegate {

  private final SurveyService surveys;

  SendSurveyReminderDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.remind(cohortId(execution), Step.of(execution));
  }

  private static long cohortId(DelegateExecution execution) {
    return (Long) execution.getVariable(CohortProcess.COHORT_ID);
  }
}
