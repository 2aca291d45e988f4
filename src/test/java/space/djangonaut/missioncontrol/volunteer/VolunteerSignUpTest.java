package space.djangonaut.missioncontrol.volunteer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.privacy.PersonalDataService;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** Navigators and Captains sign up on the public form, an organiser approves them in Tasklist, they get accounts. */
@IntegrationTest
class VolunteerSignUpTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired TestData testData;
  @Autowired VolunteerRepository volunteers;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired OutboxEmailRepository outbox;
  @Autowired PersonalDataService personalData;
  @Autowired ManagementService managementService;
  @Autowired VolunteerService volunteerService;

  private Cohort cohort;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
    cohort = testData.openCohort();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldGiveAnApprovedNavigatorAnAccountWhosePasswordTheyChooseOnce() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = signUp(email, "NAVIGATOR");
    ProcessInstance process = process(volunteer);
    assertThat(process).isWaitingAt(VolunteerProcess.TASK_APPROVE_VOLUNTEER);
    Assertions.assertThat(taskService().getVariable(task(process).getId(), "volunteerProjects"))
        .isEqualTo("Django core, Django REST framework");

    decide(process, "approve");
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));

    assertThat(process).isWaitingAt(VolunteerProcess.GATEWAY_SIGN_IN_OR_REMINDER);
    Volunteer approved = volunteers.findById(volunteer.getId()).orElseThrow();
    Assertions.assertThat(approved.getStatus()).isEqualTo(VolunteerStatus.APPROVED);
    Assertions.assertThat(identityService.createUserQuery().userId(approved.getUserId())
        .memberOfGroup("navigators").count()).isEqualTo(1);

    String token = Mailbox.newestToken(email, "volunteers/password");
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/volunteers/password/" + token);
    Assertions.assertThat(page.body()).contains(approved.getUserId());
    WebClient.Response tooShort = browser.postForm("/volunteers/password/" + token,
        WebClient.form(page, Map.of("password", List.of("short"), "confirmation", List.of("short"))));
    Assertions.assertThat(tooShort.status()).isEqualTo(400);
    WebClient.Response set = browser.postForm("/volunteers/password/" + token, WebClient.form(page,
        Map.of("password", List.of("a long enough secret"), "confirmation", List.of("a long enough secret"))));
    Assertions.assertThat(set.status()).isEqualTo(200);
    Assertions.assertThat(identityService.checkPassword(approved.getUserId(), "a long enough secret")).isTrue();
    assertThat(process).isEnded().hasPassed(VolunteerProcess.EVENT_PASSWORD_CHOSEN, VolunteerProcess.END_EVENT_APPROVED)
        .hasNotPassed(VolunteerProcess.TASK_REMIND_TO_SIGN_IN);
    Assertions.assertThat(browser.get("/volunteers/password/" + token).status()).isEqualTo(410);
    Assertions.assertThat(browser.get("/volunteers/password/not-a-token").status()).isEqualTo(410);
  }

  @Test
  void shouldRemindAnApprovedVolunteerWhoNeverChoseTheirPasswordThreeDaysLaterWithAFreshLink() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = signUp(email, "CAPTAIN");
    ProcessInstance process = process(volunteer);
    decide(process, "approve");
    Instant welcomed = ClockUtil.getCurrentTime().toInstant();
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));
    String welcomeToken = Mailbox.newestToken(email, "volunteers/password");

    ClockUtil.setCurrentTime(Date.from(welcomed.plus(Duration.ofDays(3)).minusSeconds(60)));
    Assertions.assertThat(managementService.createJobQuery().processInstanceId(process.getId()).timers()
        .executable().count()).as("not yet three days").isZero();
    ClockUtil.setCurrentTime(Date.from(welcomed.plus(Duration.ofDays(3)).plusSeconds(60)));
    execute(managementService.createJobQuery().processInstanceId(process.getId()).timers().executable()
        .singleResult());
    execute(job(VolunteerProcess.TASK_REMIND_TO_SIGN_IN, process));

    assertThat(process).isEnded().hasPassed(VolunteerProcess.END_EVENT_REMINDED)
        .hasNotPassed(VolunteerProcess.END_EVENT_APPROVED);
    Assertions.assertThat(outbox.findByRecipientOrderById(email)).extracting(OutboxEmail::getTemplate)
        .containsExactly(MailTemplate.VOLUNTEER_WELCOME, MailTemplate.VOLUNTEER_SIGN_IN_REMINDER);
    String freshToken = Mailbox.newestToken(email, "volunteers/password");
    Assertions.assertThat(freshToken).isNotEqualTo(welcomeToken);
    String userId = volunteers.findById(volunteer.getId()).orElseThrow().getUserId();
    Assertions.assertThat(Mailbox.text(Mailbox.messagesTo(email).get(1))).contains("Your user name is " + userId);
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/volunteers/password/" + freshToken);
    Assertions.assertThat(page.status()).isEqualTo(200);
    Assertions.assertThat(browser.postForm("/volunteers/password/" + freshToken, WebClient.form(page,
        Map.of("password", List.of("a long enough secret"), "confirmation", List.of("a long enough secret"))))
        .status()).isEqualTo(200);
    Assertions.assertThat(identityService.checkPassword(userId, "a long enough secret")).isTrue();
  }

  @Test
  void shouldLetAnOrganiserSendANewPasswordLink() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = welcomed(email, "NAVIGATOR");
    String welcomeToken = Mailbox.newestToken(email, "volunteers/password");

    String organiser = testData.organiser();
    WebClient.Response sent = new WebClient(port).basicAuth(organiser, organiser)
        .postJson("/api/volunteers/" + volunteer.getId() + "/password-link", "");

    Assertions.assertThat(sent.status()).isEqualTo(202);
    Assertions.assertThat(outbox.findByRecipientOrderById(email)).extracting(OutboxEmail::getTemplate)
        .containsExactly(MailTemplate.VOLUNTEER_WELCOME, MailTemplate.VOLUNTEER_SIGN_IN_REMINDER);
    String newToken = Mailbox.newestToken(email, "volunteers/password");
    Assertions.assertThat(newToken).isNotEqualTo(welcomeToken);
    // Only the newest link works; once the password is chosen, none does.
    WebClient browser = new WebClient(port);
    Assertions.assertThat(browser.get("/volunteers/password/" + welcomeToken).status()).isEqualTo(410);
    Assertions.assertThat(browser.get("/volunteers/password/" + newToken).status()).isEqualTo(200);
    volunteerService.choosePassword(newToken, "a long enough password");
    Assertions.assertThat(browser.get("/volunteers/password/" + newToken).status()).isEqualTo(410);
  }

  @Test
  void shouldLetAnOrganiserSendANewPasswordLinkFromTheCohortsVolunteersPageAndTellWhomToAskOnADeadLink() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = welcomed(email, "CAPTAIN");
    String welcomeToken = Mailbox.newestToken(email, "volunteers/password");
    String organiser = testData.organiser();
    WebClient browser = new WebClient(port);
    browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(organiser), "password", List.of(organiser))));

    Assertions.assertThat(browser.get("/organiser/cohorts/" + cohort.getSlug()).body())
        .contains("/organiser/cohorts/" + cohort.getSlug() + "/volunteers");
    WebClient.Response list = browser.get("/organiser/cohorts/" + cohort.getSlug() + "/volunteers");
    Assertions.assertThat(list.status()).isEqualTo(200);
    Assertions.assertThat(list.body()).contains(email, "not chosen yet", "Send a new password link");
    WebClient.Response sent = browser.postForm("/organiser/cohorts/" + cohort.getSlug() + "/volunteers/"
        + volunteer.getId() + "/password-link", WebClient.form(list, Map.of()));

    Assertions.assertThat(sent.status()).isEqualTo(302);
    Assertions.assertThat(sent.header("Location")).endsWith("/organiser/cohorts/" + cohort.getSlug() + "/volunteers");
    Assertions.assertThat(browser.get("/organiser/cohorts/" + cohort.getSlug() + "/volunteers").body())
        .contains("A new password link is on its way");
    String newToken = Mailbox.newestToken(email, "volunteers/password");
    Assertions.assertThat(newToken).isNotEqualTo(welcomeToken);
    WebClient.Response dead = new WebClient(port).get("/volunteers/password/" + welcomeToken);
    Assertions.assertThat(dead.status()).isEqualTo(410);
    Assertions.assertThat(dead.body()).contains("mailto:organisers@djangonaut.space");
    Assertions.assertThat(new WebClient(port).get("/volunteers/password/" + newToken).status()).isEqualTo(200);
    // A volunteer of another cohort is not this cohort's to send a link to.
    Cohort other = testData.openCohort();
    Assertions.assertThat(browser.postForm("/organiser/cohorts/" + other.getSlug() + "/volunteers/"
        + volunteer.getId() + "/password-link", WebClient.form(list, Map.of())).status()).isEqualTo(404);
  }

  @Test
  void shouldNameANewVolunteersAccountAfterThemWithARandomSuffixRatherThanACounter() {
    String email = TestData.uniqueEmail();
    Volunteer first = approve(signUp(email, "NAVIGATOR"));
    Volunteer second = approve(signUp(TestData.uniqueEmail(), "CAPTAIN"));

    // Five random characters, not a counter (a random one may happen to contain the digits of the id).
    Assertions.assertThat(first.getUserId()).isNotEqualTo("navigator" + first.getId())
        .isNotEqualTo("nadia-" + first.getId()).matches("nadia-[a-hj-km-np-z2-9]{5}");
    Assertions.assertThat(second.getUserId()).isNotEqualTo("captain" + second.getId())
        .matches("nadia-[a-hj-km-np-z2-9]{5}").isNotEqualTo(first.getUserId());
    Assertions.assertThat(Mailbox.messagesTo(email))
        .anyMatch(message -> Mailbox.text(message).contains("Your user name is " + first.getUserId()));
    Assertions.assertThat(identityService.createUserQuery().userId(first.getUserId()).singleResult().getFirstName())
        .isEqualTo("Nadia");
  }

  @Test
  void shouldThankADeclinedVolunteerWithoutAnAccount() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = signUp(email, "CAPTAIN");
    ProcessInstance process = process(volunteer);

    decide(process, "decline");
    execute(job(VolunteerProcess.TASK_SEND_DECLINED, process));

    assertThat(process).isEnded().hasPassed(VolunteerProcess.END_EVENT_DECLINED)
        .hasNotPassed(VolunteerProcess.TASK_CREATE_ACCOUNT);
    Assertions.assertThat(volunteers.findById(volunteer.getId()).orElseThrow().getStatus())
        .isEqualTo(VolunteerStatus.DECLINED);
    Assertions.assertThat(Mailbox.text(Mailbox.messagesTo(email).get(0))).contains("Thank you for offering");
  }

  @Test
  void shouldApproveADecisionSentInAnotherCaseAsTheFormsApprove() {
    Volunteer volunteer = signUp(TestData.uniqueEmail(), "NAVIGATOR");
    ProcessInstance process = process(volunteer);

    decide(process, "Approve");

    assertThat(process).hasPassed(VolunteerProcess.TASK_CREATE_ACCOUNT)
        .hasNotPassed(VolunteerProcess.TASK_SEND_DECLINED);
    Assertions.assertThat(volunteers.findById(volunteer.getId()).orElseThrow().getStatus())
        .isEqualTo(VolunteerStatus.APPROVED);
  }

  @Test
  void shouldRefuseToCompleteTheApprovalWithoutADecision() {
    ProcessInstance process = process(signUp(TestData.uniqueEmail(), "NAVIGATOR"));

    assertThatThrownBy(() -> taskService().complete(task(process).getId()))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("approve or decline");
    assertThat(process).isWaitingAt(VolunteerProcess.TASK_APPROVE_VOLUNTEER);
  }

  @Test
  void shouldShowEachInvalidFieldAndKeepTheFirstSignUpOfAnEmail() {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> bad = answers("nobody", "NAVIGATOR");
    bad.remove("projects");
    bad.put("capacity", List.of("20"));
    long before = volunteers.count();

    WebClient.Response invalid = browser.postForm(path, WebClient.form(browser.get(path), bad));

    Assertions.assertThat(invalid.status()).isEqualTo(400);
    Assertions.assertThat(invalid.body()).contains("This does not look like an email address.")
        .contains("Tick the projects you know").contains("At most 8 Djangonauts, please.");
    Assertions.assertThat(volunteers.count()).isEqualTo(before);

    String email = TestData.uniqueEmail();
    signUp(email, "NAVIGATOR");
    WebClient.Response again = browser.postForm(path, WebClient.form(browser.get(path), answers(email, "NAVIGATOR")));
    Assertions.assertThat(again.status()).isEqualTo(409);
    Assertions.assertThat(again.body()).contains("We already have your sign-up");
    Assertions.assertThat(volunteers.count()).isEqualTo(before + 1);
  }

  @Test
  void shouldEraseAVolunteerOnRequestWithTheirAccountAndTheHistoryOfTheirProcess() {
    String email = TestData.uniqueEmail();
    Volunteer volunteer = signUp(email, "NAVIGATOR");
    ProcessInstance process = process(volunteer);
    decide(process, "approve");
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));
    String userId = volunteers.findById(volunteer.getId()).orElseThrow().getUserId();
    int emails = outbox.findByRecipientOrderById(email).size();
    Assertions.assertThat(emails).isPositive();

    int erased = personalData.erase(" " + email.toUpperCase(Locale.ROOT) + " ");

    // The sign-up (its account and process go with it), then each email written to the address.
    Assertions.assertThat(erased).isEqualTo(1 + emails);
    Assertions.assertThat(volunteers.findById(volunteer.getId()).orElseThrow().getName()).isEqualTo("(erased)");
    Assertions.assertThat(identityService.createUserQuery().userId(userId).count()).isZero();
    Assertions.assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(VolunteerProcess.KEY).processInstanceBusinessKey(volunteer.getId().toString())
        .count()).isZero();
    Assertions.assertThat(outbox.findByRecipientOrderById(email)).isEmpty();
    Assertions.assertThat(personalData.export(email)).containsEntry("volunteering", List.of())
        .containsEntry("emails", List.of());
  }

  /** Issue 11, finding 11: "Late Larry" signed up after the teams of spring were confirmed and was "on board". */
  @Test
  void shouldCloseTheVolunteerFormAndRefuseASignUpOnceTheTeamsAreFormed() {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    WebClient.Response leftOpen = browser.get(path);
    ClockUtil.setCurrentTime(Date.from(cohort.teamsFormAt().plusSeconds(60)));
    long before = volunteers.count();

    WebClient.Response form = browser.get(path);
    Assertions.assertThat(form.status()).isEqualTo(200);
    Assertions.assertThat(form.body()).contains("The teams of " + cohort.getName() + " are formed")
        .contains("no longer takes Navigators or Captains").doesNotContain("<form method=\"post\"");

    Map<String, List<String>> larry = answers(TestData.uniqueEmail(), "NAVIGATOR");
    larry.put("name", List.of("Late Larry"));
    WebClient.Response refused = browser.postForm(path, WebClient.form(leftOpen, larry));

    Assertions.assertThat(refused.status()).isEqualTo(409);
    Assertions.assertThat(refused.body()).contains("The teams of " + cohort.getName() + " are formed")
        .contains("no longer takes Navigators or Captains");
    Assertions.assertThat(volunteers.count()).isEqualTo(before);
  }

  @Test
  void shouldTellAVolunteerApprovedAfterTheTeamsAreFormedThatThereIsNoTeamForThemRatherThanOnBoard() {
    String email = TestData.uniqueEmail();
    ProcessInstance process = process(signUp(email, "CAPTAIN"));
    ClockUtil.setCurrentTime(Date.from(cohort.teamsFormAt().plusSeconds(60)));

    decide(process, "approve");
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));

    Assertions.assertThat(outbox.findByRecipientOrderById(email)).extracting(OutboxEmail::getTemplate)
        .containsExactly(MailTemplate.VOLUNTEER_WITHOUT_TEAM);
  }

  // --- fixtures

  /** A volunteer signed up, approved and sent their welcome with its password link. */
  private Volunteer welcomed(String email, String role) {
    Volunteer volunteer = signUp(email, role);
    ProcessInstance process = process(volunteer);
    decide(process, "approve");
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));
    return volunteer;
  }

  private Volunteer signUp(String email, String role) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    WebClient.Response response = browser.postForm(path, WebClient.form(browser.get(path), answers(email, role)));
    Assertions.assertThat(response.status()).isEqualTo(302);
    return volunteers.findByCohortIdOrderBySubmittedAt(cohort.getId()).stream()
        .filter(v -> v.getEmail().equals(email)).findFirst().orElseThrow();
  }

  private static Map<String, List<String>> answers(String email, String role) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of("Nadia Navigator"));
    answers.put("email", List.of(email));
    answers.put("role", List.of(role));
    answers.put("projects", List.of("Django core", "Django REST framework"));
    answers.put("availability", List.of("MON-18", "TUE-18", "WED-18"));
    answers.put("capacity", List.of("4"));
    answers.put("motivation", List.of("I was a Djangonaut last year."));
    answers.put("codeOfConductAccepted", List.of("true"));
    return answers;
  }

  private ProcessInstance process(Volunteer volunteer) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(VolunteerProcess.KEY)
        .processInstanceBusinessKey(volunteer.getId().toString()).singleResult();
  }

  /** An organiser approves the sign-up; the account is created and the welcome sent. */
  private Volunteer approve(Volunteer volunteer) {
    ProcessInstance process = process(volunteer);
    decide(process, "approve");
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));
    return volunteers.findById(volunteer.getId()).orElseThrow();
  }

  private void decide(ProcessInstance process, String decision) {
    String taskId = task(process).getId();
    taskService().claim(taskId, testData.organiser());
    taskService().complete(taskId, Map.of(VolunteerProcess.DECISION.name(), decision));
  }
}
