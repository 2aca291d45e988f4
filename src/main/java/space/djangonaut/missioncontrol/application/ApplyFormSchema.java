package space.djangonaut.missioncontrol.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import space.djangonaut.missioncontrol.common.FormSchema;

/**
 * The public application form as organisers edit it: the Camunda Form {@code forms/apply.form} (form id
 * {@code apply}), read as a {@link FormSchema} with this form's {@link #RULES}.
 *
 * <p>The questions Mission Control itself depends on are {@link #FIXED_KEYS}: a deployment must keep each of them,
 * with its component type ({@link #problems} says why not, and {@code config.ApplyFormChecks} refuses the
 * deployment); their answers are bound to {@link ApplicationForm} and validated by its annotations, with its
 * messages. The schema gives them their label, description and place on the page. Every other question is
 * validated from the schema ({@link #validate}) and stored as typed JSON beside the application. A component with
 * {@code properties: {"sensitive": "true"}} is never shown to reviewers.
 */
public final class ApplyFormSchema {

  /** The form id ({@code "id"} of the schema) of the public application form. */
  public static final String FORM_ID = "apply";

  /** The keys Mission Control needs, with the component type each must have. */
  public static final Map<String, String> FIXED_KEYS = fixedKeys();

  /** Optional questions bound to {@link ApplicationForm}: they may be removed, and keep their type if present. */
  public static final Map<String, String> OPTIONAL_KNOWN_KEYS = Map.of(
      "pronouns", "textfield", "shareContact", "checkbox", "chatHandle", "textfield");

  /** Names the page itself uses: no question may take them. */
  static final Set<String> RESERVED = Set.of("website", "showZone", "_csrf", "form");

  /** The most characters the other answers may take together, as the {@code maxLength}s of their text fields. */
  static final int MAX_OTHER_TEXT = 40_000;

  /** What a deployment of {@code apply} must keep. */
  public static final FormSchema.Rules RULES = new FormSchema.Rules(FORM_ID, "The application form", FIXED_KEYS,
      OPTIONAL_KNOWN_KEYS, RESERVED, MAX_OTHER_TEXT, Map.of(), Set.of(), Map.of());

  private final FormSchema form;

  private ApplyFormSchema(FormSchema form) {
    this.form = form;
  }

  private static Map<String, String> fixedKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("name", "textfield");
    keys.put("email", "textfield");
    keys.put("timezone", "select");
    keys.put("availability", "checklist");
    keys.put("hoursPerWeek", "number");
    keys.put("djangoExperience", "radio");
    keys.put("experienceDetails", "textarea");
    keys.put("motivation", "textarea");
    keys.put("project", "select");
    keys.put("contributionUrl", "textfield");
    keys.put("codeOfConductAccepted", "checkbox");
    return java.util.Collections.unmodifiableMap(keys);
  }

  /** The questions, in order ({@link FormSchema.Question#known}: bound to {@link ApplicationForm}). */
  public List<FormSchema.Question> questions() {
    return form.questions();
  }

  /** The deployed version of {@code apply} this schema is (0 for a schema not read from the engine). */
  public int version() {
    return form.version();
  }

  /**
   * Reads a schema.
   *
   * @throws IllegalArgumentException naming every problem ({@link #problems}) if it cannot be used
   */
  public static ApplyFormSchema parse(byte[] json, int version) {
    return of(FormSchema.parse(json, version, RULES));
  }

  /**
   * The application form of a schema read with {@link #RULES} (such as {@code DeployedForms.schema} keeps).
   *
   * @throws IllegalArgumentException if it was read with other rules
   */
  public static ApplyFormSchema of(FormSchema form) {
    if (!RULES.equals(form.rules())) {
      throw new IllegalArgumentException("Not read as the application form: " + form.rules().formName());
    }
    return new ApplyFormSchema(form);
  }

  /** Why a schema cannot be the public application form, one sentence each (empty if it can): {@link FormSchema#problems}. */
  public static List<String> problems(byte[] json) {
    return FormSchema.problems(json, RULES);
  }

  /** Whether a schema is the public application form (its {@code "id"} is {@value #FORM_ID}). */
  public static boolean isApplyForm(byte[] json) {
    return FormSchema.isForm(json, RULES);
  }

  /** Validates the answers to the other questions (not the known ones) against the schema ({@link FormSchema#validate}). */
  public FormSchema.Answers validate(Map<String, String[]> parameters) {
    return form.validate(parameters, FormSchema.Question::other);
  }

  /**
   * The other answers as a reviewer reads them: one paragraph per answered question that is not sensitive, its
   * label then its answer (choices by their labels, a tick as yes or no), in the order of the schema. Plain text.
   */
  public String forReviewers(JsonNode answers) {
    return form.describe(answers, q -> q.other() && !q.sensitive());
  }
}
