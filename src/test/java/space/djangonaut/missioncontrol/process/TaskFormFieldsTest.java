package space.djangonaut.missioncontrol.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;

/** Which variables a Camunda Form submits, read from its schema as Tasklist's form-js submits it. */
class TaskFormFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldTakeEveryKeyOfTheReviewFormReadOnlyAnswersIncludedButNotItsTexts() throws IOException {
    assertThat(TaskFormFields.fieldsOf(form("review-application"))).containsExactlyInAnyOrder(
        "applicantName", "cohortName", "applicantProject", "applicantTimezone", "applicantAvailability",
        "applicantHoursPerWeek", "applicantDjangoExperience", "applicantExperienceDetails", "applicantMotivation",
        "applicantContributionUrl", "applicantOtherAnswers", "firstReviewer", "firstReviewScores", "firstReviewRecommendation",
        "firstReviewComment", "secondReviewer", "secondReviewScores", "secondReviewRecommendation",
        "secondReviewComment", "tieBreakRule", "applicantHistory", "scoreMotivation", "scoreExperience", "scoreAvailability", "scoreCommunity",
        "recommendation", "reviewComment");
  }

  @Test
  void shouldTakeNestedKeysTheFirstSegmentOfDottedKeysAndPathsButNotButtonsOrDisabledFields() throws IOException {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"type": "textfield", "key": "name"},
          {"type": "group", "components": [{"type": "number", "key": "inner"}]},
          {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
          {"type": "dynamiclist", "path": "people.list", "components": [{"type": "textfield", "key": "who"}]},
          {"type": "textfield", "key": "contact.email"},
          {"type": "textfield", "key": "locked", "disabled": true},
          {"type": "button", "key": "submit", "action": "submit"},
          {"type": "text", "text": "Hello"}
        ]}
        """);

    assertThat(TaskFormFields.fieldsOf(form)).containsExactlyInAnyOrder("name", "inner", "address", "people",
        "contact");
  }

  /**
   * The guard lets a reviewer, Navigator or Captain write their form's fields; none of those may be a variable the
   * steps, gateways or timers trust, or the form itself would be the door.
   */
  @Test
  void shouldKeepTheFieldsOfTheFormsNonOrganisersFillApartFromEveryProcessVariable() throws IOException {
    Set<String> variables = ProcessNames.ALL.stream()
        .flatMap(names -> Arrays.stream(names.getFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class)
        .map(TaskFormFieldsTest::variableName).collect(Collectors.toSet());
    assertThat(variables).contains("applicationId", "cohortId", "teamId", "week", "offerDeadline");

    for (String form : List.of(ApplicationProcess.FORM_REVIEW_APPLICATION, TeamProcess.FORM_RECORD_CHECK_IN,
        TeamProcess.FORM_HOLD_ONE_TO_ONE)) {
      assertThat(TaskFormFields.fieldsOf(form(form))).as(form).doesNotContainAnyElementsOf(variables);
    }
  }

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(Path.of("forms", id + ".form").toFile());
  }

  private static String variableName(Field field) {
    try {
      return ((Variable<?>) field.get(null)).name();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
