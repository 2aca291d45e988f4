package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * An organiser changes a programme rule ({@code bpmn/selection-proposal.dmn}) in Camunda Modeler and deploys it as
 * the Modeler does (see {@link ModelerDeploymentTest}): the next ranking uses it. A table that would break the rule
 * at run time is refused with a 400 naming each problem by element id, and deploys nothing
 * ({@link DecisionTableChecks}).
 */
@IntegrationTest
class DecisionTableDeploymentTest {

  private static final String RESOURCE = "selection-proposal.dmn";
  private static final String DISAGREEMENT = "review-disagreement.dmn";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortDriver driver;
  @Autowired ApplicationRepository applications;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessDeployer deployer;

  @AfterEach
  void restoreTheTablesOfTheRepository() {
    deployer.deploy();
  }

  @Test
  void shouldRankWithTheTableTheOrganiserDeploysFromTheModeler() throws IOException {
    DecisionDefinition previous = latest();
    String change = TestData.unique("change");
    String changed = table().replace("In line for one of the cohort's places: accepted (offered a place).",
        "In line for one of the cohort's places: accepted, changed in the Modeler (" + change + ").");

    WebClient.Response deployed = modelerDeploy(Map.of(RESOURCE, changed.getBytes(StandardCharsets.UTF_8)));

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(previous.getVersion() + 1);
    CohortDriver.Run run = driver.reviewedAndClosed(1, 2);
    Application first = applications.findById(run.ranked().get(0).getId()).orElseThrow();
    assertThat(first.getProposalRule()).contains("changed in the Modeler (" + change + ")")
        .contains("Rule_WithinThePlaces");
  }

  @Test
  void shouldRefuseATableWhoseRuleMissesAnEntryWithTheEnginesReasonAndDeployNothing() throws IOException {
    DecisionDefinition previous = latest();
    String broken = table().replace(
        "<inputEntry id=\"UnaryTests_WithinThePlaces_Score\"><text></text></inputEntry>", "");

    WebClient.Response refused = modelerDeploy(Map.of(RESOURCE, broken.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(problems(refused).toString()).contains("Rule_WithinThePlaces").contains("input entries");
    assertThat(latest().getId()).isEqualTo(previous.getId());
  }

  @Test
  void shouldRefuseATableReadingWhatMissionControlDoesNotProvideNamingEachProblem() throws IOException {
    DecisionDefinition previous = latest();
    String broken = table().replace("<text>score</text>", "<text>age</text>")
        .replace("&lt;= places + ceiling(places / 2)", "&lt;= places + waitlist")
        .replace(" camunda:historyTimeToLive=\"P730D\"", "");

    WebClient.Response refused = modelerDeploy(Map.of(RESOURCE, broken.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    Map<String, String> problems = problems(refused);
    // Both rules with the waitlist's end in their place cell (Rule_ReturningWaitlistedRaised, Rule_OnTheWaitlist).
    assertThat(problems).containsOnlyKeys("Input_Score", "Rule_ReturningWaitlistedRaised", "Rule_OnTheWaitlist",
        "selection-proposal");
    assertThat(problems.get("Input_Score")).contains("\"age\"").contains("placeInLine, places, score");
    assertThat(problems.get("Rule_OnTheWaitlist")).contains("\"waitlist\"");
    assertThat(problems.get("selection-proposal")).contains("camunda:historyTimeToLive");
    assertThat(latest().getId()).isEqualTo(previous.getId());
  }

  @Test
  void shouldDeployBothCommittedTablesCheckedOverEveryInputMissionControlCanGive() throws IOException {
    String change = "<!-- " + TestData.unique("redeployed") + " -->";
    Map<String, byte[]> files = new LinkedHashMap<>();
    DecisionTableChecks checks = new DecisionTableChecks();
    for (String resource : List.of(RESOURCE, DISAGREEMENT)) {
      for (String run : List.of("first check (FEEL engine cold)", "next check (FEEL results remembered)")) {
        byte[] committed = (table(resource) + "<!-- " + run + " -->").getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        assertThat(checks.problems(committed)).isEmpty();
        System.out.printf("DecisionTableChecks: %s, %s over its whole input grid: %d ms%n", resource, run,
            (System.nanoTime() - started) / 1_000_000);
      }
      files.put(resource, (table(resource) + change).getBytes(StandardCharsets.UTF_8));
    }

    WebClient.Response deployed = modelerDeploy(files);

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAUniqueTableWhoseRulesOverlapNamingACase() throws IOException {
    Map<String, String> problems = refused(DISAGREEMENT,
        table(DISAGREEMENT).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""));

    assertThat(problems.get("review-disagreement")).contains("review-disagreement: for firstRecommendation=accept, "
        + "secondRecommendation=accept, scoreGap=6 the table cannot be evaluated").contains("DMN-03001");
  }

  @Test
  void shouldRefuseAnOutcomeMissionControlCannotReadNamingTheCaseAndTheRule() throws IOException {
    Map<String, String> problems = refused(RESOURCE, table().replace(
        "<outputEntry id=\"LiteralExpression_WithinThePlaces\"><text>\"accepted\"</text></outputEntry>",
        "<outputEntry id=\"LiteralExpression_WithinThePlaces\"><text>\"Yes, close applications now\"</text>"
            + "</outputEntry>"));

    assertThat(problems.get("Rule_WithinThePlaces")).contains("selection-proposal: for placeInLine=1, places=1, "
        + "score=4, firstRecommendation=accept, secondRecommendation=accept, tieBreakRecommendation=accept, "
        + "previouslyWaitlisted=false the table gives 'Yes, close applications now'").contains("outcome must be one of accepted, waitlisted, rejected");
  }

  @Test
  void shouldRefuseATableWithoutItsLastRuleForEverythingElseNamingACaseNoRuleCovers() throws IOException {
    String withoutDefault = table(DISAGREEMENT).replaceAll("(?s)<rule id=\"Rule_ReviewsAgree\">.*?</rule>", "");
    assertThat(refused(DISAGREEMENT, withoutDefault).get("review-disagreement")).contains(
        "for firstRecommendation=accept, secondRecommendation=accept, scoreGap=0 no rule matches");

    String noBelow = table().replaceAll("(?s)<rule id=\"Rule_BelowTheWaitlist\">.*?</rule>", "");
    assertThat(refused(RESOURCE, noBelow).get("selection-proposal")).contains(
        "for placeInLine=3, places=1, score=4, firstRecommendation=accept").contains("no rule matches");
  }

  @Test
  void shouldRefuseARuleThatNeverMatchesSuchAsAComparisonWithNull() throws IOException {
    Map<String, String> problems = refused(DISAGREEMENT, table(DISAGREEMENT).replace("<text>&gt;= 6</text>",
        "<text>&gt;= null</text>"));

    assertThat(problems).containsOnlyKeys("Rule_TotalsSixOrMoreApart");
    assertThat(problems.get("Rule_TotalsSixOrMoreApart")).contains("rule Rule_TotalsSixOrMoreApart decides none");
  }

  /** Deploys one changed table as the Modeler does: refused with 400, nothing deployed; its problems by element. */
  private Map<String, String> refused(String resource, String changed) throws IOException {
    String key = resource.replace(".dmn", "");
    String previous = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult().getId();

    WebClient.Response refused = modelerDeploy(Map.of(resource, changed.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult().getId()).isEqualTo(previous);
    return problems(refused, resource);
  }

  private static String table() throws IOException {
    return table(RESOURCE);
  }

  private static String table(String resource) throws IOException {
    return Files.readString(Path.of("bpmn/" + resource));
  }

  private WebClient.Response modelerDeploy(Map<String, byte[]> files) {
    String organiser = testData.organiser();
    return new WebClient(port).basicAuth(organiser, organiser).postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mission-control", "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"),
        files);
  }

  /** The refusal's problems by element id (the messages of one element joined). */
  private static Map<String, String> problems(WebClient.Response refused) throws IOException {
    return problems(refused, RESOURCE);
  }

  private static Map<String, String> problems(WebClient.Response refused, String resource) throws IOException {
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("type").asText()).as(refused.body()).isEqualTo("ParseException");
    Map<String, String> problems = new LinkedHashMap<>();
    for (JsonNode error : body.path("details").path(resource).path("errors")) {
      problems.merge(error.path("mainElementId").asText(), error.path("message").asText(),
          (one, other) -> one + "\n" + other);
    }
    return problems;
  }

  private DecisionDefinition latest() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("selection-proposal")
        .latestVersion().singleResult();
  }
}
