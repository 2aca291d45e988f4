package space.djangonaut.missioncontrol.application;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import space.djangonaut.missioncontrol.common.FormPage;
import space.djangonaut.missioncontrol.common.FormPage.Choice;
import space.djangonaut.missioncontrol.common.FormPage.Field;
import space.djangonaut.missioncontrol.common.FormPage.Problem;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.FormSchema.Question;

/**
 * The public application page drawn from the deployed schema ({@link ApplyFormSchema}) with the generic renderer
 * ({@link FormPage}): one {@link Field} per component, in the schema's order, for {@code apply/form.html} to draw
 * with {@code fragments/form-components}. Known questions take their value, limits and messages from
 * {@link ApplicationForm} (its binding result) and Mission Control's own widgets (time zone, slot grid, Code of
 * Conduct); the others from the schema and {@link ApplyFormSchema#validate}.
 */
final class ApplyPage {

  private ApplyPage() {}

  /**
   * The fields to draw.
   *
   * @param bound the known questions' binding result (their values as typed and their errors)
   * @param others what was sent for the other questions, with their errors (empty on a first visit)
   * @param messages the text of a binding error (the message source's, e.g. {@code typeMismatch}, else its default)
   */
  static List<Field> fields(ApplyFormSchema schema, BindingResult bound, FormSchema.Answers others,
      List<String> projects, Function<ObjectError, String> messages) {
    List<Field> fields = new ArrayList<>();
    for (Question q : schema.questions()) {
      if (q.type().equals("text")) {
        fields.add(FormPage.text(q));
      } else if (q.known()) {
        fields.add(known(q, bound, projects, messages));
      } else {
        fields.add(FormPage.other(q, others, null));
      }
    }
    return fields;
  }

  /** The error summary's lines: the page's own errors first, then each field's, in the order of the page. */
  static List<Problem> problems(List<Field> fields, BindingResult bound, Function<ObjectError, String> messages) {
    return FormPage.problems(fields, bound, messages);
  }

  static String markdown(String text) {
    return FormPage.markdown(text);
  }

  private static Field known(Question q, BindingResult bound, List<String> projects,
      Function<ObjectError, String> messages) {
    String key = q.key();
    List<String> errors = new ArrayList<>();
    for (FieldError error : bound.getFieldErrors()) {
      String field = error.getField();
      if (field.equals(key) || field.equals(key + "Known")) {
        errors.add(messages.apply(error));
      }
    }
    // The raw value for a list (the formatted one would be "TUE-18,THU-21", one string), the formatted one otherwise.
    Object raw = bound.getRawFieldValue(key);
    Object formatted = raw instanceof List ? null : bound.getFieldValue(key);
    String value = formatted == null ? "" : String.valueOf(formatted);
    @SuppressWarnings("unchecked")
    List<String> values = raw instanceof List<?> list ? (List<String>) list : List.of();
    List<Choice> choices = List.of();
    String kind;
    String inputType = null;
    String autocomplete = null;
    switch (key) {
      case "timezone" -> kind = "timezone";
      case "availability" -> kind = "availability";
      case "codeOfConductAccepted" -> kind = "codeOfConduct";
      case "djangoExperience" -> {
        kind = "radio";
        List<Choice> all = new ArrayList<>();
        for (DjangoExperience experience : DjangoExperience.values()) {
          all.add(new Choice(experience.getLabel(), experience.name(), experience.name().equals(value)));
        }
        choices = all;
      }
      case "project" -> {
        kind = "select";
        choices = projects.stream().map(p -> new Choice(p, p, p.equals(value))).toList();
      }
      case "shareContact" -> kind = "checkbox";
      case "experienceDetails", "motivation" -> kind = "textarea";
      default -> {
        kind = "input";
        inputType = switch (key) {
          case "email" -> "email";
          case "contributionUrl" -> "url";
          case "hoursPerWeek" -> "number";
          default -> "text";
        };
        autocomplete = switch (key) {
          case "name" -> "name";
          case "email" -> "email";
          case "chatHandle" -> "off";
          default -> null;
        };
      }
    }
    boolean number = key.equals("hoursPerWeek");
    return FormPage.field(q, kind, inputType, value, values, choices, errors, maxSize(key),
        number ? "1" : null, number ? "40" : null, number ? "1" : null, autocomplete, null);
  }

  /** The smallest {@code @Size(max)} of a field of {@link ApplicationForm}, or null. */
  private static Integer maxSize(String key) {
    try {
      Integer max = null;
      for (Size size : ApplicationForm.class.getDeclaredField(key).getAnnotationsByType(Size.class)) {
        if (size.max() != Integer.MAX_VALUE) {
          max = max == null ? size.max() : Math.min(max, size.max());
        }
      }
      return max;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** The fields' values for a first visit: nothing typed yet. */
  static FormSchema.Answers nothingSent() {
    return FormSchema.Answers.none();
  }
}
