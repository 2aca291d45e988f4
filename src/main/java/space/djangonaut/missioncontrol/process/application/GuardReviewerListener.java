package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ReviewService;

/** On assigning a review task: the two reviews of an application must come from two different people. */
@Component
class GuardReviewerListener implements TaskListener {

  private final ReviewService reviews;

  GuardReviewerListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long applicationId = (Long) task.getVariable(ApplicationProcess.APPLICATION_ID);
    // A reviewer claiming in Tasklist may not see the other review task: look at it as the engine does.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      reviews.ensureReviewerIsIndependent(applicationId, task.getProcessInstanceId(), task.getId(),
          task.getAssignee());
      return null;
    });
  }
}
