package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application form's schema read from {@code forms/apply.form}: what a deployment must keep, and the server-side
 * validation of the questions organisers add, one component type at a time (plain unit tests).
 */
class ApplyFormSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode applyForm() {
    try {
      return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("forms/apply.form")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ObjectNode question(ObjectNode form, String json) {
    try {
      ((ArrayNode) form.get("components")).add(JSON.readTree(json));
      return form;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ApplyFormSchema schemaWith(String... questions) {
    ObjectNode form = applyForm();
    for (String question : questions) {
      question(form, question);
    }
    return ApplyFormSchema.parse(form.toString().getBytes(), 1);
  }

  private static Map<String, String[]> sent(String... keyValues) {
    Map<String, String[]> sent = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      String[] before = sent.getOrDefault(keyValues[i], new String[0]);
      String[] after = java.util.Arrays.copyOf(before, before.length + 1);
      after[before.length] = keyValues[i + 1];
      sent.put(keyValues[i], after);
    }
    return sent;
  }

  @Test
  void shouldAcceptTheApplicationFormOfTheRepository() {
    assertThat(ApplyFormSchema.problems(applyForm().toString().getBytes())).isEmpty();
    assertThat(ApplyFormSchema.isApplyForm(applyForm().toString().getBytes())).isTrue();
  }

  @Test
  void shouldRefuseAFormWithoutAFixedKeyNamingIt() {
    ObjectNode form = applyForm();
    ArrayNode components = (ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).path("key").asText().equals("email")) {
        components.remove(i);
      }
    }
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactly(
        "The application form must keep the question with key email (a textfield): Mission Control needs it.");
  }

  @Test
  void shouldRefuseAFixedKeyOfAnotherTypeAnUnboundedTextAndAComponentThePageCannotDraw() {
    ObjectNode form = applyForm();
    for (var component : form.get("components")) {
      if (component.path("key").asText().equals("project")) {
        ((ObjectNode) component).put("type", "textfield");
      }
    }
    question(form, "{\"id\":\"Field_Story\",\"key\":\"story\",\"label\":\"Story\",\"type\":\"textarea\"}");
    question(form, "{\"id\":\"Field_Table\",\"key\":\"table\",\"label\":\"T\",\"type\":\"dynamiclist\"}");
    question(form, "{\"id\":\"Field_Site\",\"key\":\"website\",\"label\":\"W\",\"type\":\"textfield\","
        + "\"validate\":{\"maxLength\":10}}");
    question(form, "{\"id\":\"Field_Why\",\"key\":\"why\",\"label\":\"Why\",\"type\":\"checkbox\","
        + "\"conditional\":{\"hide\":\"=shareContact\"}}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The key project must be a select (Mission Control reads it), not a textfield.",
        "The question story has no maximum length: set Validation > Maximum length.",
        "Component Field_Table is a dynamiclist, which the public page cannot show: use a text field, text area,"
            + " number, select, radio, checkbox, checklist, date or text.",
        "The key website is used by the page itself: choose another.",
        "Component Field_Why is shown only under a condition: the public page shows every question (without"
            + " JavaScript), so remove the condition.");
  }

  /**
   * A version deployed before a rule of this Mission Control (here, one with a default value, refused since) is
   * still drawn as deployed after an upgrade, rather than taking the public page down; the rule applies to the next
   * deployment.
   */
  @Test
  void shouldStillReadAFormDeployedBeforeARuleItNowBreaks() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Level\",\"key\":\"level\",\"label\":\"Level\",\"type\":\"radio\","
        + "\"defaultValue\":\"low\",\"values\":[{\"label\":\"Low\",\"value\":\"low\"}]}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).isNotEmpty();

    ApplyFormSchema schema = ApplyFormSchema.parse(form.toString().getBytes(), 7);

    assertThat(schema.version()).isEqualTo(7);
    assertThat(schema.questions()).extracting(q -> q.key()).contains("level", "project");
    assertThatThrownBy(() -> ApplyFormSchema.parse("not json".getBytes(), 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not JSON");
  }

  /**
   * Two options with one value cannot be told apart once answered (the page ticks both, reviewers and the report read
   * the first label); a key that is another choice's key followed by digits, or the page's {@code main}, gives an
   * element the id of another (the page names an option {@code <key><n>}), so a label or a link of the error summary
   * leads to the wrong question.
   */
  @Test
  void shouldRefuseDuplicatedOptionValuesAndKeysThatWouldGiveTwoElementsOneId() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Level\",\"key\":\"level\",\"label\":\"Level\",\"type\":\"checklist\","
        + "\"values\":[{\"label\":\"Low\",\"value\":\"x\"},{\"label\":\"High\",\"value\":\"x\"}]}");
    question(form, "{\"id\":\"Field_Level1\",\"key\":\"level1\",\"label\":\"Level again\","
        + "\"type\":\"textfield\",\"validate\":{\"maxLength\":20}}");
    question(form, "{\"id\":\"Field_Coc\",\"key\":\"codeOfConductAccepted1\",\"label\":\"Really?\","
        + "\"type\":\"checkbox\"}");
    question(form, "{\"id\":\"Field_Main\",\"key\":\"main\",\"label\":\"Main\",\"type\":\"textfield\","
        + "\"validate\":{\"maxLength\":20}}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The question level offers the value x twice: give each option its own value.",
        "The key level1 would give the page two elements one id (the question level names its options level1,"
            + " level2, ...): choose another.",
        "The key codeOfConductAccepted1 would give the page two elements one id (the question"
            + " codeOfConductAccepted names its options codeOfConductAccepted1, codeOfConductAccepted2, ...):"
            + " choose another.",
        "The key main is used by the page itself: choose another.");
  }

  /**
   * A number's decimal digits, minimum and maximum are written into the page ({@code step}, {@code min},
   * {@code max}) as plain digits: 1000000000 decimal digits or a maximum of 1e999999999 would make every visit write
   * a billion characters. Refused at deployment, as answers with more than 15 digits are.
   */
  @Test
  void shouldRefuseANumberWhoseLimitsThePageCouldNotWrite() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Pi\",\"key\":\"pi\",\"label\":\"Pi\",\"type\":\"number\","
        + "\"decimalDigits\":1000000000}");
    question(form, "{\"id\":\"Field_Big\",\"key\":\"big\",\"label\":\"Big\",\"type\":\"number\","
        + "\"validate\":{\"min\":\"-1e999999999\",\"max\":1e999999999}}");
    question(form, "{\"id\":\"Field_Fine\",\"key\":\"fine\",\"label\":\"Fine\",\"type\":\"number\","
        + "\"decimalDigits\":2,\"validate\":{\"min\":0.5,\"max\":\"999999999999999\"}}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The question pi allows 1000000000 decimal digits: at most 15.",
        "The question big has a minimum or maximum of more than 15 digits before or after the point.");
  }

  /**
   * Answers are stripped of the spaces around them before they are checked, so an option whose value starts or ends
   * with a space (easily typed in the Modeler) could never be chosen, and one with an empty value reads as no
   * answer: a required question would stop everyone. Refused at deployment.
   */
  @Test
  void shouldRefuseAnOptionValueThatCouldNeverBeChosen() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Heard\",\"key\":\"heardFrom\",\"label\":\"Heard from\",\"type\":\"radio\","
        + "\"validate\":{\"required\":true},\"values\":[{\"label\":\"A friend\",\"value\":\"friend \"},"
        + "{\"label\":\"Nobody\",\"value\":\"\"},{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The question heardFrom has the option value \"friend \": remove the spaces around it (answers are read"
            + " without them).",
        "The question heardFrom has an option with an empty value: give it a value (an empty one reads as no"
            + " answer).");
  }

  /**
   * Settings the Modeler offers that the public page would not honour (a default answer, a field shown but not
   * editable, a date that must not be in the past) are refused at deployment rather than silently ignored.
   */
  @Test
  void shouldRefuseSettingsOfTheModelerThatThePageWouldIgnore() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Level\",\"key\":\"level\",\"label\":\"Level\",\"type\":\"radio\","
        + "\"defaultValue\":\"low\",\"values\":[{\"label\":\"Low\",\"value\":\"low\"}]}");
    question(form, "{\"id\":\"Field_Team\",\"key\":\"team\",\"label\":\"Team\",\"type\":\"textfield\","
        + "\"readonly\":true,\"validate\":{\"maxLength\":20}}");
    question(form, "{\"id\":\"Field_Age\",\"key\":\"age\",\"label\":\"Age\",\"type\":\"number\","
        + "\"disabled\":true}");
    question(form, "{\"id\":\"Field_Free\",\"key\":\"freeFrom\",\"label\":\"Free from\","
        + "\"type\":\"datetime\",\"subtype\":\"date\",\"disallowPassedDates\":true}");
    // The Modeler writes "readonly": false and the like when a box is ticked and unticked again: not refused.
    question(form, "{\"id\":\"Field_Note\",\"key\":\"note\",\"label\":\"Note\",\"type\":\"textfield\","
        + "\"readonly\":false,\"disabled\":false,\"defaultValue\":\"\",\"validate\":{\"maxLength\":20}}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The question level has a default value: the public page starts every question empty (nobody should send"
            + " an answer they did not give), so remove it.",
        "The question team is read-only: the public page lets people answer every question, so remove Read only.",
        "The question age is disabled: the public page lets people answer every question, so remove Disabled.",
        "The question freeFrom disallows past dates, which the public page does not check: remove it, or say it in"
            + " the description.");
  }

  /** The Modeler's Read only can be a FEEL expression ("=..."), which the page would ignore as it ignores true. */
  @Test
  void shouldRefuseAReadOnlyOrDisabledSettingWrittenAsAnExpressionOrText() {
    ObjectNode form = applyForm();
    question(form, "{\"id\":\"Field_Team\",\"key\":\"team\",\"label\":\"Team\",\"type\":\"textfield\","
        + "\"readonly\":\"=project != null\",\"validate\":{\"maxLength\":20}}");
    question(form, "{\"id\":\"Field_Age\",\"key\":\"age\",\"label\":\"Age\",\"type\":\"number\","
        + "\"disabled\":\"true\"}");
    assertThat(ApplyFormSchema.problems(form.toString().getBytes())).containsExactlyInAnyOrder(
        "The question team is read-only: the public page lets people answer every question, so remove Read only.",
        "The question age is disabled: the public page lets people answer every question, so remove Disabled.");
  }

  @Test
  void shouldValidateATextFieldFromTheSchema() {
    ApplyFormSchema schema = schemaWith("{\"id\":\"Field_Handle\",\"key\":\"githubHandle\",\"label\":\"GitHub\","
        + "\"type\":\"textfield\",\"validate\":{\"required\":true,\"minLength\":2,\"maxLength\":5,"
        + "\"pattern\":\"[a-z]+\"}}");
    assertThat(schema.validate(sent()).errors()).containsEntry("githubHandle", "Please answer this question.");
    assertThat(schema.validate(sent("githubHandle", "a")).errors())
        .containsEntry("githubHandle", "Please write at least 2 characters.");
    assertThat(schema.validate(sent("githubHandle", "abcdef")).errors())
        .containsEntry("githubHandle", "Please keep this to 5 characters.");
    assertThat(schema.validate(sent("githubHandle", "AB1")).errors())
        .containsEntry("githubHandle", "This does not have the form the question asks for.");
    var ok = schema.validate(sent("githubHandle", "  abc "));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.typed().toString()).isEqualTo("{\"githubHandle\":\"abc\"}");
  }

  /**
   * An organiser's pattern that backtracks for ages on some answers ({@code (.*a){20}} on thirty a's and a b: 16 s
   * before, and twenty times more per added character) must not hold a request thread: the answer is refused with a
   * reason. The timeout only turns a hang into a failure.
   */
  @Test
  void shouldRefuseAnAnswerThePatternCannotBeCheckedAgainstInsteadOfHanging() {
    ApplyFormSchema schema = schemaWith("{\"id\":\"Field_Handle\",\"key\":\"handle\",\"label\":\"Handle\","
        + "\"type\":\"textfield\",\"validate\":{\"maxLength\":100,\"pattern\":\"(.*a){20}\"}}");
    var checked = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> schema.validate(sent("handle", "a".repeat(30) + "b")));
    assertThat(checked.errors()).containsEntry("handle", "This answer could not be checked against the form the"
        + " question asks for: please write it more simply.");
    assertThat(schema.validate(sent("handle", "a".repeat(25))).errors()).isEmpty();
  }

  @Test
  void shouldCountALineBreakOnceInATextArea() {
    ApplyFormSchema schema = schemaWith("{\"id\":\"Field_Story\",\"key\":\"story\",\"label\":\"Story\","
        + "\"type\":\"textarea\",\"validate\":{\"maxLength\":3}}");
    assertThat(schema.validate(sent("story", "a\r\nb")).errors()).isEmpty();
    assertThat(schema.validate(sent("story", "a\r\nb")).typed().get("story").asText()).isEqualTo("a\nb");
    assertThat(schema.validate(sent("story", "a\r\nbc")).errors()).containsKey("story");
  }

  @Test
  void shouldValidateANumberFromTheSchema() {
    ApplyFormSchema schema = schemaWith("{\"id\":\"Field_Years\",\"key\":\"years\",\"label\":\"Years\","
        + "\"type\":\"number\",\"decimalDigits\":0,\"validate\":{\"required\":true,\"min\":0,\"max\":60}}");
    assertThat(schema.validate(sent("years", "")).errors()).containsEntry("years", "Please give a number.");
    assertThat(schema.validate(sent("years", "many")).errors()).containsEntry("years", "Please give a number, e.g. 3.");
    assertThat(schema.validate(sent("years", "2.5")).errors()).containsEntry("years", "Please give a whole number.");
    assertThat(schema.validate(sent("years", "-1")).errors()).containsEntry("years", "Please give at least 0.");
    assertThat(schema.validate(sent("years", "61")).errors()).containsEntry("years", "Please give at most 60.");
    assertThat(schema.validate(sent("years", "7")).typed().get("years").isNumber()).isTrue();
  }

  @Test
  void shouldLimitASelectAndARadioToTheirOptions() {
    ApplyFormSchema schema = schemaWith(
        "{\"id\":\"Field_Heard\",\"key\":\"heardFrom\",\"label\":\"Heard from\",\"type\":\"select\","
            + "\"validate\":{\"required\":true},\"values\":[{\"label\":\"A friend\",\"value\":\"friend\"},"
            + "{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}",
        "{\"id\":\"Field_Size\",\"key\":\"shirt\",\"label\":\"Shirt\",\"type\":\"radio\","
            + "\"values\":[{\"label\":\"S\",\"value\":\"s\"},{\"label\":\"M\",\"value\":\"m\"}]}");
    var answers = schema.validate(sent("heardFrom", "radio", "shirt", "xl"));
    assertThat(answers.errors()).containsEntry("heardFrom", "Please choose one of the options shown.")
        .containsEntry("shirt", "Please choose one of the options shown.");
    assertThat(schema.validate(sent()).errors()).containsEntry("heardFrom", "Please choose one of the options.")
        .doesNotContainKey("shirt");
    assertThat(schema.validate(sent("heardFrom", "friend", "shirt", "m")).typed().toString())
        .isEqualTo("{\"heardFrom\":\"friend\",\"shirt\":\"m\"}");
  }

  @Test
  void shouldLimitAChecklistToItsOptionsAndRequireATickedCheckbox() {
    ApplyFormSchema schema = schemaWith(
        "{\"id\":\"Field_Langs\",\"key\":\"languages\",\"label\":\"Languages\",\"type\":\"checklist\","
            + "\"validate\":{\"required\":true},\"values\":[{\"label\":\"Python\",\"value\":\"py\"},"
            + "{\"label\":\"JavaScript\",\"value\":\"js\"}]}",
        "{\"id\":\"Field_Photo\",\"key\":\"photoConsent\",\"label\":\"Photos are fine\",\"type\":\"checkbox\","
            + "\"validate\":{\"required\":true}}");
    var wrong = schema.validate(sent("languages", "py", "languages", "cobol"));
    assertThat(wrong.errors()).containsEntry("languages", "Please tick only the options shown.")
        .containsEntry("photoConsent", "Tick this box to go on.");
    assertThat(schema.validate(sent()).errors()).containsEntry("languages", "Please tick at least one.");
    var ok = schema.validate(sent("languages", "py", "languages", "js", "photoConsent", "true"));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.typed().toString()).isEqualTo("{\"languages\":[\"py\",\"js\"],\"photoConsent\":true}");
  }

  @Test
  void shouldTakeADateAsYearMonthDay() {
    ApplyFormSchema schema = schemaWith("{\"id\":\"Field_Start\",\"key\":\"canStart\",\"type\":\"datetime\","
        + "\"subtype\":\"date\",\"dateLabel\":\"From when can you start?\",\"validate\":{\"required\":true}}");
    assertThat(schema.questions()).anyMatch(q -> "From when can you start?".equals(q.label()));
    assertThat(schema.validate(sent("canStart", "1 March")).errors())
        .containsEntry("canStart", "Please give a date as year-month-day, e.g. 2026-03-01.");
    assertThat(schema.validate(sent("canStart", "")).errors()).containsEntry("canStart", "Please give a date.");
    assertThat(schema.validate(sent("canStart", "2026-03-01")).typed().toString())
        .isEqualTo("{\"canStart\":\"2026-03-01\"}");
  }

  @Test
  void shouldLeaveTheKnownQuestionsToApplicationForm() {
    ApplyFormSchema schema = schemaWith();
    assertThat(schema.validate(sent()).errors()).isEmpty();
    assertThat(schema.validate(sent("name", "Ada")).typed().isEmpty()).isTrue();
  }

  @Test
  void shouldShowReviewersTheOtherAnswersWithoutTheSensitiveOnes() throws IOException {
    ApplyFormSchema schema = schemaWith(
        "{\"id\":\"Field_Heard\",\"key\":\"heardFrom\",\"label\":\"Heard from\",\"type\":\"select\","
            + "\"values\":[{\"label\":\"A friend\",\"value\":\"friend\"}]}",
        "{\"id\":\"Field_Needs\",\"key\":\"accessNeeds\",\"label\":\"Access needs\",\"type\":\"textarea\","
            + "\"validate\":{\"maxLength\":500},\"properties\":{\"sensitive\":\"true\"}}");
    String shown = schema.forReviewers(JSON.readTree("{\"heardFrom\":\"friend\",\"accessNeeds\":\"Captions\"}"));
    assertThat(shown).isEqualTo("Heard from:\nA friend");
  }

  @Test
  void shouldEscapeRawHtmlInOrganisersMarkdown() {
    String html = ApplyPage.markdown(
        "## Hello\n\n<script>alert(1)</script>\n\nSome **bold** <b>tag</b> [x](javascript:alert(1)) ${7*7}");
    assertThat(html).contains("<h2>Hello</h2>").contains("&lt;script&gt;").contains("<strong>bold</strong>").contains("&lt;b&gt;tag&lt;/b&gt;")
        .doesNotContain("<script>").doesNotContain("javascript:").contains("${7*7}");
  }
}
