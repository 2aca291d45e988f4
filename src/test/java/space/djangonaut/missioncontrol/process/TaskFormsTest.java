package space.djangonaut.missioncontrol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.application.Recommendation;
import space.djangonaut.missioncontrol.application.ReviewScores;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.mentorship.CheckInReport;

/** The edge between a submitted Camunda Form and the domain: binding, conversion and the messages people read. */
class TaskFormsTest {

  private final TaskForms forms = new TaskForms(Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void shouldBindAReviewAsTheFormSubmitsIt() {
    ReviewScores scores = forms.bind(Map.of("scoreMotivation", 5L, "scoreExperience", "4", "scoreAvailability",
        3.0, "scoreCommunity", 2, "recommendation", "Accept", "reviewComment", "  Solid.  "), ReviewScores.class);

    assertThat(scores).isEqualTo(new ReviewScores(5, 4, 3, 2, Recommendation.ACCEPT, "Solid."));
  }

  @Test
  void shouldRefuseAWholeNumberPastTheLargestIdRatherThanWrapItAround() {
    Map<String, String> problems = new HashMap<>();

    Object converted = TaskForms.convert("replacementVolunteerId", new java.math.BigInteger("99999999999999999999"),
        Long.class, problems);

    assertThat(converted).as("not wrapped to 7766279631452241919").isNull();
    assertThat(problems).containsEntry("replacementVolunteerId", "give a whole number.");
    assertThat(TaskForms.convert("x", 1e20, Long.class, problems)).isNull();
    assertThat(TaskForms.convert("x", 7.0, Long.class, problems)).isEqualTo(7L);
  }

  @Test
  void shouldNameEachFieldThatIsMissingOrOutOfRange() {
    assertThatThrownBy(() -> forms.bind(Map.of("scoreMotivation", 9L, "scoreExperience", 2.5,
        "scoreAvailability", "three", "recommendation", "perhaps"), ReviewScores.class))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("recommendation: choose accept, maybe or reject. scoreAvailability: give a whole number. "
            + "scoreExperience: give a whole number.");
    assertThatThrownBy(() -> forms.bind(Map.of("scoreMotivation", 9L, "scoreExperience", 2,
        "scoreAvailability", 3, "recommendation", "maybe"), ReviewScores.class))
        .hasMessage("scoreCommunity: give a whole number from 1 to 5. scoreMotivation: give a whole number from 1 "
            + "to 5.");
  }

  @Test
  void shouldReadEmptyCountsAsZeroAndBlankTextAsNothing() {
    CheckInReport report = forms.bind(Map.of("checkInHeld", true, "prReviewComments", "", "blockers", "  "),
        CheckInReport.class);

    assertThat(report.prReviewComments()).isZero();
    assertThat(report.blockers()).isNull();
    assertThat(report.checkInHeld()).isTrue();
  }

  @Test
  void shouldBindAStartFormBeanKeepingItsDefaultsAndReadingDates() {
    Map<String, Object> submitted = new HashMap<>(Map.of("name", "Session 6", "slug", "session-6",
        "applicationsOpenOn", "2026-12-01", "applicationsCloseOn", "2026-12-20T00:00:00", "startsOn", "2027-01-10"));

    CohortForm form = forms.bind(submitted, CohortForm.class);

    assertThat(form.getApplicationsCloseOn()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(form.getWeeks()).isEqualTo(8);
    assertThat(forms.variablesOf(form)).containsEntry("startsOn", "2027-01-10").containsEntry("weeks", 8L);
  }

  @Test
  void shouldRefuseAStartFormThatBreaksARuleOfTheForm() {
    Map<String, Object> submitted = Map.of("name", "Session 6", "slug", "Session 6!", "applicationsOpenOn",
        "2026-12-20", "applicationsCloseOn", "2026-12-01", "startsOn", "someday");

    assertThatThrownBy(() -> forms.bind(submitted, CohortForm.class))
        .hasMessage("startsOn: give a date as YYYY-MM-DD.");
    assertThatThrownBy(() -> forms.bind(Map.of("name", "Session 6", "slug", "Session 6!", "applicationsOpenOn",
        "2026-12-20", "applicationsCloseOn", "2026-12-01", "startsOn", "2027-01-10"), CohortForm.class))
        .hasMessageContaining("slug: Use lower-case letters, digits and single hyphens only.")
        .hasMessageContaining("Applications must close on or after the day they open.")
        .hasMessageNotContaining("windowOrdered");
  }

  /**
   * What {@link TaskForms#show} draws keeps no history (config/HistoryWithoutFormFields), so a form must never let
   * a person edit a field that its task draws: what they wrote there would have no history either. Each view's
   * fields are read-only in every form that shows them all, and every view is shown by some form.
   */
  @Test
  void shouldDrawOnlyFieldsThatEveryFormShowingThemKeepsReadOnly() throws IOException {
    Map<String, Map<String, Boolean>> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        Map<String, Boolean> readOnly = new HashMap<>();
        collect(new ObjectMapper().readTree(file.toFile()).path("components"), readOnly);
        forms.put(file.getFileName().toString(), readOnly);
      }
    }
    for (Class<? extends Record> view : TaskForms.views()) {
      Set<String> fields = new HashSet<>();
      for (RecordComponent component : view.getRecordComponents()) {
        fields.add(component.getName());
        assertThat(TaskForms.isDrawn("a task", component.getName())).isTrue();
        assertThat(TaskForms.isDrawn(null, component.getName())).as("a variable of an execution").isFalse();
      }
      List<String> showing = new ArrayList<>();
      forms.forEach((form, readOnly) -> {
        if (readOnly.keySet().containsAll(fields)) {
          showing.add(form);
          fields.forEach(field -> assertThat(readOnly.get(field)).as(form + " " + field + " read-only").isTrue());
        }
      });
      assertThat(showing).as("forms showing " + view.getSimpleName()).isNotEmpty();
    }
  }

  private static void collect(JsonNode components, Map<String, Boolean> readOnly) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        readOnly.put(component.get("key").asText(), component.path("readonly").asBoolean(false));
      }
      collect(component.path("components"), readOnly);
    }
  }

  @Test
  void shouldRefuseToDrawARecordThatIsNotOneOfItsViews() {
    record Secret(String motivation) {}
    assertThatThrownBy(() -> forms.show(null, new Secret("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not one of the views TaskForms draws");
  }
}
