package space.djangonaut.missioncontrol.team;

import java.util.Optional;

/**
 * What the team page asks of the cohort's process ({@code cohort.bpmn}, Task_ConfirmTeams); the process layer
 * implements it. The teams themselves are in the database (one source of truth): the task shows them and its
 * completion confirms them, whether it is completed in Tasklist or from the team page.
 */
public interface TeamConfirmation {

  /** The id of the cohort's open Task_ConfirmTeams, or empty: the teams are not formed yet, or were confirmed. */
  Optional<String> openTask(String cohortSlug);

  /** Shows the teams as they now are on the open task (the text Tasklist displays); nothing if no task is open. */
  void showOnTask(String cohortSlug);

  /**
   * Completes the cohort's Task_ConfirmTeams as the organiser {@code userId}, as Tasklist would: every rule is
   * checked again ({@link TeamAdjustments#apply}).
   *
   * @param taskId the task the organiser's page was showing
   * @param anyway the organiser's explicit choice to confirm teams that break a rule
   * @throws StaleTeamPageException if that task is no longer open (completed meanwhile, or another one)
   * @throws TeamAdjustments.RulesUnmetException if a rule is unmet and {@code anyway} is false; nothing changes
   * @throws org.camunda.bpm.engine.BadUserRequestException if a confirmed Djangonaut is in no team
   */
  void confirm(String cohortSlug, String taskId, boolean anyway, String userId);

  /** The page showed a Task_ConfirmTeams that is no longer open. */
  class StaleTeamPageException extends RuntimeException {
    public StaleTeamPageException(String message) {
      super(message);
    }
  }
}
