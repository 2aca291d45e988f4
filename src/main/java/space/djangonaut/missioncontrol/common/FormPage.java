package space.djangonaut.missioncontrol.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import space.djangonaut.missioncontrol.common.FormSchema.Question;

/**
 * A public page drawn from a Camunda Form ({@link FormSchema}): one {@link Field} per component, in the schema's
 * order, for {@code templates/fragments/form-components.html} to draw as plain, accessible HTML that works without
 * JavaScript. A question the page binds to a record ({@link Question#known}) takes its value and errors from the
 * binding result ({@link #bound}); the others from what was sent and {@link FormSchema#validate} ({@link #other}).
 * Organisers' text is Markdown with raw HTML escaped and unsafe links removed (commonmark-java), so nothing they
 * write becomes markup or code on the page. Used by the application form, the feedback survey and the mid-point
 * check.
 */
public final class FormPage {

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private FormPage() {}

  /** One choice of a select, radio or checklist, with whether it is chosen. */
  public record Choice(String label, String value, boolean chosen) {}

  /**
   * One component as the page draws it.
   *
   * @param kind the fragment that draws it: markdown, input, textarea, select, radio, checkbox, checklist (and the
   *     application form's own timezone, availability and codeOfConduct)
   * @param html what the page draws as HTML: a text component's rendered Markdown, the time zone list's
   *     {@code <option>}s ({@link PublicForms#zoneOptions}); null for the others
   * @param describedBy the ids of its hint and error, for {@code aria-describedby}, or null
   */
  public record Field(String key, String kind, String label, String hint, boolean required, String inputType,
      String value, List<String> values, List<Choice> choices, List<String> errors, String html, Integer maxlength,
      String min, String max, String step, String autocomplete, String describedBy) {

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    public String error() {
      return String.join(" ", errors);
    }
  }

  /** A line of the error summary: the element it links to (null for the page's own) and the message. */
  public record Problem(String anchor, String message) {}

  /** The HTML of organisers' Markdown: raw HTML escaped, unsafe links removed. */
  public static String markdown(String text) {
    return text == null ? "" : HTML.render(MARKDOWN.parse(text));
  }

  /** A {@code text} component. */
  public static Field text(Question q) {
    return new Field(null, "markdown", null, null, false, null, null, List.of(), List.of(), List.of(),
        markdown(q.text()), null, null, null, null, null, null);
  }

  /**
   * The error summary's lines: the binding's page errors first (none if {@code bound} is null), then each field's,
   * in the order of the page.
   */
  public static List<Problem> problems(List<Field> fields, BindingResult bound,
      Function<ObjectError, String> messages) {
    List<Problem> problems = new ArrayList<>();
    if (bound != null) {
      for (ObjectError error : bound.getGlobalErrors()) {
        problems.add(new Problem(null, messages.apply(error)));
      }
    }
    for (Field field : fields) {
      for (String message : field.errors()) {
        problems.add(new Problem(field.key(), message));
      }
    }
    return problems;
  }

  /**
   * A question validated from the schema, with what was sent and its error ({@link FormSchema#validate}).
   *
   * @param label the label to show (the schema's, or another the page chose), null for the key
   */
  public static Field other(Question q, FormSchema.Answers sent, String label) {
    List<String> given = sent.given().getOrDefault(q.key(), List.of());
    String error = sent.errors().get(q.key());
    return drawn(q, given, error == null ? List.of() : List.of(error), label);
  }

  /**
   * A question bound to a record, drawn as the schema says (its type, label and options), with the bound value and
   * the binding's errors for it (their text from {@code messages}). Its {@code maxlength} is the schema's
   * {@code maxLength}, which must equal the record's {@code @Size(max)} ({@code FormLengthLimitsTest} checks).
   */
  public static Field bound(Question q, BindingResult bound, Function<ObjectError, String> messages, String label) {
    List<String> errors = new ArrayList<>();
    for (FieldError error : bound.getFieldErrors(q.key())) {
      errors.add(messages.apply(error));
    }
    Object raw = bound.getRawFieldValue(q.key());
    List<String> given = new ArrayList<>();
    if (raw instanceof List<?> list) {
      list.forEach(v -> given.add(String.valueOf(v)));
    } else if (raw instanceof Enum<?> e) {
      given.add(e.name());
    } else if (raw != null) {
      given.add(String.valueOf(raw));
    }
    return drawn(q, given, errors, label);
  }

  private static Field drawn(Question q, List<String> given, List<String> errors, String label) {
    String value = given.isEmpty() ? "" : given.get(0);
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
        step = q.decimalDigits() == null ? "any" : BigDecimal.ONE.movePointLeft(q.decimalDigits()).toPlainString();
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
        null, label);
  }

  /** A field of any kind, with its hint and error named for {@code aria-describedby}. */
  public static Field field(Question q, String kind, String inputType, String value, List<String> values,
      List<Choice> choices, List<String> errors, Integer maxlength, String min, String max, String step,
      String autocomplete, String label) {
    List<String> describedBy = new ArrayList<>();
    if (q.description() != null) {
      describedBy.add(q.key() + "-hint");
    }
    if (!errors.isEmpty()) {
      describedBy.add(q.key() + "-error");
    }
    String shown = label != null ? label : q.label() == null ? q.key() : q.label();
    return new Field(q.key(), kind, shown, q.description(), q.required(),
        inputType, value, values, choices, List.copyOf(errors),
        // The time zone list comes drawn: see PublicForms.zoneOptions.
        kind.equals("timezone") ? PublicForms.zoneOptions(value) : null,
        kind.equals("input") || kind.equals("textarea") ? maxlength : null, min, max, step, autocomplete,
        describedBy.isEmpty() ? null : String.join(" ", describedBy));
  }
}
