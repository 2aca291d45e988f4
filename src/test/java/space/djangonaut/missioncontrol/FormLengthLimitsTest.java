package space.djangonaut.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ReviewScores;
import space.djangonaut.missioncontrol.application.SelectionChanges;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.mentorship.CheckInReport;
import space.djangonaut.missioncontrol.mentorship.OneToOneReport;
import space.djangonaut.missioncontrol.survey.ConcernFollowUp;
import space.djangonaut.missioncontrol.survey.MidpointForm;
import space.djangonaut.missioncontrol.survey.SurveyForm;
import space.djangonaut.missioncontrol.team.ReplacementChoice;
import space.djangonaut.missioncontrol.team.TeamAdjustmentRequest;
import space.djangonaut.missioncontrol.team.TeamPlacement;
import space.djangonaut.missioncontrol.volunteer.VolunteerDecision;
import space.djangonaut.missioncontrol.volunteer.VolunteerForm;

/**
 * The page and the server count to the same number: every text field a person types into, on Mission Control's
 * pages and in the Camunda Forms of Tasklist, has a {@code maxlength} (HTML) or {@code validate.maxLength} (Camunda
 * Forms) equal to the {@code @Size(max)} of the field it is bound to, and no such field is limited on one side only.
 * Line breaks count once on both sides (common.FormText).
 */
class FormLengthLimitsTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path FORMS = Path.of("forms");

  /** Each page with a form object, and the class it binds. */
  private static final Map<String, Class<?>> PAGES = Map.of(
      "volunteer/form.html", VolunteerForm.class,
      "organiser/cohort-form.html", CohortForm.class);

  /** Fields on pages that people never type into. */
  private static final Set<String> NOT_TYPED = Set.of();

  /** Each Camunda Form, and the record its task's step binds (null: its step binds nothing it typed). */
  private static final Map<String, Class<?>> CAMUNDA_FORMS = new LinkedHashMap<>();

  static {
    // The public page is drawn from it (application.ApplyPage): its known questions take their maxlength from
    // ApplicationForm, its other questions from the schema, which the server validates them with.
    CAMUNDA_FORMS.put("apply.form", ApplicationForm.class);
    // The survey and mid-point pages are drawn from them (survey.SurveyPage) as the application page is: their fixed
    // keys bind to these records, with the schema's maxLength on the page; other questions are validated from the
    // schema.
    CAMUNDA_FORMS.put("feedback-survey.form", SurveyForm.class);
    CAMUNDA_FORMS.put("midpoint-check.form", MidpointForm.class);
    CAMUNDA_FORMS.put("review-application.form", ReviewScores.class);
    CAMUNDA_FORMS.put("open-cohort.form", CohortForm.class);
    CAMUNDA_FORMS.put("finalise-selection.form", SelectionChanges.class);
    CAMUNDA_FORMS.put("confirm-teams.form", TeamAdjustmentRequest.class);
    CAMUNDA_FORMS.put("record-check-in.form", CheckInReport.class);
    CAMUNDA_FORMS.put("hold-one-to-one.form", OneToOneReport.class);
    CAMUNDA_FORMS.put("approve-volunteer.form", VolunteerDecision.class);
    CAMUNDA_FORMS.put("place-in-team.form", TeamPlacement.class);
    CAMUNDA_FORMS.put("replace-volunteer.form", ReplacementChoice.class);
    CAMUNDA_FORMS.put("follow-up-concern.form", ConcernFollowUp.class);
    // The announcement's link stays a process variable that nothing reads back; the form's limit is its only one.
    CAMUNDA_FORMS.put("publish-report.form", null);
  }

  /** The Camunda Forms drawn on public pages, whose questions not bound to the record the schema validates. */
  private static final Set<String> DRAWN_ON_PUBLIC_PAGES = Set.of("apply.form", "feedback-survey.form",
      "midpoint-check.form");

  private static final Pattern TEXT_FIELD = Pattern.compile("<(input|textarea)\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern CHOICE = Pattern.compile("<select\\b[^>]*th:field=\"\\*\\{(\\w+)}\"");
  private static final Pattern BOUND = Pattern.compile("th:field=\"\\*\\{(\\w+)}\"");
  private static final Pattern TYPE = Pattern.compile("\\btype=\"(\\w+)\"");
  private static final Pattern MAXLENGTH = Pattern.compile("\\bmaxlength=\"(\\d+)\"");
  private static final Set<String> NOT_TEXT = Set.of("hidden", "checkbox", "radio", "number", "date", "submit");

  @Test
  void shouldGiveEveryTextFieldOfEveryPageTheMaxlengthOfItsSizeOnTheServer() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      files.filter(file -> file.toString().endsWith(".html")).forEach(file -> {
        String page = TEMPLATES.relativize(file).toString().replace('\\', '/');
        if (read(file).contains("th:object=") && !PAGES.containsKey(page)) {
          problems.add(page + " binds a form object this test does not know: add it to PAGES");
        }
      });
    }
    PAGES.forEach((page, form) -> {
      Set<String> limitedOnPage = new TreeSet<>();
      Matcher field = TEXT_FIELD.matcher(read(TEMPLATES.resolve(page)));
      while (field.find()) {
        String attributes = field.group(2);
        Matcher bound = BOUND.matcher(attributes);
        Matcher type = TYPE.matcher(attributes);
        if (!bound.find() || field.group(1).equals("input") && type.find() && NOT_TEXT.contains(type.group(1))
            || NOT_TYPED.contains(page + "#" + bound.group(1))) {
          continue;
        }
        String name = bound.group(1);
        Matcher maxlength = MAXLENGTH.matcher(attributes);
        Integer onPage = maxlength.find() ? Integer.valueOf(maxlength.group(1)) : null;
        Integer onServer = maxSize(form, name);
        limitedOnPage.add(name);
        if (onPage == null || !onPage.equals(onServer)) {
          problems.add(page + " " + name + ": maxlength " + onPage + ", but " + form.getSimpleName()
              + " allows " + onServer);
        }
      }
      Matcher select = CHOICE.matcher(read(TEMPLATES.resolve(page)));
      while (select.find()) {
        limitedOnPage.add(select.group(1)); // chosen from a list, not typed
      }
      for (String name : limitedTextFields(form)) {
        if (!limitedOnPage.contains(name)) {
          problems.add(form.getSimpleName() + "." + name + " has a @Size(max) but no text field on " + page);
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldGiveEveryTextFieldOfEveryCamundaFormTheMaxLengthOfItsSizeOnTheServer() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".form"))
          .filter(name -> !CAMUNDA_FORMS.containsKey(name))
          .forEach(name -> problems.add(name + " is a form this test does not know: add it to CAMUNDA_FORMS"));
    }
    for (var entry : CAMUNDA_FORMS.entrySet()) {
      Class<?> binds = entry.getValue();
      Set<String> limitedInForm = new TreeSet<>();
      for (JsonNode component : components(new ObjectMapper().readTree(FORMS.resolve(entry.getKey()).toFile()))) {
        String type = component.path("type").asText();
        if (type.equals("select")) {
          limitedInForm.add(component.path("key").asText()); // chosen from a list, not typed
        }
        if (!(type.equals("textfield") || type.equals("textarea")) || component.path("readonly").asBoolean()
            || component.path("disabled").asBoolean() || binds == null) {
          continue;
        }
        String key = component.path("key").asText();
        if (DRAWN_ON_PUBLIC_PAGES.contains(entry.getKey()) && !hasField(binds, key)) {
          continue; // another question of a form drawn on a public page: validated from the schema itself
        }
        JsonNode maxLength = component.path("validate").path("maxLength");
        Integer inForm = maxLength.isMissingNode() ? null : maxLength.asInt();
        Integer onServer = maxSize(binds, key);
        limitedInForm.add(key);
        if (inForm == null || !inForm.equals(onServer)) {
          problems.add(entry.getKey() + " " + key + ": maxLength " + inForm + ", but " + binds.getSimpleName()
              + " allows " + onServer);
        }
      }
      if (binds != null) {
        for (String name : limitedTextFields(binds)) {
          if (!limitedInForm.contains(name)) {
            problems.add(binds.getSimpleName() + "." + name + " has a @Size(max) but no text field in "
                + entry.getKey());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The smallest {@code @Size(max)} of a String field (or record component), or null if it has none. */
  private static Integer maxSize(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      Integer max = null;
      for (Size size : field.getAnnotationsByType(Size.class)) {
        if (size.max() != Integer.MAX_VALUE) {
          max = max == null ? size.max() : Math.min(max, size.max());
        }
      }
      return max;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean hasField(Class<?> type, String name) {
    try {
      type.getDeclaredField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static List<String> limitedTextFields(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (field.getType() == String.class && maxSize(type, field.getName()) != null) {
        names.add(field.getName());
      }
    }
    return names;
  }

  private static List<JsonNode> components(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : node.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
