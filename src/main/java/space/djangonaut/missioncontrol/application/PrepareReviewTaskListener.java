package space.djangonaut.missioncontrol.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating a review task: puts the applicant's answers on the task as local variables, so that the review form
 * shows them read-only. The process itself holds only the application id.
 */
@Component
class PrepareReviewTaskListener implements TaskListener {

  private final ReviewService reviews;

  PrepareReviewTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long applicationId = (Long) task.getVariable(ApplicationProcess.APPLICATION_ID);
    task.setVariablesLocal(reviews.answersForReviewer(applicationId));
  }
}
