package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.WithdrawalService;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.StepDown;
import space.djangonaut.missioncontrol.team.StepDownRepository;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * A double click, or a client that sends the same request three times at once: every copy gets the answer the first
 * got (config.ConcurrentRequestRetry), never a 500, and the change happens once. Real PostgreSQL, real HTTP.
 */
@IntegrationTest
class ConcurrentRequestsTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired VolunteerRepository volunteers;
  @Autowired ApplicationRepository applications;
  @Autowired StepDownRepository stepDowns;
  @Autowired WithdrawalService withdrawals;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowEveryCopyOfAWithdrawalSentThreeTimesAtOnceThatTheyHaveWithdrawn() throws Exception {
    CohortDriver.Run run = oneTeamInWeekOne();
    Application leaving = applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED).get(0);
    String link = withdrawals.newLinkPath(leaving.getId());
    WebClient web = new WebClient(port);
    Map<String, List<String>> form = WebClient.form(web.get(link), Map.of());

    List<WebClient.Response> responses = threeAtOnce(() -> web.postForm(link, form));

    assertThat(responses).extracting(WebClient.Response::status).containsOnly(200);
    assertThat(responses).allSatisfy(r -> assertThat(r.body()).contains("You have withdrawn"));
    assertThat(applications.findById(leaving.getId()).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.WITHDRAWN);
  }

  @Test
  void shouldShowEveryCopyOfAStepDownSentThreeTimesAtOnceFromTheTeamsPageTheSameNotice() throws Exception {
    CohortDriver.Run run = oneTeamInWeekOne();
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    Volunteer captain = volunteers.findById(members.findByTeamIdOrderById(team.getId()).get(0)
        .getCaptainVolunteerId()).orElseThrow();
    WebClient browser = signedIn(captain.getUserId());
    Map<String, List<String>> form = WebClient.form(browser.get("/my/teams"), Map.of());

    List<WebClient.Response> responses = threeAtOnce(() -> browser.postForm("/my/teams/" + team.getId()
        + "/step-down", form));

    assertThat(responses).extracting(WebClient.Response::status).containsOnly(302);
    assertThat(browser.get("/my/teams").body()).contains("An organiser will choose who takes over");
    assertThat(stepDowns.findByTeamIdOrderById(team.getId())).singleElement()
        .satisfies(s -> assertThat(s.getVolunteerId()).isEqualTo(captain.getId()));
  }

  @Test
  void shouldAnswerEveryCopyOfAnApiStepDownSentThreeTimesAtOnceWithTheSameStepDown() throws Exception {
    CohortDriver.Run run = oneTeamInWeekOne();
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);
    String body = "{\"volunteerId\": " + team.getNavigatorVolunteerId() + "}";

    List<WebClient.Response> responses = threeAtOnce(() -> api.postJson("/api/teams/" + team.getId()
        + "/step-down", body));

    assertThat(responses).extracting(WebClient.Response::status).containsOnly(202);
    List<StepDown> recorded = stepDowns.findByTeamIdOrderById(team.getId());
    assertThat(recorded).hasSize(1);
    assertThat(responses).allSatisfy(r -> assertThat(r.body())
        .contains("\"stepDownId\":" + recorded.get(0).getId()));
  }

  /** Sends the request from three threads released together; the responses in the order the threads started. */
  private static List<WebClient.Response> threeAtOnce(Callable<WebClient.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch ready = new CountDownLatch(3);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<WebClient.Response>> futures = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return request.call();
        }));
      }
      ready.await();
      go.countDown();
      List<WebClient.Response> responses = new ArrayList<>();
      for (Future<WebClient.Response> future : futures) {
        responses.add(future.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private CohortDriver.Run oneTeamInWeekOne() {
    CohortDriver.Run run = driver.open(3, 4);
    List<Application> applied = driver.apply(run, 3);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    driver.startCohort(run);
    driver.confirmTeams(run);
    Instant start = run.cohort().startsAt();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(60))));
    driver.drive(run);
    return run;
  }

  private WebClient signedIn(String userId) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(userId))));
    assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }
}
