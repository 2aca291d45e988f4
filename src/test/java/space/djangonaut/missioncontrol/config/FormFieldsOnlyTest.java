package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
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
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.mentorship.OneToOneRepository;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * Users write only what their form asks (issue 10, fault 1), tried as a hostile reviewer, Navigator and Captain
 * would: every variable their tasks can reach, through every door of {@code /engine-rest} and of Tasklist's API,
 * each refused with a 400 that names it, and afterwards the process exactly as it was (its variables, its tasks, no
 * review, check-in or one-to-one recorded). Their forms' own fields still go through, organisers may still set any
 * variable, and a variable an organiser changed no longer redirects the steps (they read the business key).
 *
 * <p>Each door tried is printed with its answer ("door: ... -> 400"), for the issue's closing note.
 */
@IntegrationTest
class FormFieldsOnlyTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");
  private static final String ENGINE_REST = "/engine-rest";
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  /** Every variable a reviewer's, Navigator's or Captain's task can reach, and one nobody declared. */
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    VARIABLES.put("applicationId", "{\"value\":999999,\"type\":\"Long\"}");
    VARIABLES.put("cohortId", "{\"value\":999999,\"type\":\"Long\"}");
    VARIABLES.put("teamId", "{\"value\":999999,\"type\":\"Long\"}");
    VARIABLES.put("djangonautId", "{\"value\":999999,\"type\":\"Long\"}");
    VARIABLES.put("week", "{\"value\":7,\"type\":\"Long\"}");
    VARIABLES.put("reviewersDisagree", "{\"value\":true,\"type\":\"Boolean\"}");
    VARIABLES.put("outcome", "{\"value\":\"accepted\",\"type\":\"String\"}");
    VARIABLES.put("offerDeadline", "{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}");
    VARIABLES.put("offerReminderAt", "{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}");
    VARIABLES.put("allReviewed", "{\"value\":true,\"type\":\"Boolean\"}");
    VARIABLES.put("somethingUnheardOf", "{\"value\":\"x\",\"type\":\"String\"}");
  }

  /** The fields of each form, filled in as Tasklist submits them. */
  private static final String REVIEW_FORM = "\"scoreMotivation\":{\"value\":4},\"scoreExperience\":{\"value\":3},"
      + "\"scoreAvailability\":{\"value\":4},\"scoreCommunity\":{\"value\":5},"
      + "\"recommendation\":{\"value\":\"accept\"},\"reviewComment\":{\"value\":\"Clear motivation\"}";
  private static final String CHECK_IN_FORM = "\"checkInHeld\":{\"value\":true},"
      + "\"djangonautsAttended\":{\"value\":1},"
      + "\"attendees\":{\"value\":\"Ada\"},\"contributions\":{\"value\":\"#35123 progressed\"},"
      + "\"prReviewComments\":{\"value\":0},\"presentations\":{\"value\":0},\"blockers\":{\"value\":\"none\"}";
  private static final String ONE_TO_ONE_FORM =
      "\"oneToOneHeld\":{\"value\":true},\"oneToOneNotes\":{\"value\":\"Doing well\"}";

  private static final String FORM_ONLY = "You may only submit the fields of this task's form; not: ";
  private static final String ORGANISERS_ONLY = "Only organisers may set process variables here; not: ";

  /** A request dressed up to slip past the guard, the status it must get and a part of the answer's body. */
  private record Disguise(WebClient client, String path, String contentType, byte[] body, int status,
      String answer) {}

  /** A way to write a variable on a task. */
  private record Door(String name, Attempt attempt) {}

  @FunctionalInterface
  private interface Attempt {
    WebClient.Response send(WebClient client, String api, String taskId, String form, String variable, String value);
  }

  private static final List<Door> TASK_DOORS = List.of(
      new Door("POST task/{id}/submit-form", (client, api, task, form, variable, value) -> client.postJson(
          api + "/task/" + task + "/submit-form", "{\"variables\":{" + form + ",\"" + variable + "\":" + value + "}}")),
      new Door("POST task/{id}/complete", (client, api, task, form, variable, value) -> client.postJson(
          api + "/task/" + task + "/complete", "{\"variables\":{" + form + ",\"" + variable + "\":" + value + "}}")),
      new Door("POST task/{id}/resolve", (client, api, task, form, variable, value) -> client.postJson(
          api + "/task/" + task + "/resolve", "{\"variables\":{" + form + ",\"" + variable + "\":" + value + "}}")),
      new Door("PUT task/{id}/variables/{name}", (client, api, task, form, variable, value) -> client.putJson(
          api + "/task/" + task + "/variables/" + variable, value)),
      new Door("POST task/{id}/variables (modifications)", (client, api, task, form, variable, value) ->
          client.postJson(api + "/task/" + task + "/variables",
              "{\"modifications\":{\"" + variable + "\":" + value + "}}")),
      new Door("POST task/{id}/variables (deletions)", (client, api, task, form, variable, value) ->
          client.postJson(api + "/task/" + task + "/variables", "{\"deletions\":[\"" + variable + "\"]}")),
      new Door("DELETE task/{id}/variables/{name}", (client, api, task, form, variable, value) -> client.delete(
          api + "/task/" + task + "/variables/" + variable)),
      new Door("POST task/{id}/variables/{name}/data (multipart)", (client, api, task, form, variable, value) ->
          client.postMultipart(api + "/task/" + task + "/variables/" + variable + "/data",
              Map.of("valueType", "Bytes"), Map.of("data", "999999".getBytes(StandardCharsets.UTF_8)))),
      new Door("PUT task/{id}/localVariables/{name}", (client, api, task, form, variable, value) -> client.putJson(
          api + "/task/" + task + "/localVariables/" + variable, value)),
      new Door("POST task/{id}/localVariables (modifications)", (client, api, task, form, variable, value) ->
          client.postJson(api + "/task/" + task + "/localVariables",
              "{\"modifications\":{\"" + variable + "\":" + value + "}}")),
      new Door("DELETE task/{id}/localVariables/{name}", (client, api, task, form, variable, value) ->
          client.delete(api + "/task/" + task + "/localVariables/" + variable)),
      new Door("POST task/{id}/bpmnError", (client, api, task, form, variable, value) -> client.postJson(
          api + "/task/" + task + "/bpmnError",
          "{\"errorCode\":\"Error_Repointed\",\"variables\":{\"" + variable + "\":" + value + "}}")),
      new Door("POST task/{id}/bpmnEscalation", (client, api, task, form, variable, value) -> client.postJson(
          api + "/task/" + task + "/bpmnEscalation",
          "{\"escalationCode\":\"Escalation_Repointed\",\"variables\":{\"" + variable + "\":" + value + "}}")));

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReviewRepository reviews;
  @Autowired CheckInRepository checkIns;
  @Autowired OneToOneRepository oneToOnes;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** An application's first review, claimed through the engine's REST API by one of its cohort's reviewers. */
  private record ClaimedReview(Cohort cohort, Application application, ProcessInstance process, String reviewer,
      Task task, WebClient rest) {}

  private ClaimedReview claimedReview() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    String reviewer = testData.reviewerOf(cohort);
    Task task = reviewTask(process);
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);
    assertThat(rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/claim", claim(reviewer)).status())
        .isEqualTo(204);
    return new ClaimedReview(cohort, application, process, reviewer, task, rest);
  }

  /** The instance the issue names: a review of application 13 that re-points its process to application 14. */
  @Test
  void shouldRefuseAReviewThatRepointsItsProcessToAnotherApplication() {
    ClaimedReview claimed = claimedReview();
    Application application = claimed.application();
    Application other = testData.apply(claimed.cohort());
    ProcessInstance process = claimed.process();
    Task task = claimed.task();
    WebClient rest = claimed.rest();
    String before = state(process.getId());

    WebClient.Response submitted = rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{" + REVIEW_FORM + ",\"applicationId\":{\"value\":" + other.getId() + ",\"type\":\"Long\"}}}");

    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.body()).contains("\"type\":\"InvalidRequestException\"")
        .contains(FORM_ONLY + "applicationId");
    assertThat(runtimeService.getVariable(process.getId(), "applicationId")).isEqualTo(application.getId());
    assertThat(state(process.getId())).isEqualTo(before);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(other.getId())).isEmpty();
  }

  /**
   * Issue 14's review: what the review form shows read-only (the applicant's answers, TaskForms.show) keeps no
   * history, and a reviewer who claims the task in the zone it was drawn in reads it as it is. A reviewer who wrote
   * one of those fields through the variable endpoints (form-js submits them, so they are fields of the form) could
   * change what the next reviewer reads, and no history showed it. Only a submission may carry them now.
   */
  @Test
  void shouldRefuseAReviewerWritingWhatTheReviewFormShowsReadOnlyExceptInASubmission() {
    ClaimedReview claimed = claimedReview();
    Application application = claimed.application();
    String reviewer = claimed.reviewer();
    Task task = claimed.task();
    WebClient rest = claimed.rest();
    Object shown = taskService.getVariableLocal(task.getId(), "applicantMotivation");
    String tampered = "{\"value\":\"Nothing to say\",\"type\":\"String\"}";
    SoftAssertions softly = new SoftAssertions();

    for (WebClient.Response answer : List.of(
        rest.putJson(ENGINE_REST + "/task/" + task.getId() + "/localVariables/applicantMotivation", tampered),
        rest.putJson(ENGINE_REST + "/task/" + task.getId() + "/variables/applicantMotivation", tampered),
        rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/localVariables",
            "{\"modifications\":{\"applicantMotivation\":" + tampered + "}}"),
        tasklist(reviewer).putJson(TASKLIST_API + "/task/" + task.getId() + "/localVariables/applicantMotivation",
            tampered))) {
      softly.assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      softly.assertThat(answer.body()).contains("applicantMotivation");
    }
    softly.assertAll();
    assertThat(taskService.getVariableLocal(task.getId(), "applicantMotivation")).isEqualTo(shown);
    // Tasklist's submission carries the read-only fields along, as form-js sends them: it goes through.
    assertThat(rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{" + REVIEW_FORM + ",\"applicantMotivation\":" + tampered + "}}").status()).isEqualTo(204);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).hasSize(1);
  }

  @Test
  void shouldRefuseAReviewerEveryVariableBeyondTheReviewFormThroughEveryDoorOfBothApis() {
    ClaimedReview claimed = claimedReview();
    Application application = claimed.application();
    ProcessInstance process = claimed.process();
    String reviewer = claimed.reviewer();
    Task task = claimed.task();
    WebClient rest = claimed.rest();
    WebClient tasklist = tasklist(reviewer);
    String before = state(process.getId());
    SoftAssertions softly = new SoftAssertions();

    tryEveryDoor(softly, "reviewer", rest, ENGINE_REST, task.getId(), REVIEW_FORM);
    tryEveryDoor(softly, "reviewer", tasklist, TASKLIST_API, task.getId(), REVIEW_FORM);

    softly.assertAll();
    assertThat(state(process.getId())).isEqualTo(before);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
  }

  @Test
  void shouldRefuseAReviewerThatDisguisesTheRequestAndChangeNothing() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    String reviewer = testData.reviewerOf(cohort);
    String id = reviewTask(process).getId();
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);
    assertThat(rest.postJson(ENGINE_REST + "/task/" + id + "/claim", claim(reviewer)).status()).isEqualTo(204);
    String before = state(process.getId());
    String json = "{\"variables\":{" + REVIEW_FORM + ",\"applicationId\":{\"value\":999999,\"type\":\"Long\"}}}";
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    SoftAssertions softly = new SoftAssertions();

    WebClient tasklist = tasklist(reviewer);
    // This guard answers 400 naming the field. Before it, Spring Security's firewall refuses doubled slashes, matrix
    // parameters and dot segments, Tomcat an encoded slash, Camunda's authentication an engine name it does not know
    // (404), and after it Jersey a multipart body on a JSON endpoint (415).
    String guard = FORM_ONLY + "applicationId";
    String firewall = "\"error\":\"Bad Request\"";
    List<Disguise> disguises = List.of(
        new Disguise(rest, "/engine-rest/engine/default/task/" + id + "/submit-form", "application/json", utf8, 400,
            guard),
        new Disguise(rest, "/engine-rest/engine/DEFAULT/task/" + id + "/submit-form", "application/json", utf8, 404,
            "Process engine DEFAULT not available"),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form/", "application/json", utf8, 400, guard),
        new Disguise(rest, "/engine-rest//task//" + id + "//submit-form", "application/json", utf8, 400, firewall),
        new Disguise(rest, "/engine-rest/task;x=1/" + id + ";y=2/submit-form", "application/json", utf8, 400,
            firewall),
        new Disguise(rest, "/engine-rest/task/other/../" + id + "/./submit-form", "application/json", utf8, 400,
            firewall),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit%2Dform", "application/json", utf8, 400, guard),
        new Disguise(rest, "/engine-rest/%74ask/" + id + "/submit-form", "application/json", utf8, 400, guard),
        new Disguise(rest, "/engine-rest/TASK/" + id + "/SUBMIT-FORM", "application/json", utf8, 400, guard),
        new Disguise(rest, "/engine-rest/task%2F" + id + "/submit-form", "application/json", utf8, 400,
            "HTTP Status 400"),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", null, utf8, 400, guard),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", "text/plain", utf8, 400, guard),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", "application/json; charset=UTF-16",
            json.getBytes(StandardCharsets.UTF_16), 400, guard),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", "multipart/form-data; boundary=x", utf8, 415,
            "HTTP 415 Unsupported Media Type"),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", "application/json",
            ("{\"variables\":{" + REVIEW_FORM + "},\"variables\":{\"applicationId\":{\"value\":9}}}")
                .getBytes(StandardCharsets.UTF_8), 400, "Duplicate field 'variables'"),
        new Disguise(rest, "/engine-rest/task/" + id + "/submit-form", "application/json",
            "{\"Variables\":{\"applic\\u0061tionId\":{\"value\":9,\"type\":\"Long\"}}}"
                .getBytes(StandardCharsets.UTF_8), 400, guard),
        new Disguise(tasklist, "/camunda/api/engine/engine/DEFAULT/task/" + id + "/submit-form", "application/json",
            utf8, 400, guard),
        new Disguise(tasklist, "/camunda/api/engine/engine/default/task/" + id + "/submit-form/", null, utf8, 400,
            guard));
    WebClient overriding = new WebClient(port).basicAuth(reviewer, reviewer).header("X-HTTP-Method-Override", "POST");
    for (Disguise disguise : disguises) {
      WebClient.Response answer = disguise.client().send("POST", disguise.path(), disguise.contentType(),
          disguise.body());
      String door = "reviewer POST " + disguise.path() + " (" + disguise.contentType() + ")";
      System.out.println("door: " + door + " applicationId -> " + answer.status() + " "
          + answer.body().substring(0, Math.min(120, answer.body().length())).replace('\n', ' '));
      softly.assertThat(answer.status()).as(door).isEqualTo(disguise.status());
      softly.assertThat(answer.body()).as(door).contains(disguise.answer());
    }
    WebClient.Response overridden = overriding.send("GET", "/engine-rest/task/" + id + "/submit-form",
        "application/json", utf8);
    System.out.println("door: reviewer GET (X-HTTP-Method-Override: POST) /engine-rest/task/{id}/submit-form"
        + " applicationId -> " + overridden.status());
    softly.assertThat(overridden.status()).isEqualTo(400);
    softly.assertThat(overridden.body()).contains(guard);

    softly.assertAll();
    assertThat(state(process.getId())).isEqualTo(before);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
  }

  @Test
  void shouldRefuseNonOrganisersAnyVariableOnExecutionsProcessInstancesMessagesSignalsModificationsAndStarts() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    String reviewer = testData.reviewerOf(cohort);
    Task task = reviewTask(process);
    String pid = process.getId();
    String eid = task.getExecutionId();
    long instances = runtimeService.createProcessInstanceQuery().count();
    String before = state(pid);
    SoftAssertions softly = new SoftAssertions();
    List<Door> doors = List.of(
        new Door("PUT process-instance/{id}/variables/{name}", (client, api, t, form, variable, value) ->
            client.putJson(api + "/process-instance/" + pid + "/variables/" + variable, value)),
        new Door("POST process-instance/{id}/variables (modifications)", (client, api, t, form, variable, value) ->
            client.postJson(api + "/process-instance/" + pid + "/variables",
                "{\"modifications\":{\"" + variable + "\":" + value + "}}")),
        new Door("DELETE process-instance/{id}/variables/{name}", (client, api, t, form, variable, value) ->
            client.delete(api + "/process-instance/" + pid + "/variables/" + variable)),
        new Door("PUT execution/{id}/localVariables/{name}", (client, api, t, form, variable, value) ->
            client.putJson(api + "/execution/" + eid + "/localVariables/" + variable, value)),
        new Door("POST execution/{id}/localVariables (modifications)", (client, api, t, form, variable, value) ->
            client.postJson(api + "/execution/" + eid + "/localVariables",
                "{\"modifications\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST execution/{id}/signal", (client, api, t, form, variable, value) ->
            client.postJson(api + "/execution/" + eid + "/signal",
                "{\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST execution/{id}/messageSubscriptions/{message}/trigger", (client, api, t, form, variable,
            value) -> client.postJson(api + "/execution/" + eid + "/messageSubscriptions/"
                + ApplicationProcess.MESSAGE_SELECTION_DECIDED + "/trigger",
                "{\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST message (processVariables)", (client, api, t, form, variable, value) ->
            client.postJson(api + "/message", "{\"messageName\":\"" + ApplicationProcess.MESSAGE_SELECTION_DECIDED
                + "\",\"businessKey\":\"" + application.getId() + "\",\"processVariables\":{\"" + variable + "\":"
                + value + "}}")),
        new Door("POST message (processVariablesLocal)", (client, api, t, form, variable, value) ->
            client.postJson(api + "/message", "{\"messageName\":\"" + ApplicationProcess.MESSAGE_SELECTION_DECIDED
                + "\",\"businessKey\":\"" + application.getId() + "\",\"processVariablesLocal\":{\"" + variable
                + "\":" + value + "}}")),
        new Door("POST signal", (client, api, t, form, variable, value) -> client.postJson(api + "/signal",
            "{\"name\":\"Anything\",\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST process-instance/{id}/modification", (client, api, t, form, variable, value) ->
            client.postJson(api + "/process-instance/" + pid + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
                    + ApplicationProcess.TASK_AGGREGATE_SCORES + "\",\"variables\":{\"" + variable + "\":" + value
                    + "}}]}")),
        new Door("POST process-instance/variables-async", (client, api, t, form, variable, value) ->
            client.postJson(api + "/process-instance/variables-async",
                "{\"processInstanceIds\":[\"" + pid + "\"],\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST process-definition/key/{key}/start", (client, api, t, form, variable, value) ->
            client.postJson(api + "/process-definition/key/" + ApplicationProcess.KEY + "/start",
                "{\"businessKey\":\"forged\",\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST process-definition/key/{key}/submit-form", (client, api, t, form, variable, value) ->
            client.postJson(api + "/process-definition/key/" + ApplicationProcess.KEY + "/submit-form",
                "{\"businessKey\":\"forged\",\"variables\":{\"" + variable + "\":" + value + "}}")),
        new Door("POST condition", (client, api, t, form, variable, value) -> client.postJson(api + "/condition",
            "{\"variables\":{\"" + variable + "\":" + value + "}}")));
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);
    WebClient tasklist = tasklist(reviewer);

    for (var client : Map.of(ENGINE_REST, rest, TASKLIST_API, tasklist).entrySet()) {
      for (Door door : doors) {
        for (var variable : VARIABLES.entrySet()) {
          WebClient.Response answer = door.attempt().send(client.getValue(), client.getKey(), task.getId(), "",
              variable.getKey(), variable.getValue());
          String name = "reviewer " + client.getKey() + " " + door.name() + " " + variable.getKey();
          System.out.println("door: " + name + " -> " + answer.status());
          softly.assertThat(answer.status()).as(name).isEqualTo(400);
          softly.assertThat(answer.body()).as(name).contains(ORGANISERS_ONLY + variable.getKey());
        }
      }
    }

    softly.assertAll();
    assertThat(state(pid)).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void shouldRefuseANavigatorEveryVariableBeyondTheCheckInFormAndTheStepsTheCohortTheyDidNotRun() {
    CohortDriver.Run run = startedCohort();
    Task checkIn = driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN).get(0);
    String navigator = checkIn.getAssignee();
    WebClient rest = new WebClient(port).basicAuth(navigator, navigator);
    String before = state(run.process().getId());
    long recorded = checkIns.count();
    SoftAssertions softly = new SoftAssertions();

    tryEveryDoor(softly, "navigator", rest, ENGINE_REST, checkIn.getId(), CHECK_IN_FORM);
    tryEveryDoor(softly, "navigator", tasklist(navigator), TASKLIST_API, checkIn.getId(), CHECK_IN_FORM);

    softly.assertAll();
    assertThat(state(run.process().getId())).isEqualTo(before);
    assertThat(checkIns.count()).isEqualTo(recorded);

    // Second line: an organiser re-points the team process's teamId; the check-in is refused and nothing recorded
    // until it is back (the team steps read the team from the business key).
    String organiser = testData.organiser();
    WebClient asOrganiser = new WebClient(port).basicAuth(organiser, organiser);
    Object ownTeam = runtimeService.getVariable(checkIn.getProcessInstanceId(), "teamId");
    String teamId = ENGINE_REST + "/process-instance/" + checkIn.getProcessInstanceId() + "/variables/teamId";
    assertThat(asOrganiser.putJson(teamId, "{\"value\":999999,\"type\":\"Long\"}").status()).isEqualTo(204);
    String form = "{\"variables\":{" + CHECK_IN_FORM + "}}";
    WebClient.Response redirected = rest.postJson(ENGINE_REST + "/task/" + checkIn.getId() + "/submit-form", form);
    assertThat(redirected.status()).isGreaterThanOrEqualTo(400);
    assertThat(redirected.body()).contains("teamId");
    assertThat(checkIns.count()).isEqualTo(recorded);
    assertThat(asOrganiser.putJson(teamId, "{\"value\":" + ownTeam + ",\"type\":\"Long\"}").status())
        .isEqualTo(204);

    // The form's own fields go through.
    assertThat(rest.postJson(ENGINE_REST + "/task/" + checkIn.getId() + "/submit-form", form).status())
        .isEqualTo(204);
    assertThat(checkIns.findByCohortIdOrderByWeekAscTeamIdAsc(run.cohortId())).singleElement()
        .satisfies(recordedCheckIn -> assertThat(recordedCheckIn.getNavigator()).isEqualTo(navigator));
  }

  @Test
  void shouldRefuseACaptainEveryVariableBeyondTheOneToOneForm() {
    CohortDriver.Run run = startedCohort();
    for (Task checkIn : driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)) {
      taskService.complete(checkIn.getId(), Map.of("checkInHeld", true));
    }
    driver.drive(run);
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7)).plusSeconds(30)));
    driver.drive(run);
    Task oneToOne = driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE).get(0);
    String captain = oneToOne.getAssignee();
    WebClient rest = new WebClient(port).basicAuth(captain, captain);
    String before = state(run.process().getId());
    SoftAssertions softly = new SoftAssertions();

    tryEveryDoor(softly, "captain", rest, ENGINE_REST, oneToOne.getId(), ONE_TO_ONE_FORM);
    tryEveryDoor(softly, "captain", tasklist(captain), TASKLIST_API, oneToOne.getId(), ONE_TO_ONE_FORM);

    softly.assertAll();
    assertThat(state(run.process().getId())).isEqualTo(before);
    assertThat(oneToOnes.findByCohortIdOrderByWeekAscApplicationIdAsc(run.cohortId())).isEmpty();
    assertThat(rest.postJson(ENGINE_REST + "/task/" + oneToOne.getId() + "/submit-form",
        "{\"variables\":{" + ONE_TO_ONE_FORM + "}}").status()).isEqualTo(204);
    assertThat(oneToOnes.findByCohortIdOrderByWeekAscApplicationIdAsc(run.cohortId())).hasSize(1);
  }

  @Test
  void shouldAcceptTheReviewFormsOwnFieldsThroughTasklistsApi() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    String reviewer = testData.reviewerOf(cohort);
    Task task = reviewTask(process);
    WebClient tasklist = tasklist(reviewer);
    assertThat(tasklist.postJson(TASKLIST_API + "/task/" + task.getId() + "/claim", claim(reviewer)).status())
        .isEqualTo(204);

    // As form-js submits: every key of the form, the read-only answers included.
    WebClient.Response submitted = tasklist.postJson(TASKLIST_API + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{" + REVIEW_FORM + ",\"applicantName\":{\"value\":\"" + application.getName() + "\"}}}");

    assertThat(submitted.status()).isEqualTo(204);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).singleElement()
        .satisfies(review -> assertThat(review.getReviewer()).isEqualTo(reviewer));
    assertThat(runtimeService.getVariable(process.getId(), "applicationId")).isEqualTo(application.getId());
  }

  @Test
  void shouldLetAnOrganiserSetAnyVariableThroughBothApis() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    Task task = reviewTask(process);
    String organiser = testData.organiser();
    WebClient rest = new WebClient(port).basicAuth(organiser, organiser);

    assertThat(rest.putJson(ENGINE_REST + "/task/" + task.getId() + "/variables/reviewersDisagree",
        "{\"value\":true,\"type\":\"Boolean\"}").status()).isEqualTo(204);
    assertThat(tasklist(organiser).putJson(TASKLIST_API + "/process-instance/" + process.getId()
        + "/variables/outcome", "{\"value\":\"waitlisted\",\"type\":\"String\"}").status()).isEqualTo(204);

    assertThat(runtimeService.getVariable(process.getId(), "reviewersDisagree")).isEqualTo(true);
    assertThat(runtimeService.getVariable(process.getId(), "outcome")).isEqualTo("waitlisted");
  }

  /** Second line: the steps act on the business key's application, whatever the variable says. */
  @Test
  void shouldRefuseAReviewWhenTheApplicationIdNoLongerMatchesTheBusinessKey() {
    ClaimedReview claimed = claimedReview();
    Application application = claimed.application();
    Application other = testData.apply(claimed.cohort());
    ProcessInstance process = claimed.process();
    Task task = claimed.task();
    WebClient rest = claimed.rest();
    String organiser = testData.organiser();
    assertThat(new WebClient(port).basicAuth(organiser, organiser).putJson(ENGINE_REST + "/process-instance/"
        + process.getId() + "/variables/applicationId", "{\"value\":" + other.getId() + ",\"type\":\"Long\"}")
        .status()).isEqualTo(204);

    WebClient.Response submitted = rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{" + REVIEW_FORM + "}}");

    assertThat(submitted.status()).isGreaterThanOrEqualTo(400);
    assertThat(submitted.body()).contains("applicationId");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(other.getId())).isEmpty();
  }

  // --- fixtures

  /** Tries every variable through every task door; each must be a 400 naming it. */
  private void tryEveryDoor(SoftAssertions softly, String role, WebClient client, String api, String taskId,
      String form) {
    for (Door door : TASK_DOORS) {
      for (var variable : VARIABLES.entrySet()) {
        WebClient.Response answer = door.attempt().send(client, api, taskId, form, variable.getKey(),
            variable.getValue());
        String name = role + " " + api + " " + door.name() + " " + variable.getKey();
        System.out.println("door: " + name + " -> " + answer.status());
        softly.assertThat(answer.status()).as(name).isEqualTo(400);
        softly.assertThat(answer.body()).as(name).contains(FORM_ONLY + variable.getKey());
      }
    }
  }

  /**
   * Everything a hostile request could change: the variables (with their scope) and the open tasks with their
   * assignees.
   */
  private String state(String processInstanceId) {
    String variables = runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .disableCustomObjectDeserialization().list().stream()
        .map(v -> v.getName() + "@" + v.getExecutionId() + "/" + v.getTaskId() + "=" + v.getValue())
        .sorted().collect(Collectors.joining("\n"));
    String tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee())
        .sorted().collect(Collectors.joining("\n"));
    return variables + "\n--\n" + tasks;
  }

  /** A cohort of two weeks with one team (three Djangonauts, a Navigator, a Captain), started, teams confirmed. */
  private CohortDriver.Run startedCohort() {
    CohortDriver.Run run = driver.open(3, 2);
    driver.apply(run, 3).forEach(application -> driver.review(application, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer navigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    assertThat(List.of(navigator.getUserId(), captain.getUserId())).doesNotContainNull();
    driver.startCohort(run);
    driver.confirmTeams(run);
    return run;
  }

  /** A session of Tasklist (its login and CSRF token), as the browser has it. */
  private WebClient tasklist(String user) {
    WebClient tasklist = new WebClient(port);
    tasklist.get("/camunda/app/tasklist/");
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    assertThat(tasklist.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", List.of(user), "password", List.of(user))).status()).isEqualTo(200);
    // The login starts a new session, whose token the next request brings.
    tasklist.get(TASKLIST_API + "/filter");
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    return tasklist;
  }

  private Task reviewTask(ProcessInstance process) {
    return taskService.createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list().get(0);
  }

  private ProcessInstance process(Application application) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
  }

  private static String claim(String user) {
    return "{\"userId\":\"" + user + "\"}";
  }
}
