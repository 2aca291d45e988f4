package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.mentorship.CheckIn;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * "Publish the impact report" publishes it: once an organiser completes the task, anyone can read the cohort's
 * aggregate figures and the quotes of those who allowed them, linked from the home page; before, nobody can.
 */
@IntegrationTest
class PublishedReportTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CheckInRepository checkIns;
  @Autowired SurveyInvitationRepository invitations;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;

  @Test
  void shouldPublishTheFiguresAndOnlyTheAllowedQuotesWhenTheOrganiserCompletesTheTask() {
    Cohort cohort = testData.openCohort();
    Application quoted = testData.apply(cohort);
    Application private_ = testData.apply(cohort);
    Volunteer navigator = volunteers.save(new Volunteer(cohort.getId(), "Navigator Nadia", TestData.uniqueEmail(),
        VolunteerRole.NAVIGATOR, List.of("Django core"), WeeklyAvailability.of(List.of("MON-18")), 4, null,
        Instant.now()));
    Team team = teams.save(new Team(cohort.getId(), "Team 1", "Django core", navigator.getId()));
    checkIns.save(new CheckIn(cohort.getId(), team.getId(), 1, "navigator", true, "2 of 2", 3, 1, 12, 0,
        "Private notes about the team", Instant.now()));
    answer(cohort, quoted, true, "<script>alert('x')</script> I found my ${first} ticket!");
    answer(cohort, private_, false, "Words meant for the organisers only");
    ProcessInstance process = runtimeService.createProcessInstanceByKey(CohortProcess.KEY)
        .businessKey(cohort.getSlug()).setVariable("cohortId", cohort.getId())
        .startBeforeActivity(CohortProcess.TASK_PUBLISH_REPORT).execute();
    WebClient anyone = new WebClient(port);
    String page = "/cohorts/" + cohort.getSlug() + "/impact";

    assertThat(anyone.get(page).status()).isEqualTo(404);
    assertThat(anyone.get("/").body()).doesNotContain(page);

    Task publish = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(publish.getTaskDefinitionKey()).isEqualTo(CohortProcess.TASK_PUBLISH_REPORT);
    taskService.complete(publish.getId());

    WebClient.Response published = anyone.get(page);
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.body())
        .contains("id=\"ticketsProgressed\">3<").contains("id=\"ticketsClosed\">1<")
        .contains("id=\"prReviewComments\">12<").contains("id=\"checkInsHeld\">1<")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; I found my ${first} ticket!")
        .doesNotContain("<script>alert")
        .doesNotContain("Words meant for the organisers only")
        .doesNotContain("Private notes about the team").doesNotContain("Nadia")
        .doesNotContain(quoted.getEmail()).doesNotContain(private_.getEmail())
        .doesNotContain(lastName(quoted)).doesNotContain("checkInsNotRecorded");
    assertThat(anyone.get("/").body()).contains("href=\"" + page + "\"");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
  }

  private void answer(Cohort cohort, Application djangonaut, boolean mayQuote, String wentWell) {
    SurveyInvitation invitation = invitations.save(new SurveyInvitation(cohort.getId(), Respondent.DJANGONAUT,
        djangonaut.getId(), djangonaut.getName(), djangonaut.getEmail(), TestData.uniqueUserId("hash"),
        Instant.now()));
    SurveyForm answers = new SurveyForm();
    answers.setComfortContributing(Comfort.MORE);
    answers.setComfortCommunity(Comfort.MORE);
    answers.setWentWell(wentWell);
    answers.setMayQuote(mayQuote);
    invitation.answer(answers, Instant.now());
    invitations.save(invitation);
  }

  private static String lastName(Application application) {
    String name = application.getName().strip();
    return name.substring(name.lastIndexOf(' ') + 1);
  }
}
