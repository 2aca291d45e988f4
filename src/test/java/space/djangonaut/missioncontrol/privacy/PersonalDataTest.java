package space.djangonaut.missioncontrol.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.UnselectedApplicantsErasure;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.StoredText;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Erasure leaves no name or email anywhere in the database, Camunda's runtime and history tables included;
 * unselected applicants are erased after the retention time; a person's data can be exported.
 */
@IntegrationTest
class PersonalDataTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired StoredText storedText;
  @Autowired CohortDriver driver;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired UnselectedApplicantsErasure unselectedApplicants;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldEraseAnApplicantFromEveryTableOnRequestIncludingTheEnginesHistory() {
    String name = "Zelda " + TestData.uniqueUserId("Quux");
    String email = TestData.uniqueEmail();
    Application application = reviewedApplication(name, email);
    assertThat(storedText.columnsHolding(name)).isNotEmpty();
    assertThat(storedText.columnsHolding(email)).isNotEmpty();

    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);
    WebClient.Response exported = api.get("/api/personal-data?email=" + email);
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.body()).contains(name).contains("\"motivation\"").contains("\"emails\"");
    WebClient.Response erased = api.postJson("/api/personal-data/erase", "{\"email\":\"" + email + "\"}");

    assertThat(erased.status()).isEqualTo(200);
    // The application; its reviews, emails and the engine's records are erased with it, not counted apart.
    assertThat(erased.body()).contains("\"erased\":1");
    assertThat(storedText.columnsHolding(name)).isEmpty();
    assertThat(storedText.columnsHolding(email)).isEmpty();
    assertThat(applications.findById(application.getId()).orElseThrow().getName()).isEqualTo("(erased)");
    assertThat(api.postJson("/api/personal-data/erase", "{\"email\":\"not an address\"}").status())
        .isEqualTo(400);
  }

  @Test
  void shouldEraseRejectedAndWaitlistedApplicantsOnceTheRetentionTimeAfterTheirCohortHasPassed() {
    CohortDriver.Run run = driver.selected(1, 3);
    Application accepted = run.ranked().get(0);
    Application waitlisted = run.ranked().get(1);
    Application rejected = run.ranked().get(2);
    driver.acceptAllOffers(run);
    driver.startCohort(run);
    Date cohortEnd = Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * run.cohort().getWeeks())));

    ClockUtil.setCurrentTime(new Date(cohortEnd.getTime() + Duration.ofDays(179).toMillis()));
    unselectedApplicants.eraseUnselectedAfterRetention();
    assertThat(applications.findById(rejected.getId()).orElseThrow().getErasedAt()).isNull();

    ClockUtil.setCurrentTime(new Date(cohortEnd.getTime() + Duration.ofDays(181).toMillis()));
    unselectedApplicants.eraseUnselectedAfterRetention();

    assertThat(applications.findById(rejected.getId()).orElseThrow().getErasedAt()).isNotNull();
    assertThat(applications.findById(waitlisted.getId()).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.WAITLIST_CLOSED);
    assertThat(applications.findById(waitlisted.getId()).orElseThrow().getErasedAt()).isNotNull();
    assertThat(storedText.columnsHolding(rejected.getEmail())).isEmpty();
    assertThat(storedText.columnsHolding(waitlisted.getEmail())).isEmpty();
    assertThat(applications.findById(accepted.getId()).orElseThrow().getErasedAt()).isNull();
    assertThat(storedText.columnsHolding(accepted.getEmail())).isNotEmpty();
    assertThat(run.process().getProcessDefinitionId()).startsWith(CohortProcess.KEY);
  }

  /** An application with two reviews in, so that the answers sit in task variables and their history. */
  private Application reviewedApplication(String name, String email) {
    ApplicationForm form = TestData.applicationForm(email);
    form.setName(name);
    Application application = applicationService.submit(testData.openCohort().getSlug(), form);
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    for (Task task : taskService.createTaskQuery().processInstanceId(process.getId()).list()) {
      taskService.claim(task.getId(), testData.reviewer());
      taskService.complete(task.getId(), Map.of("scoreMotivation", 4L, "scoreExperience", 4L,
          "scoreAvailability", 4L, "scoreCommunity", 4L, "recommendation", "accept",
          "reviewComment", "Strong, " + name + " knows Django"));
    }
    return application;
  }
}
