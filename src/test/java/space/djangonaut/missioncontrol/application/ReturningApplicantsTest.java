package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.StoredText;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Issue 12, fault 3: history across cohorts. An applicant waitlisted in one cohort who applies to the next is seen as
 * such by the organisers, and the selection rule raises them; the erasure of unselected applicants keeps only a keyed
 * hash of the address with the cohort and the outcome, and a re-application with the same address (another case,
 * blanks around it) is still matched after it. Only the public service, the pages and the database are used here, so
 * that the test reads the same before and after the change.
 */
@IntegrationTest
class ReturningApplicantsTest {

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired StoredText storedText;
  @Autowired TestData testData;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired SelectionService selection;
  @Autowired UnselectedApplicantsErasure erasure;
  @Autowired JdbcTemplate jdbc;
  @Autowired RetentionRecords retention;
  @Autowired TaskService taskService;
  @Value("${missioncontrol.retention.secret:}") String secret;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Two places. Last time one place and this applicant waitlisted; now ranked third of three (just outside the
   * places), both reviewers recommending accept: the rule raises them into a place and the second newcomer goes to
   * the head of the waitlist.
   */
  @Test
  void shouldRaiseAReturningWaitlistedApplicantIntoAPlace() {
    CohortDriver.Run last = driver.selected(1, 3);
    Application waitlistedLastTime = last.ranked().get(1);
    assertThat(applications.findById(waitlistedLastTime.getId()).orElseThrow().getOutcome())
        .isEqualTo(Outcome.WAITLISTED);

    CohortDriver.Run now = driver.open(2);
    List<Application> newcomers = driver.apply(now, 2);
    Application returning = applicationService.submit(now.cohort().getSlug(),
        TestData.applicationForm(waitlistedLastTime.getEmail()));
    driver.drive(now);
    driver.review(newcomers.get(0), 5);
    driver.review(newcomers.get(1), 4);
    driver.review(returning, 3);
    driver.closeEarly(now);

    Map<Long, Outcome> proposal = selection.proposal(now.cohortId());
    assertThat(proposal).containsEntry(newcomers.get(0).getId(), Outcome.ACCEPTED)
        .containsEntry(returning.getId(), Outcome.ACCEPTED)
        .containsEntry(newcomers.get(1).getId(), Outcome.WAITLISTED);
    Application raised = applications.findById(returning.getId()).orElseThrow();
    assertThat(raised.getRanking()).isEqualTo(3);
    assertThat(raised.getProposalRule()).contains("Rule_ReturningWaitlistedRaised of selection-proposal");
    assertThat(applications.findById(newcomers.get(1).getId()).orElseThrow().getProposalRule())
        .contains("Rule_OnTheWaitlist");

    WebClient.Response page = organiser().get("/organiser/cohorts/" + now.cohort().getSlug() + "/selection");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"history-" + returning.getId() + "\"")
        .contains("was waitlisted in " + last.cohort().getName())
        .doesNotContain("id=\"history-" + newcomers.get(0).getId() + "\"");
  }

  /** The organiser's tie-break form says how the applicant's earlier applications ended, and nothing else of them. */
  @Test
  void shouldShowTheEarlierOutcomeOnTheOrganisersTieBreak() {
    CohortDriver.Run last = driver.selected(1, 3);
    Application waitlistedLastTime = last.ranked().get(1);
    CohortDriver.Run now = driver.open(2);
    Application returning = applicationService.submit(now.cohort().getSlug(),
        TestData.applicationForm(waitlistedLastTime.getEmail()));
    driver.drive(now);

    driver.reviewInDisagreement(returning);

    Task tieBreak = taskService.createTaskQuery().processInstanceBusinessKey(returning.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_RESOLVE_DISAGREEMENT).singleResult();
    assertThat((String) taskService.getVariableLocal(tieBreak.getId(), "applicantHistory"))
        .isEqualTo("Applied before: was waitlisted in " + last.cohort().getName() + ".");
  }

  @Test
  void shouldKeepOnlyAKeyedHashWithCohortAndOutcomeWhenErasingAndMatchAReapplicationAfterwards() {
    CohortDriver.Run run = driver.selected(1, 3);
    Application waitlisted = run.ranked().get(1);
    Application rejected = run.ranked().get(2);
    driver.acceptAllOffers(run);
    driver.startCohort(run);
    Date cohortEnd = Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * run.cohort().getWeeks())));
    ClockUtil.setCurrentTime(new Date(cohortEnd.getTime() + Duration.ofDays(181).toMillis()));

    erasure.eraseUnselectedAfterRetention();

    assertThat(applications.findById(waitlisted.getId()).orElseThrow().getErasedAt()).isNotNull();
    assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_schema = "
        + "current_schema() and table_name = 'retention_record'", String.class))
        .containsExactlyInAnyOrder("id", "email_hash", "cohort_id", "outcome", "recorded_at");
    List<Map<String, Object>> kept = jdbc.queryForList("select email_hash, outcome from retention_record "
        + "where cohort_id = ? order by outcome", run.cohortId());
    assertThat(kept).containsExactly(
        Map.of("email_hash", hmac(rejected.getEmail()), "outcome", "rejected"),
        Map.of("email_hash", hmac(waitlisted.getEmail()), "outcome", "waitlisted"));
    assertThat(storedText.columnsHolding(waitlisted.getEmail())).isEmpty();
    assertThat(storedText.columnsHolding(waitlisted.getName())).isEmpty();

    CohortDriver.Run next = driver.open(2);
    Application again = applicationService.submit(next.cohort().getSlug(),
        TestData.applicationForm("  " + waitlisted.getEmail().toUpperCase(Locale.ROOT) + " "));
    driver.drive(next);

    WebClient.Response page = organiser().get("/organiser/cohorts/" + next.cohort().getSlug());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"history-" + again.getId() + "\"")
        .contains("was waitlisted in " + run.cohort().getName());

    // A request to erase the address deletes its retention record too.
    organiser().postJson("/api/personal-data/erase", "{\"email\":\"" + waitlisted.getEmail() + "\"}");
    assertThat(jdbc.queryForObject("select count(*) from retention_record where email_hash = ?", Integer.class,
        hmac(waitlisted.getEmail()))).isZero();
    // The others' records go once they are older than missioncontrol.retention.keep-for (three years).
    ClockUtil.setCurrentTime(new Date(cohortEnd.getTime() + Duration.ofDays(181 + 3 * 365 - 2).toMillis()));
    retention.expire();
    assertThat(recordsOf(rejected)).isOne();
    ClockUtil.setCurrentTime(new Date(cohortEnd.getTime() + Duration.ofDays(181 + 3 * 366 + 1).toMillis()));
    retention.expire();
    assertThat(recordsOf(rejected)).isZero();
  }

  private Integer recordsOf(Application application) {
    return jdbc.queryForObject("select count(*) from retention_record where email_hash = ?", Integer.class,
        hmac(application.getEmail()));
  }

  private WebClient organiser() {
    String organiser = testData.organiser();
    return new WebClient(port).basicAuth(organiser, organiser);
  }

  /** HMAC-SHA256 of the normalised address with the test's secret, in hexadecimal. */
  private String hmac(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(email.strip().toLowerCase(Locale.ROOT)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
