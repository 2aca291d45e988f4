package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ReviewService;

/** Stores the aggregate score on the application and tells the gateway whether the reviewers disagree. */
@Component
class AggregateScoresDelegate implements JavaDelegate {

  private final ReviewService reviews;

  AggregateScoresDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = (Long) execution.getVariable(ApplicationProcess.APPLICATION_ID);
    boolean disagree = reviews.aggregate(applicationId);
    execution.setVariable(ApplicationProcess.REVIEWERS_DISAGREE, disagree);
  }
}
