package space.djangonaut.missioncontrol.process.application;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ReviewService;

/**
 * On creating a review task (or the tie-break): puts the applicant's answers on the task as local variables, so that
 * the review form shows them read-only, and names the task after the applicant and cohort, so that a reviewer finds
 * it in Tasklist's list. The process itself holds only the application id.
 */
@Component
class PrepareReviewTaskListener implements TaskListener {

  /** The length of the engine's task name column. */
  private static final int MAX_TASK_NAME = 255;

  private final ReviewService reviews;

  PrepareReviewTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long applicationId = (Long) task.getVariable(ApplicationProcess.APPLICATION_ID);
    Map<String, Object> answers = reviews.answersForReviewer(applicationId);
    task.setVariablesLocal(answers);
    String kind = ApplicationProcess.TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey())
        ? "Third review" : "Review";
    String name = kind + ": " + answers.get("applicantName") + " – " + answers.get("cohortName");
    task.setName(name.length() > MAX_TASK_NAME ? name.substring(0, MAX_TASK_NAME - 1) + "…" : name);
  }
}
