package space.djangonaut.missioncontrol.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.mentorship.WeekCalendar;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * The organiser's cohort page says what the cohort is waiting for: where its process stands (the diagram's names),
 * the next timer with its date in UTC (and AoE for the application window), and the open tasks by person with the
 * overdue ones, through a cohort driven from its window to its first week by the engine's clock.
 */
@IntegrationTest
class CohortWaitsPageTest {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");

  @Autowired CohortDriver driver;
  @Autowired ApplicationRepository applications;
  @Autowired TaskService taskService;
  @Autowired WeekCalendar weeks;
  @Autowired TestData testData;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowTheCurrentStepTheNextTimerAndTheOpenTasksByPersonAsTheCohortMovesOn() {
    // The engine's clock stands still unless the test moves it: timers made together fall in the same minute.
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30)));
    CohortDriver.Run run = driver.open(3, 2);
    List<Application> applied = driver.apply(run, 4);

    // The window is open: the next timer closes it at the end of the closing day Anywhere on Earth.
    String open = waits(run);
    assertThat(open).contains("Current step Window open")
        .contains("Next timer Applications close (AoE): "
            + run.cohort().getApplicationsCloseOn() + " 23:59 AoE (" + utc(run.cohort().applicationsCloseAt()) + ")")
        // Each application's first review is offered to the reviewers; its second once the first is claimed.
        .contains("reviewers (candidate group, not claimed) Review application 4 –")
        .contains("(not offered to anyone yet) Review application 4 –");

    // Closed with one application still to be reviewed; a reviewer has claimed one of its reviews.
    for (int i = 0; i < 3; i++) {
      driver.review(applied.get(i), 5 - i);
    }
    driver.closeEarly(run);
    Task claimed = reviewTasks(applied.get(3)).get(0);
    String reviewer = testData.reviewer();
    taskService.claim(claimed.getId(), reviewer);
    String closed = waits(run);
    assertThat(closed).contains("Current step Waiting for the last reviews")
        .contains("No timer is waiting.")
        .contains(reviewer + " Review application 1 –")
        // The other review of that application is offered by name to the reviewers who hold none of it.
        .contains("(offered to named people, not claimed) Review application 1 –");

    // Selection finalised: offers wait for their answers, the acceptance period for week 0.
    testData.review(claimed, reviewer, 2, "maybe");
    driver.review(applied.get(3), 2);
    driver.drive(run);
    run.ranked().addAll(applications.findAllById(applied.stream().map(Application::getId).toList()).stream()
        .sorted(java.util.Comparator.comparing(Application::getRanking)).toList());
    driver.finalise(run, "");
    String offered = waits(run);
    assertThat(offered).contains("Current step Week 0: time to form the teams")
        .containsPattern("Next timer Two days before the deadline: [-0-9: ]+ UTC \\(Djangonaut application, 3 "
            + "timers\\)")
        .containsPattern("Deadline passed [-0-9: ]+ UTC Djangonaut application 3")
        .contains("Week 0: time to form the teams " + utc(run.cohort().teamsFormAt()) + " Djangonaut Space cohort 1")
        .doesNotContain("Review application");

    // The teams exist and week 1 has begun: the Navigator's check-in, then overdue at the end of the week.
    driver.acceptAllOffers(run);
    Volunteer navigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    driver.formTeams(run);
    String forming = waits(run);
    assertThat(forming).contains("Current step Confirm the teams")
        .containsPattern("organisers \\(candidate group, not claimed\\) Confirm the teams 1 –");
    driver.confirmTeams(run);
    driver.startCohort(run);
    Instant weekOneDue = weeks.dueAt(run.cohortId(), 1).toInstant();
    String weekOne = waits(run);
    assertThat(weekOne).contains("Run each team's weeks")
        .contains("Next timer End of the week (week 1): " + utc(weekOneDue) + " (A team's weeks of mentorship")
        .contains("Start of the week (week 2) " + utc(weeks.startOf(run.cohortId(), 2).toInstant()))
        .contains(navigator.getUserId() + " Record the weekly check-in 1 – " + utc(weekOneDue));

    ClockUtil.setCurrentTime(Date.from(weekOneDue.plusSeconds(120)));
    assertThat(waits(run)).contains(navigator.getUserId() + " Record the weekly check-in 1 1 overdue "
        + utc(weekOneDue));
    assertThat(driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)).hasSize(1);
  }

  @Test
  void shouldEscapeWhatThePageShowsOfTheEngine() {
    CohortDriver.Run run = driver.open(3, 2);
    List<Application> applied = driver.apply(run, 1);
    // Anyone with the engine API may give a task an assignee that is no user id.
    taskService.setAssignee(reviewTasks(applied.get(0)).get(0).getId(), "<b onmouseover=\"x()\">Ada & co</b>");

    String page = page(run);

    assertThat(page).doesNotContain("<b onmouseover").contains("&lt;b onmouseover=&quot;x()&quot;&gt;Ada &amp; co");
    assertThat(text(page)).contains("<b onmouseover=\"x()\">Ada & co</b> Review application 1 –");
  }

  private List<Task> reviewTasks(Application application) {
    return taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list();
  }

  private String page(CohortDriver.Run run) {
    String organiser = testData.organiser();
    WebClient.Response response = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + run.cohort().getSlug());
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The text of the page's "What the cohort is waiting for" section, tags removed, one space between words. */
  private String waits(CohortDriver.Run run) {
    String page = page(run);
    int start = page.indexOf("<section id=\"waiting-for\"");
    return text(page.substring(start, page.indexOf("</section>", start)));
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ")
        .replaceAll(" ([:,)])", "$1").replace("( ", "(");
  }

  private static String utc(Instant instant) {
    return MINUTES.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
  }
}
