package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/** Only addresses a mail server takes get in through the public forms, each refusal with what to change. */
@IntegrationTest
class EmailAddressTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired VolunteerRepository volunteers;
  @Autowired RuntimeService runtimeService;

  @Test
  void shouldRefuseAnAddressWithoutADeliverableDomainOnTheApplicationFormAndStoreNothing() {
    Cohort cohort = testData.openCohort();
    long before = applications.count();

    WebClient.Response response = apply(cohort, "casey@mailhost");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Check the part after the @: we can only write to an address at a domain "
        + "such as example.org.");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnAddressWithoutADeliverableDomainOnTheVolunteerFormAndStoreNothing() {
    Cohort cohort = testData.openCohort();
    long before = volunteers.count();
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> signUp = new LinkedHashMap<>();
    signUp.put("name", List.of("Casey Captain"));
    signUp.put("email", List.of("casey@mailhost"));
    signUp.put("role", List.of("CAPTAIN"));
    signUp.put("projects", List.of("Django core"));
    signUp.put("availability", List.of("MON-18"));
    signUp.put("capacity", List.of("2"));
    signUp.put("codeOfConductAccepted", List.of("true"));
    WebClient browser = new WebClient(port);

    WebClient.Response response = browser.postForm(path, WebClient.form(browser.get(path), signUp));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Check the part after the @");
    assertThat(volunteers.count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnAddressWithLettersBeyondAsciiBeforeTheAtWithAClearMessage() {
    Cohort cohort = testData.openCohort();
    long before = applications.count();

    WebClient.Response response = apply(cohort, "josé." + TestData.unique("x") + "@example.org");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("We cannot write to an address with letters other than a to z before "
        + "the @ (our mail server does not take them): please give another address.");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnAddressAtAnIpAddress() {
    Cohort cohort = testData.openCohort();

    WebClient.Response response = apply(cohort, TestData.unique("casey") + "@[192.0.2.1]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Give an address at a domain name, such as example.org, not at an IP "
        + "address.");
  }

  @Test
  void shouldTakeAnInternationalisedDomainAndWriteToItsAsciiForm() {
    Cohort cohort = testData.openCohort();
    String mailbox = TestData.unique("ana");

    WebClient.Response response = apply(cohort, mailbox + "@Bücher.de");

    assertThat(response.status()).isEqualTo(302);
    Application stored = applications.findAll().stream()
        .filter(a -> a.getEmail().equals(mailbox + "@bücher.de")).findFirst().orElseThrow();
    String process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(stored.getId().toString()).singleResult().getId();
    testData.executeJobs(process);
    assertThat(Mailbox.messagesTo(mailbox + "@xn--bcher-kva.de")).hasSize(1);
  }

  private WebClient.Response apply(Cohort cohort, String email) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    return browser.postForm(path, WebClient.form(browser.get(path), TestData.formAnswers(email, "Casey")));
  }
}
