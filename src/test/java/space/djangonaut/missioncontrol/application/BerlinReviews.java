package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * The reviews of an applicant in Berlin, as the tests of each reader's own zone (issue 12) arrange and read them: a
 * cohort in winter, its reviews claimed and their form read through the engine's REST API, as Tasklist does.
 */
@Component
class BerlinReviews {

  /** A cohort in January, when Berlin, New York and Tokyo all keep winter time. */
  static final LocalDate STARTS_ON = LocalDate.of(2031, 1, 31);
  static final String IN_TOKYO = "Mon 18-21 (Europe/Berlin); Asia/Tokyo: Tue 02:00-05:00;"
      + " UTC: Mon 17:00-20:00 (week from 31 January 2031)";
  static final String IN_NEW_YORK = "Mon 18-21 (Europe/Berlin); America/New_York: Mon 12:00-15:00;"
      + " UTC: Mon 17:00-20:00 (week from 31 January 2031)";
  static final String IN_THE_FALLBACK = "Mon 18-21 (Europe/Berlin); UTC: Mon 17:00-20:00 (week from 31 January 2031)";

  private final TestData testData;
  private final CohortService cohorts;
  private final ApplicationService applications;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Environment environment;

  BerlinReviews(TestData testData, CohortService cohorts, ApplicationService applications,
      RuntimeService runtimeService, TaskService taskService, Environment environment) {
    this.testData = testData;
    this.cohorts = cohorts;
    this.applications = applications;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.environment = environment;
  }

  /** A cohort starting on {@link #STARTS_ON}, open for applications today. */
  Cohort cohortReviewedBy(String reviewers) {
    CohortForm form = TestData.cohortForm("Zones " + TestData.unique("c"), TestData.unique("zones"));
    form.setStartsOn(STARTS_ON);
    form.setCapacity(2);
    form.setReviewers(reviewers);
    return cohorts.create(form);
  }

  /** An applicant in Berlin, free on Mondays 18-21 on their own clock; their two reviews are open. */
  Application appliedFromBerlin(Cohort cohort) {
    ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
    form.setTimezone("Europe/Berlin");
    form.setAvailability(List.of("MON-18"));
    Application application = applications.submit(cohort.getSlug(), form);
    testData.executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId());
    return application;
  }

  List<Task> reviewsOf(Application application) {
    return taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey("Task_ReviewApplication").orderByTaskId().asc().list();
  }

  void claim(String reviewer, Task task) {
    assertThat(rest(reviewer).postJson("/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + reviewer + "\"}").status()).isEqualTo(204);
  }

  /** What the review form shows the reviewer as the applicant's availability, read as Tasklist reads it. */
  String availabilityOnForm(String reviewer, Task task) throws IOException {
    WebClient.Response variables = rest(reviewer).get("/engine-rest/task/" + task.getId() + "/form-variables");
    assertThat(variables.status()).isEqualTo(200);
    return new ObjectMapper().readTree(variables.body()).path("applicantAvailability").path("value").asText();
  }

  private WebClient rest(String user) {
    return new WebClient(Integer.parseInt(environment.getRequiredProperty("local.server.port")))
        .basicAuth(user, user);
  }
}
