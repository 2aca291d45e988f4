package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ReviewService;

/** On completing a review task (or the tie-break): stores the scores in the application's reviews. */
@Component
class RecordReviewListener implements TaskListener {

  private final ReviewService reviews;

  RecordReviewListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long applicationId = (Long) task.getVariable(ApplicationProcess.APPLICATION_ID);
    boolean tieBreak = ApplicationProcess.TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey());
    reviews.record(applicationId, task.getAssignee(), task.getVariables(), tieBreak);
  }
}
