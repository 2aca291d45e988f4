package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortWorkflow;
import space.djangonaut.missioncontrol.process.TaskForms;

/** The cohort feature's requests as a start and messages of {@code cohort.bpmn}. */
@Component
class CohortWorkflowOnEngine implements CohortWorkflow {

  private final RuntimeService runtimeService;
  private final TaskForms forms;

  CohortWorkflowOnEngine(RuntimeService runtimeService, TaskForms forms) {
    this.runtimeService = runtimeService;
    this.forms = forms;
  }

  /** The variables are what {@code forms/open-cohort.form} would submit: its keys are {@link CohortForm}'s properties. */
  @Override
  public void open(CohortForm form) {
    runtimeService.startProcessInstanceByKey(CohortProcess.KEY, form.getSlug(), forms.variablesOf(form));
  }

  @Override
  public boolean closeApplicationsEarly(String slug) {
    return correlate(CohortProcess.MESSAGE_CLOSE_APPLICATIONS, slug);
  }

  @Override
  public boolean requestSelection(String slug) {
    return correlate(CohortProcess.MESSAGE_SELECTION_REQUESTED, slug);
  }

  private boolean correlate(String message, String slug) {
    try {
      runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(slug).correlate();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }
}
