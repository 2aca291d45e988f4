package space.djangonaut.missioncontrol.process.application;

import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.APPLICATION_ID;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OFFER_ACCEPTED;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OUTCOME;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationWorkflow;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.team.TeamDirectory;

/** The application feature's requests as starts and messages of {@code application.bpmn} and {@code cohort.bpmn}. */
@Component
class ApplicationWorkflowOnEngine implements ApplicationWorkflow {

  private final RuntimeService runtimeService;
  private final TeamDirectory teamDirectory;

  ApplicationWorkflowOnEngine(RuntimeService runtimeService, TeamDirectory teamDirectory) {
    this.runtimeService = runtimeService;
    this.teamDirectory = teamDirectory;
  }

  @Override
  public void submitted(long applicationId) {
    runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, String.valueOf(applicationId),
        Map.of(APPLICATION_ID.name(), applicationId));
  }

  @Override
  public boolean decided(long applicationId, Outcome outcome) {
    // correlateAll: a process that does not wait gives an empty result, not an exception that would spoil the
    // transaction of a whole batch of decisions (SelectionService.sendDecisions).
    return !runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_SELECTION_DECIDED)
        .processInstanceBusinessKey(String.valueOf(applicationId))
        .setVariables(Map.of(OUTCOME.name(), outcome.variableValue())).correlateAllWithResult().isEmpty();
  }

  @Override
  public boolean offerAnswered(long applicationId, boolean accepted) {
    return correlate(ApplicationProcess.MESSAGE_OFFER_ANSWERED, applicationId,
        Map.of(OFFER_ACCEPTED.name(), accepted));
  }

  @Override
  public void placeOffered(long applicationId) {
    runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_PLACE_OFFERED)
        .processInstanceBusinessKey(String.valueOf(applicationId)).correlate();
  }

  @Override
  public void waitlistClosed(long applicationId) {
    runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_WAITLIST_CLOSED)
        .processInstanceBusinessKey(String.valueOf(applicationId)).correlate();
  }

  @Override
  public void placeReleased(String cohortSlug) {
    // A cohort run by its process offers the place to the waitlist; otherwise nothing listens.
    runtimeService.createMessageCorrelation(CohortProcess.MESSAGE_PLACE_RELEASED)
        .processInstanceBusinessKey(cohortSlug).correlateAllWithResult();
  }

  @Override
  public void applicationReviewed(String cohortSlug) {
    // Only a cohort waiting for its last reviews listens; before the window closes and after the ranking, nobody.
    runtimeService.createMessageCorrelation(CohortProcess.MESSAGE_REVIEW_COMPLETED)
        .processInstanceBusinessKey(cohortSlug).correlateAllWithResult();
  }

  @Override
  public void withdrawn(long applicationId) {
    // Wherever it waits (a review, a decision, an answer, a placement), nothing of it is still to come: it ends here,
    // without its listeners or mappings, and its history stays (an erasure removes that as well).
    runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(applicationId)).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "withdrawn", true, true));
  }

  @Override
  public boolean djangonautWithdrew(long applicationId) {
    return teamDirectory.teamOf(applicationId)
        // Only team.bpmn waits for this message, so the team's id as business key finds its instance alone.
        .map(teamId -> !runtimeService.createMessageCorrelation(TeamProcess.MESSAGE_DJANGONAUT_WITHDREW)
            .processInstanceBusinessKey(String.valueOf(teamId))
            .setVariable(TeamProcess.WITHDRAWN_DJANGONAUT_ID.name(), applicationId)
            .correlateAllWithResult().isEmpty())
        .orElse(false);
  }

  private boolean correlate(String message, long applicationId, Map<String, Object> variables) {
    try {
      runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(applicationId))
          .setVariables(variables).correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }
}
