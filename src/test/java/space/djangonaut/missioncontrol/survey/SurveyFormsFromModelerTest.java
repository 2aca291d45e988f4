package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.DeployedForms;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.privacy.PersonalDataService;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.StoredText;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * An organiser changes the feedback survey ({@code forms/feedback-survey.form}) and the mid-point check
 * ({@code forms/midpoint-check.form}) in Camunda Modeler's form editor and deploys them: the personal-link pages,
 * drawn on the server without JavaScript, ask the new questions of the cohorts created after (an older cohort keeps
 * its version), validate them from the schema, keep the answers as JSON beside the answer row with the form's
 * version, and the impact report reads them by key; what anyone typed is text on every page; an erasure removes
 * them; a form without a key the report or the trouble detection reads is refused.
 */
@IntegrationTest
class SurveyFormsFromModelerTest {

  private static final String HOSTILE = "<script>alert(1)</script> ${7*7} [[${x}]] *{name}";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired StoredText storedText;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeployedForms forms;
  @Autowired SurveyInvitationRepository invitations;
  @Autowired MidpointCheckRepository checks;
  @Autowired MidpointService midpoint;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired PersonalDataService personalData;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void putTheFormsOfTheRepositoryBack() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  /** The repository's survey without "What should we improve?", with three new questions. */
  private static ObjectNode changedSurvey() {
    ObjectNode form = SurveyFormsTest.without(SurveyFormsTest.form("feedback-survey"), "toImprove");
    SurveyFormsTest.add(form, "{\"id\":\"Field_HeardFrom\",\"key\":\"heardFrom\",\"label\":\"Where did you hear"
        + " of us?\",\"type\":\"select\",\"validate\":{\"required\":true},\"values\":[{\"label\":\"A friend\","
        + "\"value\":\"friend\"},{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}");
    SurveyFormsTest.add(form, "{\"id\":\"Field_BestMoment\",\"key\":\"bestMoment\",\"label\":\"Your best"
        + " moment\",\"type\":\"textarea\",\"validate\":{\"maxLength\":300},"
        + "\"properties\":{\"respondents\":\"djangonauts\"}}");
    SurveyFormsTest.add(form, "{\"id\":\"Field_MentorAgain\",\"key\":\"mentorAgain\",\"label\":\"Would you"
        + " mentor again?\",\"type\":\"checkbox\",\"properties\":{\"respondents\":\"volunteers\"}}");
    return form;
  }

  /** The repository's mid-point check without "Is anything getting in the way?", with a sensitive question. */
  private static ObjectNode changedMidpoint() {
    ObjectNode form = SurveyFormsTest.without(SurveyFormsTest.form("midpoint-check"), "inTheWay");
    SurveyFormsTest.add(form, "{\"id\":\"Field_Sleep\",\"key\":\"sleepHours\",\"label\":\"Hours of sleep the"
        + " calls leave you\",\"type\":\"number\",\"validate\":{\"min\":0,\"max\":12}}");
    SurveyFormsTest.add(form, "{\"id\":\"Field_Private\",\"key\":\"privateNote\",\"label\":\"Anything only the"
        + " organisers should know?\",\"type\":\"textarea\",\"validate\":{\"maxLength\":500},"
        + "\"properties\":{\"sensitive\":\"true\"}}");
    return form;
  }

  private int deploy(String id, ObjectNode form) {
    deployments.add(repositoryService.createDeployment().name("organiser changes " + id)
        .addString("forms/" + id + ".form", form.toString()).deploy().getId());
    return forms.latest(id).orElseThrow().version();
  }

  /** A personal survey link of someone of the cohort. */
  private String surveyLink(Cohort cohort, Respondent kind, long referenceId, String name, String email) {
    String token = Tokens.newToken();
    invitations.save(new SurveyInvitation(cohort.getId(), kind, referenceId, name, email, Tokens.hash(token),
        Instant.now()));
    return "/survey/" + token;
  }

  private Team team(Cohort cohort) {
    Volunteer navigator = volunteers.save(new Volunteer(cohort.getId(), "Navigator Nadia", TestData.uniqueEmail(),
        VolunteerRole.NAVIGATOR, List.of("Django core"), WeeklyAvailability.of(List.of("MON-18")), 4, null,
        Instant.now()));
    return teams.save(new Team(cohort.getId(), "Team 1", "Django core", navigator.getId()));
  }

  /** A personal mid-point link of someone of the team. */
  private String midpointLink(Team team, Respondent kind, long referenceId, String name, String email) {
    String token = Tokens.newToken();
    checks.save(new MidpointCheck(team.getCohortId(), team.getId(), kind, referenceId, name, email,
        Tokens.hash(token), Instant.now()));
    return "/midpoint/" + token;
  }

  private static Map<String, List<String>> fields(String... keysAndValues) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], List.of(keysAndValues[i + 1]));
    }
    return fields;
  }

  @Test
  void shouldAskTheNewSurveyQuestionsInACohortCreatedAfterWhileAnOlderCohortKeepsItsForm() {
    Cohort older = testData.openCohort();
    Application olderDjangonaut = testData.apply(older);
    String olderLink = surveyLink(older, Respondent.DJANGONAUT, olderDjangonaut.getId(), "Ada Older",
        olderDjangonaut.getEmail());
    assertThat(new WebClient(port).get(olderLink).body()).contains("What should we improve?")
        .doesNotContain("Where did you hear of us?");

    deploy(SurveyForms.FEEDBACK_ID, changedSurvey());
    Cohort next = testData.openCohort();
    Application djangonaut = testData.apply(next);
    WebClient.Response page = new WebClient(port).get(surveyLink(next, Respondent.DJANGONAUT, djangonaut.getId(),
        "Ada Lovelace", djangonaut.getEmail()));
    WebClient.Response volunteerPage = new WebClient(port).get(surveyLink(next, Respondent.CAPTAIN, 7L,
        "Carla Captain", TestData.uniqueEmail()));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("What should we improve?").doesNotContain("id=\"toImprove\"")
        .contains("<option value=\"mastodon\">Mastodon</option>")
        .contains("<textarea id=\"bestMoment\" name=\"bestMoment\" maxlength=\"300\"")
        .contains("id=\"comfortCommunity1\"").doesNotContain("id=\"comfortMentoring\"")
        .doesNotContain("Would you mentor again?");
    assertThat(volunteerPage.body()).contains("Would you mentor again?").contains("id=\"comfortMentoring1\"")
        .doesNotContain("id=\"comfortCommunity\"").doesNotContain("Your best moment");
    assertThat(new WebClient(port).get(olderLink).body()).as("the older cohort keeps the form it started with")
        .contains("What should we improve?").doesNotContain("Where did you hear of us?");
  }

  @Test
  void shouldRefuseWrongSurveyAnswersWithTheirReasonsThenKeepTheAnswersByKeyForTheReport() throws Exception {
    deploy(SurveyForms.FEEDBACK_ID, changedSurvey());
    Cohort cohort = testData.openCohort();
    Application djangonaut = testData.apply(cohort);
    String link = surveyLink(cohort, Respondent.DJANGONAUT, djangonaut.getId(), "Ada Lovelace",
        djangonaut.getEmail());
    WebClient browser = new WebClient(port);

    WebClient.Response refused = browser.postForm(link, WebClient.form(browser.get(link), fields(
        "comfortContributing", "MORE", "heardFrom", "television", "bestMoment", HOSTILE)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("<a href=\"#comfortCommunity\">Tell us how comfortable you now feel engaging with the Django"
            + " community.</a>")
        .contains("<a href=\"#mayQuote\">Tell us whether we may quote you.</a>")
        .contains("<a href=\"#heardFrom\">Please choose one of the options shown.</a>")
        .contains("aria-describedby=\"heardFrom-error\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${x}]] *{name}</textarea>")
        .doesNotContain("<script>alert(1)");
    assertThat(invitations.findByEmail(djangonaut.getEmail()).get(0).isAnswered()).isFalse();

    WebClient.Response sent = browser.postForm(link, WebClient.form(browser.get(link), fields(
        "comfortContributing", "MORE", "comfortCommunity", "SAME", "mayQuote", "false", "heardFrom", "mastodon",
        "bestMoment", HOSTILE, "wentWell", "Pairing with Ada")));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    SurveyInvitation answered = invitations.findByEmail(djangonaut.getEmail()).get(0);
    assertThat(answered.getComfortCommunity()).isEqualTo(Comfort.SAME);
    JsonNode others = new ObjectMapper().readTree(answered.getOtherAnswers());
    assertThat(others.get("heardFrom").asText()).isEqualTo("mastodon");
    assertThat(others.get("bestMoment").asText()).isEqualTo(HOSTILE);
    assertThat(answered.getFormVersion()).isEqualTo(forms.latest(SurveyForms.FEEDBACK_ID).orElseThrow().version());

    String organiser = testData.organiser();
    String report = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + cohort.getSlug() + "/report").body();
    assertThat(report).contains("id=\"question-survey-heardFrom\"").contains("Where did you hear of us?")
        .contains("<th scope=\"row\">Mastodon</th><td>1</td>")
        .contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${x}]] *{name}</li>")
        .doesNotContain("<script>alert(1)");
    String csv = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + cohort.getSlug() + "/report.csv").body();
    assertThat(csv).contains("Feedback survey,Where did you hear of us?,Mastodon,1").doesNotContain("alert(1)");

    ProcessInstance process = runtimeService.createProcessInstanceByKey(CohortProcess.KEY)
        .businessKey(cohort.getSlug()).setVariable("cohortId", cohort.getId())
        .startBeforeActivity(CohortProcess.TASK_PUBLISH_REPORT).execute();
    taskService.complete(taskService.createTaskQuery().processInstanceId(process.getId()).singleResult().getId());
    String published = new WebClient(port).get("/cohorts/" + cohort.getSlug() + "/impact").body();
    assertThat(published).contains("<th scope=\"row\">Mastodon</th><td>1</td>")
        .as("free text is not published").doesNotContain("alert(1)").doesNotContain("Your best moment");
  }

  @Test
  void shouldDrawTheChangedMidpointCheckAndShowItsOtherAnswersToTheOrganiserOnly() {
    Cohort cohort = testData.openCohort();
    Team team = team(cohort);
    Application djangonaut = testData.apply(cohort);
    String older = midpointLink(team, Respondent.DJANGONAUT, djangonaut.getId(), "Ada Lovelace",
        djangonaut.getEmail());
    assertThat(new WebClient(port).get(older).body()).contains("Is anything getting in the way?");

    deploy(SurveyForms.MIDPOINT_ID, changedMidpoint());
    Cohort next = testData.openCohort();
    Team nextTeam = team(next);
    Application nextDjangonaut = testData.apply(next);
    String link = midpointLink(nextTeam, Respondent.DJANGONAUT, nextDjangonaut.getId(), "Grace Hopper",
        nextDjangonaut.getEmail());
    String navigatorLink = midpointLink(nextTeam, Respondent.NAVIGATOR, nextTeam.getNavigatorVolunteerId(),
        "Navigator Nadia", TestData.uniqueEmail());
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get(link);

    assertThat(page.body()).doesNotContain("Is anything getting in the way?").doesNotContain("id=\"inTheWay\"")
        .contains("<input type=\"number\" id=\"sleepHours\" name=\"sleepHours\" value=\"\"")
        .contains("min=\"0\" max=\"12\" step=\"any\"")
        .contains("engaging with the Django community");
    assertThat(new WebClient(port).get(navigatorLink).body()).as("the volunteer's label")
        .contains("in a mentoring or leadership role").doesNotContain("engaging with the Django community");
    assertThat(new WebClient(port).get(older).body()).contains("Is anything getting in the way?")
        .doesNotContain("Hours of sleep");

    WebClient.Response refused = browser.postForm(link, WebClient.form(page, fields("comfort", "SAME",
        "sleepHours", "20", "privateNote", HOSTILE)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<a href=\"#teamFeeling\">Tell us how your team is working for you.</a>")
        .contains("<a href=\"#sleepHours\">Please give at most 12.</a>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${x}]] *{name}</textarea>")
        .doesNotContain("<script>alert(1)");

    WebClient.Response sent = browser.postForm(link, WebClient.form(browser.get(link), fields("teamFeeling", "WELL",
        "comfort", "MORE", "sleepHours", "6", "privateNote", HOSTILE, "inTheWay", "not asked any more")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    MidpointCheck answered = checks.findByEmail(nextDjangonaut.getEmail()).get(0);
    assertThat(answered.getInTheWay()).as("a question the form no longer asks is not taken").isNull();
    assertThat(midpoint.concern(answered.getId()).concernAnswers())
        .contains("Hours of sleep the calls leave you:\n6").contains(HOSTILE);

    String organiser = testData.organiser();
    String report = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + next.getSlug() + "/report").body();
    assertThat(report).contains("id=\"question-midpoint-sleepHours\"").contains("Average: <span>6.0</span>")
        .contains("Anything only the organisers should know?").contains("sensitive: not published")
        .as("a sensitive text is not in the report").doesNotContain("alert(1)");
  }

  @Test
  void shouldEraseTheOtherAnswersWithTheirRow() {
    deploy(SurveyForms.FEEDBACK_ID, changedSurvey());
    deploy(SurveyForms.MIDPOINT_ID, changedMidpoint());
    Cohort cohort = testData.openCohort();
    Application djangonaut = testData.apply(cohort);
    String secret = TestData.unique("Zebedee");
    WebClient browser = new WebClient(port);
    String survey = surveyLink(cohort, Respondent.DJANGONAUT, djangonaut.getId(), djangonaut.getName(),
        djangonaut.getEmail());
    assertThat(browser.postForm(survey, WebClient.form(browser.get(survey), fields("comfortContributing", "MORE",
        "comfortCommunity", "MORE", "mayQuote", "true", "heardFrom", "friend", "bestMoment",
        "Meeting " + secret))).status()).isEqualTo(200);
    String check = midpointLink(team(cohort), Respondent.DJANGONAUT, djangonaut.getId(), djangonaut.getName(),
        djangonaut.getEmail());
    assertThat(browser.postForm(check, WebClient.form(browser.get(check), fields("teamFeeling", "WELL",
        "comfort", "MORE", "privateNote", secret + " is my neighbour"))).status()).isEqualTo(200);
    assertThat(personalData.export(djangonaut.getEmail()).toString()).contains("bestMoment=Meeting " + secret)
        .contains("privateNote=" + secret + " is my neighbour");
    assertThat(storedText.columnsHolding(secret)).containsExactlyInAnyOrder("survey_invitation.other_answers",
        "midpoint_check.other_answers");

    personalData.erase(djangonaut.getEmail());

    assertThat(storedText.columnsHolding(secret)).isEmpty();
    assertThat(invitations.findByCohortIdOrderById(cohort.getId()).get(0).getComfortCommunity())
        .as("the comfort answer stays, anonymous, for the report").isEqualTo(Comfort.MORE);
  }

  @Test
  void shouldRefuseASurveyOrMidpointFormWithoutAKeyTheReportReadsAndKeepTheDeployedOne() throws Exception {
    int survey = forms.latest(SurveyForms.FEEDBACK_ID).orElseThrow().version();
    int check = forms.latest(SurveyForms.MIDPOINT_ID).orElseThrow().version();
    String organiser = testData.organiser();
    WebClient modeler = new WebClient(port).basicAuth(organiser, organiser);

    WebClient.Response refused = modeler.postMultipart("/engine-rest/deployment/create", Map.of(
        "deployment-name", "mission-control", "deployment-source", "Camunda Modeler"), Map.of(
        "feedback-survey.form", SurveyFormsTest.without(changedSurvey(), "comfortCommunity").toString().getBytes()));
    WebClient.Response refusedCheck = modeler.postMultipart("/engine-rest/deployment/create", Map.of(
        "deployment-name", "mission-control", "deployment-source", "Camunda Modeler"), Map.of(
        "midpoint-check.form", SurveyFormsTest.without(changedMidpoint(), "wantsContact").toString().getBytes()));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("details").path("feedback-survey.form").path("errors").get(0).path("message").asText())
        .isEqualTo("The feedback survey must keep the question with key comfortCommunity (a radio): Mission"
            + " Control needs it.");
    assertThat(refusedCheck.status()).as(refusedCheck.body()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(refusedCheck.body()).path("details").path("midpoint-check.form")
        .path("errors").get(0).path("message").asText()).isEqualTo("The mid-point check must keep the question"
            + " with key wantsContact (a checkbox): Mission Control needs it.");
    assertThat(forms.latest(SurveyForms.FEEDBACK_ID).orElseThrow().version()).isEqualTo(survey);
    assertThat(forms.latest(SurveyForms.MIDPOINT_ID).orElseThrow().version()).isEqualTo(check);
  }
}
