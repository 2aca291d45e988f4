package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.common.FormSchema;

/**
 * The feedback survey and the mid-point check read from {@code forms/}: what a deployment must keep (the keys the
 * impact report and the trouble detection read), who is asked what, and the report's summaries of the questions
 * organisers add, read by key (plain unit tests).
 */
class SurveyFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode form(String id) {
    try {
      return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("forms/" + id + ".form")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ObjectNode add(ObjectNode form, String json) {
    try {
      ((ArrayNode) form.get("components")).add(JSON.readTree(json));
      return form;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ObjectNode without(ObjectNode form, String key) {
    ArrayNode components = (ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).path("key").asText().equals(key)) {
        components.remove(i);
      }
    }
    return form;
  }

  private static byte[] bytes(ObjectNode form) {
    return form.toString().getBytes();
  }

  @Test
  void shouldAcceptTheSurveyAndMidpointFormsOfTheRepository() {
    assertThat(SurveyForms.problems(bytes(form("feedback-survey")), SurveyForms.FEEDBACK)).isEmpty();
    assertThat(SurveyForms.problems(bytes(form("midpoint-check")), SurveyForms.MIDPOINT)).isEmpty();
    assertThat(SurveyForms.rulesOf(bytes(form("feedback-survey")))).contains(SurveyForms.FEEDBACK);
    assertThat(SurveyForms.rulesOf(bytes(form("midpoint-check")))).contains(SurveyForms.MIDPOINT);
    assertThat(SurveyForms.rulesOf(bytes(form("apply")))).isEmpty();
  }

  @Test
  void shouldRefuseASurveyWithoutAKeyTheReportReadsNamingIt() {
    assertThat(SurveyForms.problems(bytes(without(form("feedback-survey"), "comfortMentoring")),
        SurveyForms.FEEDBACK)).containsExactly("The feedback survey must keep the question with key"
            + " comfortMentoring (a radio): Mission Control needs it.");
    assertThat(SurveyForms.problems(bytes(without(form("midpoint-check"), "teamFeeling")), SurveyForms.MIDPOINT))
        .containsExactly("The mid-point check must keep the question with key teamFeeling (a radio): Mission"
            + " Control needs it.");
  }

  @Test
  void shouldRefuseAFixedQuestionWithOtherOptionsNotRequiredOrAskedOfOthers() {
    ObjectNode survey = form("feedback-survey");
    for (var component : survey.get("components")) {
      ObjectNode c = (ObjectNode) component;
      switch (c.path("key").asText()) {
        case "comfortCommunity" -> ((ArrayNode) c.get("values")).remove(2);
        case "mayQuote" -> ((ObjectNode) c.get("validate")).put("required", false);
        case "comfortMentoring" -> ((ObjectNode) c.get("properties")).put("respondents", "djangonauts");
        default -> { }
      }
    }
    add(survey, "{\"id\":\"Field_Who\",\"key\":\"who\",\"label\":\"Who?\",\"type\":\"checkbox\","
        + "\"properties\":{\"respondents\":\"everyone\"}}");
    assertThat(SurveyForms.problems(bytes(survey), SurveyForms.FEEDBACK)).containsExactlyInAnyOrder(
        "The question comfortCommunity must offer exactly the option values MORE, SAME, LESS (Mission Control counts"
            + " them; their labels may change), not MORE, SAME.",
        "The question mayQuote must stay required (Validation > Required): Mission Control needs an answer.",
        "The question comfortMentoring must keep the custom property respondents = volunteers.");
    survey = form("feedback-survey");
    for (var component : survey.get("components")) {
      if (component.path("key").asText().equals("wentWell")) {
        ((ObjectNode) component.get("validate")).put("maxLength", 5000);
      }
    }
    add(survey, "{\"id\":\"Field_Who\",\"key\":\"who\",\"label\":\"Who?\",\"type\":\"checkbox\","
        + "\"properties\":{\"respondents\":\"everyone\"}}");
    assertThat(SurveyForms.problems(bytes(survey), SurveyForms.FEEDBACK)).containsExactlyInAnyOrder(
        "The question wentWell must have a maximum length of at most 4000 (Validation > Maximum length): Mission"
            + " Control keeps no more.",
        "Component Field_Who has respondents = everyone: use djangonauts or volunteers, or remove the property to"
            + " ask everyone.");
  }

  @Test
  void shouldAskDjangonautsAndVolunteersTheirOwnQuestionsWithTheirOwnLabels() {
    FormSchema survey = FormSchema.parse(bytes(form("feedback-survey")), 1, SurveyForms.FEEDBACK);
    List<String> djangonaut = survey.questions().stream().filter(q -> q.key() != null)
        .filter(q -> SurveyForms.asks(q, Respondent.DJANGONAUT)).map(FormSchema.Question::key).toList();
    List<String> captain = survey.questions().stream().filter(q -> q.key() != null)
        .filter(q -> SurveyForms.asks(q, Respondent.CAPTAIN)).map(FormSchema.Question::key).toList();
    assertThat(djangonaut).containsExactly("comfortContributing", "comfortCommunity", "wentWell", "toImprove",
        "mayQuote");
    assertThat(captain).containsExactly("comfortMentoring", "wentWell", "toImprove", "mayQuote");

    FormSchema midpoint = FormSchema.parse(bytes(form("midpoint-check")), 1, SurveyForms.MIDPOINT);
    FormSchema.Question comfort = midpoint.questions().stream().filter(q -> "comfort".equals(q.key())).findFirst()
        .orElseThrow();
    assertThat(SurveyForms.label(comfort, Respondent.NAVIGATOR)).contains("mentoring or leadership role");
    assertThat(SurveyForms.label(comfort, Respondent.DJANGONAUT)).isNull();
  }

  @Test
  void shouldSumUpTheOtherQuestionsByKeyCountingChoicesAveragingNumbersAndKeepingSensitiveTextOut() {
    ObjectNode survey = form("feedback-survey");
    add(survey, "{\"id\":\"Field_Heard\",\"key\":\"heardFrom\",\"label\":\"Where did you hear of us?\","
        + "\"type\":\"select\",\"values\":[{\"label\":\"A friend\",\"value\":\"friend\"},"
        + "{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}");
    add(survey, "{\"id\":\"Field_Tools\",\"key\":\"tools\",\"label\":\"Tools\",\"type\":\"checklist\",\"values\":["
        + "{\"label\":\"Git\",\"value\":\"git\"},{\"label\":\"Trac\",\"value\":\"trac\"}]}");
    add(survey, "{\"id\":\"Field_Again\",\"key\":\"again\",\"label\":\"Would you come again?\","
        + "\"type\":\"checkbox\"}");
    add(survey, "{\"id\":\"Field_Hours\",\"key\":\"hours\",\"label\":\"Hours a week\",\"type\":\"number\"}");
    add(survey, "{\"id\":\"Field_Idea\",\"key\":\"idea\",\"label\":\"An idea\",\"type\":\"textfield\","
        + "\"validate\":{\"maxLength\":100}}");
    add(survey, "{\"id\":\"Field_Health\",\"key\":\"health\",\"label\":\"Health\",\"type\":\"textarea\","
        + "\"validate\":{\"maxLength\":100},\"properties\":{\"sensitive\":\"true\"}}");
    FormSchema schema = FormSchema.parse(bytes(survey), 2, SurveyForms.FEEDBACK);

    List<ImpactReport.QuestionSummary> summaries = ImpactReportService.summaries("Feedback survey", schema,
        java.util.Arrays.asList(
            "{\"heardFrom\":\"friend\",\"tools\":[\"git\",\"trac\"],\"again\":true,\"hours\":4,\"idea\":\"More"
                + " pairing\",\"health\":\"Back pain\"}",
            "{\"heardFrom\":\"friend\",\"tools\":[\"git\"],\"again\":false,\"hours\":5}",
            "{\"heardFrom\":\"mastodon\",\"gone\":\"a question removed since\"}",
            null));

    Map<String, ImpactReport.QuestionSummary> byKey = new java.util.HashMap<>();
    summaries.forEach(s -> byKey.put(s.key(), s));
    assertThat(byKey).containsOnlyKeys("heardFrom", "tools", "again", "hours", "idea", "health");
    assertThat(byKey.get("heardFrom").counts()).containsExactly(new ImpactReport.OptionCount("A friend", 2),
        new ImpactReport.OptionCount("Mastodon", 1));
    assertThat(byKey.get("heardFrom").answered()).isEqualTo(3);
    assertThat(byKey.get("tools").counts()).containsExactly(new ImpactReport.OptionCount("Git", 2),
        new ImpactReport.OptionCount("Trac", 1));
    assertThat(byKey.get("again").counts()).containsExactly(new ImpactReport.OptionCount("yes", 1),
        new ImpactReport.OptionCount("no", 1));
    assertThat(byKey.get("hours").average()).isEqualTo("4.5");
    assertThat(byKey.get("idea").texts()).containsExactly("More pairing");
    assertThat(byKey.get("idea").published()).as("free text is never published").isFalse();
    assertThat(byKey.get("health").texts()).as("sensitive").isEmpty();
    assertThat(byKey.get("health").answered()).isEqualTo(1);
    assertThat(byKey.get("heardFrom").published()).isTrue();
  }
}
