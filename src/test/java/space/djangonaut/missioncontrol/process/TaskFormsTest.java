package space.djangonaut.missioncontrol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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
}
