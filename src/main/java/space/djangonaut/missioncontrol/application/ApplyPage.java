package space.djangonaut.missioncontrol.application;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import space.djangonaut.missioncontrol.application.ApplyFormSchema.Question;
import space.djangonaut.missioncontrol.common.PublicForms;

/**
 * The public application page drawn from the deployed schema ({@link ApplyFormSchema}): one {@link Field} per
 * component, in the schema's order, for {@code apply/form.html} to draw with {@code fragments/form-components}.
 * Known questions take their value, limits and messages from {@link ApplicationForm} (its binding result); the
 * others from the schema and {@link ApplyFormSchema#validate}. Organisers' text is Markdown with raw HTML escaped
 * and unsafe links removed (commonmark-java), so nothing they write becomes markup or code on the page.
 */
final class ApplyPage {

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private ApplyPage() {}

  /** One choice of a select, radio or checklist, with whether it is chosen. */
  record Choice(String label, String value, boolean chosen) {}

  /**
   * One component as the page draws it.
   *
   * @param kind the fragment that draws it: markdown, input, textarea, select, radio, checkbox, checklist, timezone,
   *     availability or codeOfConduct
   * @param html what the page draws as HTML: a text component's rendered Markdown, the time zone list's
   *     {@code <option>}s ({@link PublicForms#zoneOptions}); null for the others
   * @param describedBy the ids of its hint and error, for {@code aria-describedby}, or null
   */
  record Field(String key, String kind, String label, String hint, boolean required, String inputType,
      String value, List<String> values, List<Choice> choices, List<String> errors, String html, Integer maxlength,
      String min, String max, String step, String autocomplete, String describedBy) {

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    public String error() {
      return String.join(" ", errors);
    }
  }

  /** A line of the error summary: the element it links to and the message. */
  record Problem(String anchor, String message) {}

  /**
   * The fields to draw.
   *
   * @param bound the known questions' binding result (their values as typed and their errors)
   * @param others what was sent for the other questions, with their errors (empty on a first visit)
   * @param messages the text of a binding error (the message source's, e.g. {@code typeMismatch}, else its default)
   */
  static List<Field> fields(ApplyFormSchema schema, BindingResult bound, ApplyFormSchema.Answers others,
      List<String> projects, Function<ObjectError, String> messages) {
    List<Field> fields = new ArrayList<>();
    for (Question q : schema.questions()) {
      if (q.type().equals("text")) {
        fields.add(new Field(null, "markdown", null, null, false, null, null, List.of(), List.of(), List.of(),
            markdown(q.text()), null, null, null, null, null, null));
      } else if (q.known()) {
        fields.add(known(q, bound, projects, messages));
      } else {
        fields.add(other(q, others));
      }
    }
    return fields;
  }

  /** The error summary's lines: the page's own errors first, then each field's, in the order of the page. */
  static List<Problem> problems(List<Field> fields, BindingResult bound, Function<ObjectError, String> messages) {
    List<Problem> problems = new ArrayList<>();
    for (ObjectError error : bound.getGlobalErrors()) {
      problems.add(new Problem(null, messages.apply(error)));
    }
    for (Field field : fields) {
      for (String message : field.errors()) {
        problems.add(new Problem(field.key(), message));
      }
    }
    return problems;
  }

  static String markdown(String text) {
    return text == null ? "" : HTML.render(MARKDOWN.parse(text));
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
    return field(q, kind, inputType, value, values, choices, errors, maxSize(key),
        number ? "1" : null, number ? "40" : null, number ? "1" : null, autocomplete);
  }

  private static Field other(Question q, ApplyFormSchema.Answers others) {
    List<String> given = others.given().getOrDefault(q.key(), List.of());
    String value = given.isEmpty() ? "" : given.get(0);
    String error = others.errors().get(q.key());
    List<String> errors = error == null ? List.of() : List.of(error);
    List<Choice> choices = q.options().stream()
        .map(o -> new Choice(o.label(), o.value(), given.contains(o.value()))).toList();
    String kind;
    String inputType = null;
    String step = null;
    switch (q.type()) {
      case "textfield" -> {
        kind = "input";
        inputType = "email".equals(q.validationType()) ? "email" : "phone".equals(q.validationType()) ? "tel" : "text";
      }
      case "number" -> {
        kind = "input";
        inputType = "number";
        step = q.decimalDigits() == null ? "any"
            : java.math.BigDecimal.ONE.movePointLeft(q.decimalDigits()).toPlainString();
      }
      case "datetime" -> {
        kind = "input";
        inputType = "date";
      }
      default -> kind = q.type();
    }
    if (kind.equals("checkbox")) {
      value = String.valueOf(value.equals("true") || value.equals("on"));
    }
    return field(q, kind, inputType, value, given, choices, errors, q.maxLength(),
        q.min() == null ? null : q.min().toPlainString(), q.max() == null ? null : q.max().toPlainString(), step,
        null);
  }

  private static Field field(Question q, String kind, String inputType, String value, List<String> values,
      List<Choice> choices, List<String> errors, Integer maxlength, String min, String max, String step,
      String autocomplete) {
    List<String> describedBy = new ArrayList<>();
    if (q.description() != null) {
      describedBy.add(q.key() + "-hint");
    }
    if (!errors.isEmpty()) {
      describedBy.add(q.key() + "-error");
    }
    return new Field(q.key(), kind, q.label() == null ? q.key() : q.label(), q.description(), q.required(),
        inputType, value, values, choices, List.copyOf(errors),
        // The time zone list comes drawn: see PublicForms.zoneOptions.
        kind.equals("timezone") ? PublicForms.zoneOptions(value) : null,
        kind.equals("input") || kind.equals("textarea") ? maxlength : null, min, max, step, autocomplete,
        describedBy.isEmpty() ? null : String.join(" ", describedBy));
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
  static ApplyFormSchema.Answers nothingSent() {
    return new ApplyFormSchema.Answers(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
        Map.of(), Map.of());
  }
}
