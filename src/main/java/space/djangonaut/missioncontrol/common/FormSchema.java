package space.djangonaut.missioncontrol.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camunda Form (form-js schema as Camunda Modeler 5 writes it for Camunda 7.24, form-js 1.8 components) that a
 * public page of Mission Control draws on the server ({@link FormPage}) and validates from the schema: the
 * application form ({@code application.ApplyFormSchema}), the feedback survey and the mid-point check
 * ({@code survey.SurveyForms}). What each form must keep is its {@link Rules}.
 *
 * <p>Components understood: {@code textfield}, {@code textarea}, {@code number}, {@code select}, {@code radio},
 * {@code checkbox}, {@code checklist}, {@code datetime} (subtype {@code date} only) and {@code text} (Markdown,
 * raw HTML escaped); a {@code button} is ignored (the page has its own). A component's custom properties
 * ({@code properties} in the schema, "Custom properties" in the Modeler) are kept as they are: {@code sensitive:
 * true} is understood here; a form's own page may read others.
 */
public final class FormSchema {

  private static final Logger LOG = LoggerFactory.getLogger(FormSchema.class);

  private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "datetime");
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ()./-]{5,25}");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The most digits a number answer may have before, and after, the decimal point. */
  private static final int MAX_DIGITS = 15;
  /** Ids of elements of every public form page, which no key may take (a question's element has its key as id). */
  private static final Set<String> PAGE_IDS = Set.of("main");

  /**
   * What a form must keep for Mission Control to read it.
   *
   * @param formId the schema's {@code "id"} (the file {@code forms/<formId>.form})
   * @param formName the form as a sentence starts with it ("The application form")
   * @param fixedKeys the keys Mission Control reads, each with the component type it must have (a deployment
   *     without one is refused)
   * @param optionalKnownKeys keys Mission Control reads if present: they may be removed, and keep their type
   * @param reserved names the page itself uses, which no question may take
   * @param maxOtherText the most characters the other text questions may take together (their {@code maxLength}s)
   * @param fixedOptions for a fixed choice, the option values it must offer, exactly (their labels are free)
   * @param requiredKeys fixed keys that must be marked required ({@code validate.required})
   * @param fixedProperties for a fixed key, custom properties it must have with these values
   */
  public record Rules(String formId, String formName, Map<String, String> fixedKeys,
      Map<String, String> optionalKnownKeys, Set<String> reserved, int maxOtherText,
      Map<String, List<String>> fixedOptions, Set<String> requiredKeys,
      Map<String, Map<String, String>> fixedProperties) {

    /** Whether Mission Control reads this key itself (fixed or optional). */
    public boolean known(String key) {
      return key != null && (fixedKeys.containsKey(key) || optionalKnownKeys.containsKey(key));
    }
  }

  /** One option of a select, radio or checklist. */
  public record Option(String label, String value) {}

  /**
   * One component of the form, in the order of the schema.
   *
   * @param key the field key (null for a {@code text} component)
   * @param type the form-js component type
   * @param text the Markdown of a {@code text} component
   * @param min the smallest number a {@code number} takes (inclusive), or null
   * @param max the largest number a {@code number} takes (inclusive), or null
   * @param decimalDigits the decimal places a {@code number} allows, or null for any
   * @param pattern a regular expression the whole answer must match, or null
   * @param validationType form-js's {@code email} or {@code phone}, or null
   * @param sensitive the custom property {@code sensitive} is {@code true}
   * @param known Mission Control reads this key itself ({@link Rules#known}): its page binds it to a record
   * @param properties the component's custom properties, as written
   */
  public record Question(String id, String key, String type, String label, String description, String text,
      boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
      Integer decimalDigits, String pattern, String validationType, List<Option> options, boolean sensitive,
      boolean known, Map<String, String> properties) {

    /** Whether this is a question whose answer is stored as one of the other answers. */
    public boolean other() {
      return key != null && !known;
    }

    /** Whether the answer is chosen from the options (select, radio, checklist) or ticked (checkbox). */
    public boolean choice() {
      return type.equals("select") || type.equals("radio") || type.equals("checklist") || type.equals("checkbox");
    }

    /** The label of an option's value (the value itself if the option is gone). */
    public String labelOf(String value) {
      return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
  }

  /**
   * What a person answered: each answer as typed (strings for text, dates and choices, numbers, booleans, arrays of
   * chosen values), the text they sent for each (to show again), and one message per question answered wrongly.
   */
  public record Answers(ObjectNode typed, Map<String, List<String>> given, Map<String, String> errors) {

    /** Nothing typed yet (a first visit). */
    public static Answers none() {
      return new Answers(JsonNodeFactory.instance.objectNode(), Map.of(), Map.of());
    }
  }

  private final Rules rules;
  private final List<Question> questions;
  private final int version;

  private FormSchema(Rules rules, List<Question> questions, int version) {
    this.rules = rules;
    this.questions = List.copyOf(questions);
    this.version = version;
  }

  /** The questions, in order. */
  public List<Question> questions() {
    return questions;
  }

  /** The deployed version of the form this schema is (0 for a schema not read from the engine). */
  public int version() {
    return version;
  }

  /** What the form must keep. */
  public Rules rules() {
    return rules;
  }

  /**
   * Reads a deployed schema. Every deployed version passed {@link #problems} when it was deployed (the deployment
   * checks refuse any other); a rule added to Mission Control since may find something in an older one, which is then
   * logged and the form drawn as deployed, so that an upgrade never takes a public page down. The organiser sees the
   * reason when they next deploy it.
   *
   * @throws IllegalArgumentException if it is not JSON
   */
  public static FormSchema parse(byte[] json, int version, Rules rules) {
    List<String> problems = problems(json, rules);
    if (!problems.isEmpty()) {
      if (problems.size() == 1 && problems.get(0).startsWith(rules.formName() + " is not JSON")) {
        throw new IllegalArgumentException(problems.get(0));
      }
      LOG.warn("{} version {}, deployed before a rule of this Mission Control, is drawn as deployed: {}",
          rules.formName(), version, String.join(" ", problems));
    }
    List<Question> questions = new ArrayList<>();
    for (JsonNode component : tree(json, rules).path("components")) {
      if (!component.path("type").asText().equals("button")) {
        questions.add(question(component, rules));
      }
    }
    return new FormSchema(rules, questions, version);
  }

  /** Whether a schema is the form of these rules (its {@code "id"} is {@link Rules#formId}). */
  public static boolean isForm(byte[] json, Rules rules) {
    try {
      return rules.formId().equals(JSON.readTree(json).path("id").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The Modeler's settings of a component that the public page would not honour, one sentence each: a default value
   * (the page starts every question empty, so nobody sends an answer they did not give), Read only and Disabled (the
   * page lets people answer every question), and a date's Disallow past dates (not checked by the page). Unset, false
   * or empty values, which the Modeler writes when a box is ticked and unticked again, are not refused.
   */
  private static List<String> ignoredSettings(JsonNode component, String key) {
    List<String> problems = new ArrayList<>();
    JsonNode defaultValue = component.path("defaultValue");
    if (!defaultValue.isMissingNode() && !defaultValue.isNull() && !defaultValue.asText().isEmpty()
        && !(defaultValue.isBoolean() && !defaultValue.asBoolean())) {
      problems.add("The question " + key + " has a default value: the public page starts every question empty"
          + " (nobody should send an answer they did not give), so remove it.");
    }
    if (isSet(component.path("readonly"))) {
      problems.add("The question " + key + " is read-only: the public page lets people answer every question, so"
          + " remove Read only.");
    }
    if (isSet(component.path("disabled"))) {
      problems.add("The question " + key + " is disabled: the public page lets people answer every question, so"
          + " remove Disabled.");
    }
    if (isSet(component.path("disallowPassedDates"))) {
      problems.add("The question " + key + " disallows past dates, which the public page does not check: remove it,"
          + " or say it in the description.");
    }
    return problems;
  }

  /**
   * Whether the Modeler set a switch: true, or a FEEL expression ({@code "=..."}) or other text that may make it
   * true; unset, null, false, {@code "false"} and empty text are not set.
   */
  private static boolean isSet(JsonNode setting) {
    if (setting.isMissingNode() || setting.isNull()) {
      return false;
    }
    if (setting.isBoolean()) {
      return setting.asBoolean();
    }
    String text = setting.asText().strip();
    return !text.isEmpty() && !text.equalsIgnoreCase("false");
  }

  /**
   * Why a schema cannot be used, one sentence each (empty if it can): not JSON; a fixed key missing, of another
   * component type, not required when it must be, without the options or custom properties it must have; a
   * component type the page cannot draw; a key that is not a plain name, is used twice or is one the page needs;
   * a condition ({@code conditional}, FEEL the page does not evaluate); a text question without a
   * {@code maxLength}, or the other text questions together longer than {@link Rules#maxOtherText}; a pattern that
   * is not a regular expression; a choice without options, offering a value twice, or with a value that is empty or
   * has spaces around it (answers are stripped); a key that is another choice's
   * key followed by digits (the page names an option's element {@code <key><n>}) or {@code main}; a number range
   * upside down, or with more than 15 digits (decimal digits included); a setting the page would ignore (a default
   * value, read-only, disabled, past dates disallowed).
   */
  public static List<String> problems(byte[] json, Rules rules) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return List.of(rules.formName() + " is not JSON: " + e.getMessage().lines().findFirst().orElse("") + ".");
    }
    Set<String> keys = new java.util.LinkedHashSet<>();
    Set<String> choiceKeys = new HashSet<>();
    int otherText = 0;
    for (JsonNode component : root.path("components")) {
      String type = component.path("type").asText();
      String id = component.path("id").asText("(no id)");
      if (component.has("conditional")) {
        problems.add("Component " + id + " is shown only under a condition: the public page shows every question"
            + " (without JavaScript), so remove the condition.");
      }
      if (type.equals("button") || type.equals("text")) {
        continue;
      }
      if (!INPUTS.contains(type)) {
        problems.add("Component " + id + " is a " + type + ", which the public page cannot show: use a text field,"
            + " text area, number, select, radio, checkbox, checklist, date or text.");
        continue;
      }
      if (type.equals("datetime") && !component.path("subtype").asText("date").equals("date")) {
        problems.add("Component " + id + " asks for a time: the public page asks only for dates (subtype date).");
      }
      String key = component.path("key").asText("");
      if (!KEY.matcher(key).matches()) {
        problems.add("Component " + id + " has the key \"" + key + "\": a key is a letter followed by letters,"
            + " digits or _ (at most 50).");
        continue;
      }
      if (!keys.add(key)) {
        problems.add("The key " + key + " is used twice.");
      }
      if (type.equals("radio") || type.equals("checklist") || type.equals("checkbox")) {
        choiceKeys.add(key);
      }
      problems.addAll(ignoredSettings(component, key));
      if (rules.reserved().contains(key) || PAGE_IDS.contains(key)) {
        problems.add("The key " + key + " is used by the page itself: choose another.");
      }
      String expected = rules.fixedKeys().containsKey(key) ? rules.fixedKeys().get(key)
          : rules.optionalKnownKeys().get(key);
      if (expected != null && !expected.equals(type)) {
        problems.add("The key " + key + " must be a " + expected + " (Mission Control reads it), not a " + type
            + ".");
      }
      Question question = question(component, rules);
      if (expected == null && (type.equals("textfield") || type.equals("textarea"))) {
        if (question.maxLength() == null) {
          problems.add("The question " + key + " has no maximum length: set Validation > Maximum length.");
        } else {
          otherText += question.maxLength();
        }
      }
      if (question.pattern() != null) {
        try {
          java.util.regex.Pattern.compile(question.pattern());
        } catch (PatternSyntaxException e) {
          problems.add("The pattern of " + key + " is not a regular expression: " + e.getDescription() + ".");
        }
      }
      if (expected == null && (type.equals("select") || type.equals("radio") || type.equals("checklist"))
          && question.options().isEmpty()) {
        problems.add("The question " + key + " has no options: add static options (options from a variable are"
            + " not shown on the public page).");
      }
      question.options().stream().map(Option::value).filter(v -> !v.isEmpty() && !v.equals(v.strip())).distinct()
          .forEach(v -> problems.add("The question " + key + " has the option value \"" + v + "\": remove the"
              + " spaces around it (answers are read without them)."));
      if (question.options().stream().anyMatch(o -> o.value().isEmpty())) {
        problems.add("The question " + key + " has an option with an empty value: give it a value (an empty one"
            + " reads as no answer).");
      }
      Set<String> offered = new HashSet<>();
      question.options().stream().map(Option::value).filter(v -> !offered.add(v)).distinct().forEach(v ->
          problems.add("The question " + key + " offers the value " + v + " twice: give each option its own"
              + " value."));
      if (question.decimalDigits() != null && question.decimalDigits() > MAX_DIGITS) {
        problems.add("The question " + key + " allows " + question.decimalDigits() + " decimal digits: at most "
            + MAX_DIGITS + ".");
      }
      if (tooManyDigits(question.min()) || tooManyDigits(question.max())) {
        problems.add("The question " + key + " has a minimum or maximum of more than " + MAX_DIGITS + " digits"
            + " before or after the point.");
      }
      if (question.min() != null && question.max() != null && question.min().compareTo(question.max()) > 0) {
        problems.add("The question " + key + " has a minimum above its maximum.");
      }
      List<String> options = rules.fixedOptions().get(key);
      if (options != null && (expected == null || expected.equals(type))) {
        List<String> values = question.options().stream().map(Option::value).toList();
        if (values.size() != options.size() || !new HashSet<>(values).equals(new HashSet<>(options))) {
          problems.add("The question " + key + " must offer exactly the option values " + String.join(", ", options)
              + " (Mission Control counts them; their labels may change), not " + String.join(", ", values) + ".");
        }
      }
      if (rules.requiredKeys().contains(key) && !question.required()) {
        problems.add("The question " + key + " must stay required (Validation > Required): Mission Control needs"
            + " an answer.");
      }
      rules.fixedProperties().getOrDefault(key, Map.of()).forEach((property, value) -> {
        if (!value.equals(question.properties().get(property))) {
          problems.add("The question " + key + " must keep the custom property " + property + " = " + value
              + ".");
        }
      });
    }
    for (String key : keys) {
      choiceKeys.stream().filter(choice -> !choice.equals(key) && key.startsWith(choice)
          && key.substring(choice.length()).matches("[0-9]+")).findFirst().ifPresent(choice ->
          problems.add("The key " + key + " would give the page two elements one id (the question " + choice
              + " names its options " + choice + "1, " + choice + "2, ...): choose another."));
    }
    for (String fixed : rules.fixedKeys().keySet()) {
      if (!keys.contains(fixed)) {
        problems.add(rules.formName() + " must keep the question with key " + fixed + " (a "
            + rules.fixedKeys().get(fixed) + "): Mission Control needs it.");
      }
    }
    if (otherText > rules.maxOtherText()) {
      problems.add("The text questions may take at most " + rules.maxOtherText() + " characters together, not "
          + otherText + ": lower their maximum lengths.");
    }
    return problems;
  }

  /**
   * Validates the answers to the questions {@code which} selects against the schema: required,
   * {@code minLength}/{@code maxLength} (line breaks count once), {@code pattern} (the whole answer),
   * {@code validationType} email or phone, number {@code min}/{@code max} and decimal places (and at most 15 digits
   * before and after the point, whatever the schema says), dates as
   * {@code yyyy-MM-dd}, and choices limited to the options. Text is trimmed; an empty optional answer is left out.
   *
   * @param parameters the request's parameters, by name
   */
  public Answers validate(Map<String, String[]> parameters, Predicate<Question> which) {
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    Map<String, List<String>> given = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Question q : questions) {
      if (q.key() == null || q.type().equals("text") || !which.test(q)) {
        continue;
      }
      String[] sent = parameters.getOrDefault(q.key(), new String[0]);
      List<String> values = new ArrayList<>();
      for (String value : sent) {
        values.add(FormText.normaliseLineBreaks(value).strip());
      }
      given.put(q.key(), values);
      String value = values.isEmpty() ? "" : values.get(0);
      String error = switch (q.type()) {
        case "checkbox" -> {
          boolean ticked = value.equals("true") || value.equals("on");
          typed.put(q.key(), ticked);
          yield q.required() && !ticked ? "Tick this box to go on." : null;
        }
        case "checklist" -> checklist(q, values, typed);
        case "number" -> number(q, value, typed);
        case "datetime" -> date(q, value, typed);
        case "select", "radio" -> choice(q, value, typed);
        default -> text(q, value, typed);
      };
      if (error != null) {
        errors.put(q.key(), error);
      }
    }
    return new Answers(typed, given, errors);
  }

  /**
   * Answers as a person reads them: one paragraph per answered question {@code which} selects, its label then its
   * answer (choices by their labels, a tick as yes or no), in the order of the schema. Plain text.
   */
  public String describe(JsonNode answers, Predicate<Question> which) {
    StringBuilder text = new StringBuilder();
    for (Question q : questions) {
      if (q.key() == null || !which.test(q) || answers == null || !answers.has(q.key())) {
        continue;
      }
      JsonNode answer = answers.get(q.key());
      String shown;
      if (answer.isBoolean()) {
        shown = answer.asBoolean() ? "yes" : "no";
      } else if (answer.isArray()) {
        List<String> labels = new ArrayList<>();
        answer.forEach(v -> labels.add(q.labelOf(v.asText())));
        shown = String.join(", ", labels);
      } else {
        shown = q.labelOf(answer.asText());
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(q.label() == null || q.label().isBlank() ? q.key() : q.label()).append(":\n").append(shown);
    }
    return text.toString();
  }

  private static String text(Question q, String value, ObjectNode typed) {
    if (value.isEmpty()) {
      return q.required() ? "Please answer this question." : null;
    }
    if (FormText.hasNul(value)) {
      return "Please remove the invisible NUL character from this answer (it cannot be kept).";
    }
    typed.put(q.key(), value);
    int length = value.codePointCount(0, value.length());
    if (q.maxLength() != null && length > q.maxLength()) {
      return "Please keep this to " + q.maxLength() + " characters.";
    }
    if (q.minLength() != null && length < q.minLength()) {
      return "Please write at least " + q.minLength() + " characters.";
    }
    if (q.pattern() != null) {
      try {
        if (!java.util.regex.Pattern.compile(q.pattern()).matcher(new Budgeted(value)).matches()) {
          return "This does not have the form the question asks for.";
        }
      } catch (Budgeted.Exhausted e) {
        return "This answer could not be checked against the form the question asks for: please write it more"
            + " simply.";
      }
    }
    if ("email".equals(q.validationType()) && !EMAIL.matcher(value).matches()) {
      return "This does not look like an email address.";
    }
    if ("phone".equals(q.validationType()) && !PHONE.matcher(value).matches()) {
      return "This does not look like a phone number.";
    }
    return null;
  }

  /**
   * An answer read by an organiser's pattern at most {@value #READS} characters' worth: a pattern that backtracks for
   * ages on some answers (e.g. {@code (.*a){20}}) gives up with {@link Exhausted} instead of holding a request thread
   * for minutes. A pattern that reads each character a few times stays far below the budget (answers are at most
   * {@link Rules#maxOtherText} characters).
   */
  private static final class Budgeted implements CharSequence {

    private static final long READS = 20_000_000;

    /** The pattern read the answer more than {@value #READS} times over. */
    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final CharSequence text;
    private final long[] reads;

    Budgeted(CharSequence text) {
      this(text, new long[1]);
    }

    private Budgeted(CharSequence text, long[] reads) {
      this.text = text;
      this.reads = reads;
    }

    @Override
    public char charAt(int index) {
      if (++reads[0] > READS) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(text.subSequence(start, end), reads);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static String number(Question q, String value, ObjectNode typed) {
    if (value.isEmpty()) {
      return q.required() ? "Please give a number." : null;
    }
    BigDecimal number;
    if (value.length() > 40) {
      return "Please give a number, e.g. 3.";
    }
    try {
      number = new BigDecimal(value.replace(',', '.'));
    } catch (NumberFormatException e) {
      return "Please give a number, e.g. 3.";
    }
    if (tooManyDigits(number)) {
      // "1e999999999" is a number too: the report, which averages the answers, could not be drawn.
      return "Please give a number of at most " + MAX_DIGITS + " digits before and " + MAX_DIGITS
          + " after the decimal point.";
    }
    if (q.decimalDigits() != null && number.stripTrailingZeros().scale() > q.decimalDigits()) {
      return q.decimalDigits() == 0 ? "Please give a whole number."
          : "Please give at most " + q.decimalDigits() + " decimal places.";
    }
    if (q.min() != null && number.compareTo(q.min()) < 0) {
      return "Please give at least " + q.min().toPlainString() + ".";
    }
    if (q.max() != null && number.compareTo(q.max()) > 0) {
      return "Please give at most " + q.max().toPlainString() + ".";
    }
    typed.put(q.key(), number);
    return null;
  }

  /** Whether a number has more than {@link #MAX_DIGITS} digits before or after the point (null has none). */
  private static boolean tooManyDigits(BigDecimal number) {
    if (number == null) {
      return false;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    return (long) stripped.precision() - stripped.scale() > MAX_DIGITS || stripped.scale() > MAX_DIGITS;
  }

  private static String date(Question q, String value, ObjectNode typed) {
    if (value.isEmpty()) {
      return q.required() ? "Please give a date." : null;
    }
    try {
      typed.put(q.key(), LocalDate.parse(value).toString());
      return null;
    } catch (DateTimeParseException e) {
      return "Please give a date as year-month-day, e.g. 2026-03-01.";
    }
  }

  private static String choice(Question q, String value, ObjectNode typed) {
    if (value.isEmpty()) {
      return q.required() ? "Please choose one of the options." : null;
    }
    if (q.options().stream().noneMatch(o -> o.value().equals(value))) {
      return "Please choose one of the options shown.";
    }
    typed.put(q.key(), value);
    return null;
  }

  private static String checklist(Question q, List<String> values, ObjectNode typed) {
    List<String> chosen = values.stream().filter(v -> !v.isEmpty()).distinct().toList();
    if (chosen.isEmpty()) {
      return q.required() ? "Please tick at least one." : null;
    }
    if (!chosen.stream().allMatch(v -> q.options().stream().anyMatch(o -> o.value().equals(v)))) {
      return "Please tick only the options shown.";
    }
    ArrayNode array = typed.putArray(q.key());
    chosen.forEach(array::add);
    return null;
  }

  /**
   * Answers to a form's added questions as they were kept ({@link Answers#typed}, stored as JSON text), by key, for
   * an export; null if none were kept.
   *
   * @throws IllegalStateException if the stored text is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> storedAnswers(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException("Answers that are not JSON.", e);
    }
  }

  /**
   * Answers to a form's added questions as they were kept (stored as JSON text), as {@link #describe} and the report
   * read them; null if none were kept.
   *
   * @throws IllegalStateException if the stored text is not JSON
   */
  public static JsonNode storedAnswersTree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("Answers that are not JSON.", e);
    }
  }

  private static JsonNode tree(byte[] json, Rules rules) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(rules.formName() + " is not JSON.", e);
    }
  }

  private static Question question(JsonNode c, Rules rules) {
    JsonNode validate = c.path("validate");
    List<Option> options = new ArrayList<>();
    for (JsonNode value : c.path("values")) {
      options.add(new Option(value.path("label").asText(value.path("value").asText()), value.path("value").asText()));
    }
    String type = c.path("type").asText();
    return new Question(c.path("id").asText(null), c.hasNonNull("key") ? c.get("key").asText() : null, type,
        textOf(type.equals("datetime") ? c.path("dateLabel") : c.path("label"), c.path("label")),
        textOf(c.path("description"), null), textOf(c.path("text"), null),
        validate.path("required").asBoolean(false), integer(validate.path("minLength")),
        integer(validate.path("maxLength")), decimal(validate.path("min")), decimal(validate.path("max")),
        integer(c.path("decimalDigits")), textOf(validate.path("pattern"), null),
        textOf(validate.path("validationType"), null), options,
        c.path("properties").path("sensitive").asText("false").equals("true"),
        c.hasNonNull("key") && rules.known(c.get("key").asText()), properties(c.path("properties")));
  }

  private static Map<String, String> properties(JsonNode node) {
    Map<String, String> properties = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    return java.util.Collections.unmodifiableMap(properties);
  }

  private static String textOf(JsonNode node, JsonNode fallback) {
    if (node.isTextual() && !node.asText().isBlank()) {
      return node.asText();
    }
    return fallback == null || !fallback.isTextual() ? null : fallback.asText();
  }

  private static Integer integer(JsonNode node) {
    return node.isNumber() || node.isTextual() && node.asText().matches("\\d+") ? node.asInt() : null;
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
