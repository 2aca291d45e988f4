package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An organiser's email text: what is refused, and how it becomes the two parts of an email. */
class MailTextRendererTest {

  private static final String HOSTILE = "<script>alert('x')</script> ${T(java.lang.Runtime).getRuntime()} "
      + "[[${x}]] <span th:text=\"${x}\">t</span>";

  @Test
  void shouldRefuseAnUnknownVariableWithTheReasonAndTheKnownOnes() {
    List<String> problems = MailTextRenderer.problems(MailTemplate.APPLICATION_RECEIVED,
        "Hi {{cohortName}}", "Hello {{name}}, your password is {{password}}.");

    assertThat(problems).contains("body: {{password}} is not a variable of this email.");
    assertThat(problems).last().asString().startsWith("The variables of this email are: {{name}}, {{cohortName}}")
        .contains("{{project}}", "{{applicationId}}");
  }

  @Test
  void shouldRefuseMalformedPlaceholdersInSubjectAndBody() {
    List<String> problems = MailTextRenderer.problems(MailTemplate.APPLICATION_RECEIVED,
        "Hi {{cohort name}}", "Hello {{name}, and {{${x}}} and {{ unfinished");

    assertThat(problems).contains(
        "subject: \"{{cohort name}}\" is not a placeholder: write a variable's name between double braces, "
            + "such as {{name}}.",
        "body: \"{{name}, and {{${x}}\" is not a placeholder: write a variable's name between double braces, "
            + "such as {{name}}.",
        "body: \"{{\" is not a placeholder: write a variable's name between double braces, such as {{name}}.");
  }

  @Test
  void shouldRefuseAnOfferWithoutItsPersonalLink() {
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "A place for you",
        "Hello {{name}}, you are in!")).containsExactly("body: this email must give {{offerLink}} (the applicant's "
            + "personal link to accept or decline the place (works once)).");
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "A place for you",
        "Hello {{name}}, [accept or decline]({{ offerLink }})")).isEmpty();
  }

  @Test
  void shouldRefuseABlankOrMultiLineSubjectAndABlankBody() {
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_RECEIVED, "Hi\r\nBcc: eve@example.org", " "))
        .containsExactly("subject: a subject is one line.", "body: write the email's text.");
  }

  @Test
  void shouldKeepHostileTextOfTheOrganiserAndOfValuesAsLiteralTextEscapedInTheHtml() {
    MailService.Rendered rendered = MailTextRenderer.render("Hello {{name}} " + HOSTILE,
        "Hello **{{name}}**,\n\n" + HOSTILE + "\n\n<div onclick=\"x()\">{{name}}</div>\n",
        Map.of("name", "Eve <b>&</b> {{name}} [x](javascript:alert(1))"), Set.of());

    assertThat(rendered.text()).isEqualTo("Hello **Eve <b>&</b> {{name}} [x](javascript:alert(1))**,\n\n" + HOSTILE
        + "\n\n<div onclick=\"x()\">Eve <b>&</b> {{name}} [x](javascript:alert(1))</div>\n");
    assertThat(rendered.subject()).isEqualTo("Hello Eve <b>&</b> {{name}} [x](javascript:alert(1)) " + HOSTILE);
    assertThat(rendered.html())
        .contains("<strong>Eve &lt;b&gt;&amp;&lt;/b&gt; {{name}} [x](javascript:alert(1))</strong>")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt; ${T(java.lang.Runtime).getRuntime()} [[${x}]] "
            + "&lt;span th:text=&quot;${x}&quot;&gt;t&lt;/span&gt;")
        .contains("&lt;div onclick=&quot;x()&quot;&gt;Eve &lt;b&gt;&amp;&lt;/b&gt;")
        .doesNotContain("<script", "<span", "<div", "<b>", "href=\"javascript");
  }

  @Test
  void shouldMakeALinkVariableALinkAndDropJavascriptLinks() {
    MailService.Rendered rendered = MailTextRenderer.render("s",
        "Your link:\n{{offerLink}}\n\n[Accept]({{offerLink}} \"for {{name}}\") or [not](javascript:alert(1))",
        Map.of("offerLink", "https://mc.example.org/offers/t\"ok", "name", "Ada"), Set.of("offerLink"));

    assertThat(rendered.text()).isEqualTo("Your link:\nhttps://mc.example.org/offers/t\"ok\n\n"
        + "[Accept](https://mc.example.org/offers/t\"ok \"for Ada\") or [not](javascript:alert(1))");
    assertThat(rendered.html())
        .contains("<a rel=\"nofollow\" href=\"https://mc.example.org/offers/t&quot;ok\">"
            + "https://mc.example.org/offers/t&quot;ok</a>")
        .contains("<a rel=\"nofollow\" href=\"https://mc.example.org/offers/t&quot;ok\" title=\"for Ada\">"
            + "Accept</a>")
        .contains("<a rel=\"nofollow\" href=\"\">not</a>");
  }

  @Test
  void shouldStartEveryTemplateFromAMarkdownTextThatPasses() {
    for (MailTemplate template : MailTemplate.values()) {
      MailTexts.Draft starter = MailTexts.starter(template);
      assertThat(MailTextRenderer.problems(template, starter.subject(), starter.body())).as(template.name())
          .isEmpty();
      assertThat(starter.body()).as(template.name()).startsWith("Hello {{name}},");
    }
  }

  @Test
  void shouldShowASectionOnlyWhenItsVariableHasAValueAndAnInvertedOneOnlyWhenItHasNone() {
    String body = "Hello {{name}},\n\n{{#fromWaitlist}}A place has become free.{{/fromWaitlist}}"
        + "{{^fromWaitlist}}You have been selected.{{/fromWaitlist}}\n\nAnswer here: {{offerLink}}\n";
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "Your place", body)).isEmpty();
    MailService.Rendered waitlisted = MailTextRenderer.render("Your place", body,
        Map.of("name", "Ada", "fromWaitlist", "yes", "offerLink", "https://x/offers/t"), Set.of("offerLink"));
    assertThat(waitlisted.text()).contains("A place has become free.").doesNotContain("selected")
        .doesNotContain("{{");
    MailService.Rendered selected = MailTextRenderer.render("Your place", body,
        Map.of("name", "Ada", "fromWaitlist", "", "offerLink", "https://x/offers/t"), Set.of("offerLink"));
    assertThat(selected.text()).contains("You have been selected.").doesNotContain("become free");
    assertThat(selected.html()).contains("You have been selected.").doesNotContain("become free");
  }

  @Test
  void shouldKeepTheOrganisersBlankLinesAndDropOnlyThoseOfAHiddenPart() {
    String body = "Hello {{name}},\n\n{{#fromWaitlist}}\nFree.\n{{/fromWaitlist}}\n\n```\na\n\n\n\nb\n```\n\n"
        + "{{offerLink}}\n";
    Map<String, String> values = new java.util.HashMap<>(Map.of("name", "Ada", "offerLink", "https://x/o"));
    assertThat(MailTextRenderer.render("S", body, values, Set.of()).text())
        .isEqualTo("Hello Ada,\n\n```\na\n\n\n\nb\n```\n\nhttps://x/o\n");
    values.put("fromWaitlist", "yes");
    assertThat(MailTextRenderer.render("S", body, values, Set.of()).text())
        .isEqualTo("Hello Ada,\n\nFree.\n\n```\na\n\n\n\nb\n```\n\nhttps://x/o\n");
  }

  @Test
  void shouldNeverReadAValueAsASectionOrAPlaceholder() {
    MailService.Rendered email = MailTextRenderer.render("Hi", "Hello {{name}},\n\n{{#moved}}moved{{/moved}}\n",
        Map.of("name", "{{#moved}}{{/moved}}{{name}}", "moved", ""), Set.of());
    assertThat(email.text()).contains("Hello {{#moved}}{{/moved}}{{name}},").doesNotContain("moved\n");
  }

  @Test
  void shouldRefuseSectionsThatAreNotClosedClosedTwiceOrOfUnknownVariables() {
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{offerLink}} {{#fromWaitlist}}free")).contains(
        "body: {{#fromWaitlist}} is not closed: end the part shown only then with {{/fromWaitlist}}.");
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{offerLink}} free{{/fromWaitlist}}")).contains(
        "body: {{/fromWaitlist}} closes no part: open it with {{#fromWaitlist}} or {{^fromWaitlist}}.");
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{offerLink}} {{#fromWaitlist}}a{{#deadline}}b{{/fromWaitlist}}{{/deadline}}")).contains(
        "body: {{/fromWaitlist}} closes no part: open it with {{#fromWaitlist}} or {{^fromWaitlist}}.");
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{offerLink}} {{#volunteer}}a{{/volunteer}}"))
        .contains("body: {{#volunteer}} is not a variable of this email.");
  }

  @Test
  void shouldRefuseARequiredLinkGivenOnlyInAPartShownSometimes() {
    String reason = "body: this email must give {{offerLink}} (the applicant's personal link to accept or decline "
        + "the place (works once)), outside any part shown only sometimes.";
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{^offerLink}}{{offerLink}}{{/offerLink}}")).containsExactly(reason);
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{#fromWaitlist}}{{offerLink}}{{/fromWaitlist}}")).containsExactly(reason);
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{#offerLink}}{{^fromWaitlist}}{{offerLink}}{{/fromWaitlist}}{{/offerLink}}"))
        .containsExactly(reason);
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "Hello {{name}}, {{#offerLink}}[answer]({{offerLink}}){{/offerLink}}")).isEmpty();
    assertThat(MailTextRenderer.problems(MailTemplate.APPLICATION_ACCEPTED, "S",
        "{{#fromWaitlist}}free{{/fromWaitlist}} {{offerLink}}")).isEmpty();
  }

  /**
   * The starting texts say what the default templates say in each situation: a place offered from the waitlist, a
   * moved check-in, a Navigator welcomed to a team (no withdrawal link), a volunteer asked for the survey.
   */
  @Test
  void shouldStartFromTextsThatVaryWithTheSituationAsTheDefaultTemplatesDo() {
    assertThat(starterText(MailTemplate.APPLICATION_ACCEPTED, Map.of("fromWaitlist", "yes")))
        .contains("a place has become free").doesNotContain("Congratulations");
    assertThat(starterText(MailTemplate.APPLICATION_ACCEPTED, Map.of())).contains("Congratulations")
        .doesNotContain("become free");
    assertThat(starterText(MailTemplate.MEETING_INVITATION, Map.of("moved", "yes"))).contains("has moved");
    assertThat(starterText(MailTemplate.MEETING_INVITATION, Map.of())).contains("has set");
    assertThat(starterText(MailTemplate.TEAM_WELCOME, Map.of())).doesNotContain("withdraw at any time");
    assertThat(starterText(MailTemplate.TEAM_WELCOME, Map.of("withdrawLink", "https://x/withdraw/t")))
        .contains("withdraw at any time");
    assertThat(starterText(MailTemplate.PLACE_CONFIRMED, Map.of())).doesNotContain("withdraw");
    assertThat(starterText(MailTemplate.SURVEY_INVITATION, Map.of("volunteer", "yes"))).contains("as a volunteer");
    assertThat(starterText(MailTemplate.MIDPOINT_CHECK, Map.of("volunteer", "yes"))).contains("as a volunteer");
    assertThat(starterText(MailTemplate.MIDPOINT_CHECK, Map.of())).doesNotContain("as a volunteer");
  }

  private static String starterText(MailTemplate template, Map<String, String> values) {
    MailTexts.Draft starter = MailTexts.starter(template);
    return MailTextRenderer.render(starter.subject(), starter.body(), values, Set.of()).text();
  }
}
