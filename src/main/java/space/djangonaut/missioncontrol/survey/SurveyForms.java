package space.djangonaut.missioncontrol.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.FormSchema.Question;

/**
 * The feedback survey ({@code forms/feedback-survey.form}) and the mid-point check ({@code forms/midpoint-check.form})
 * as organisers edit them in Camunda Modeler: what each must keep ({@link #FEEDBACK}, {@link #MIDPOINT}) and who is
 * asked what.
 *
 * <p>The fixed keys are what the impact report and the mid-point's trouble detection read ({@link SurveyForm},
 * {@link MidpointForm}, {@link MidpointService#raisesConcern}): the comfort questions (options {@code MORE},
 * {@code SAME}, {@code LESS}), whether a Djangonaut may be quoted and what went well (the report's testimonials),
 * how the team works ({@code WELL}, {@code MIXED}, {@code STRUGGLING}) and the wish to be contacted. A deployment
 * without one, or with other option values, is refused ({@code config.SurveyFormChecks}).
 *
 * <p>Two custom properties (Modeler: Custom properties) say who sees a component: {@code respondents} =
 * {@code djangonauts} or {@code volunteers} asks it only of them (absent: everyone), and {@code volunteerLabel} gives
 * Navigators and Captains another label for the same question.
 */
public final class SurveyForms {

  /** The form id of the feedback survey. */
  public static final String FEEDBACK_ID = "feedback-survey";

  /** The form id of the mid-point check. */
  public static final String MIDPOINT_ID = "midpoint-check";

  private static final List<String> COMFORT = List.of("MORE", "SAME", "LESS");
  private static final Set<String> RESERVED = Set.of("_csrf", "form", "token");
  private static final int MAX_OTHER_TEXT = 20_000;

  /** What a deployment of the feedback survey must keep. */
  public static final FormSchema.Rules FEEDBACK = new FormSchema.Rules(FEEDBACK_ID, "The feedback survey",
      ordered("comfortContributing", "radio", "comfortCommunity", "radio", "comfortMentoring", "radio",
          "wentWell", "textarea", "mayQuote", "radio"),
      Map.of("toImprove", "textarea"), RESERVED, MAX_OTHER_TEXT,
      Map.of("comfortContributing", COMFORT, "comfortCommunity", COMFORT, "comfortMentoring", COMFORT,
          "mayQuote", List.of("true", "false")),
      Set.of("comfortContributing", "comfortCommunity", "comfortMentoring", "mayQuote"),
      Map.of("comfortContributing", Map.of("respondents", "djangonauts"),
          "comfortCommunity", Map.of("respondents", "djangonauts"),
          "comfortMentoring", Map.of("respondents", "volunteers")));

  /** What a deployment of the mid-point check must keep. */
  public static final FormSchema.Rules MIDPOINT = new FormSchema.Rules(MIDPOINT_ID, "The mid-point check",
      ordered("teamFeeling", "radio", "comfort", "radio", "wantsContact", "checkbox"),
      Map.of("inTheWay", "textarea"), RESERVED, MAX_OTHER_TEXT,
      Map.of("teamFeeling", List.of("WELL", "MIXED", "STRUGGLING"), "comfort", COMFORT),
      Set.of("teamFeeling", "comfort"), Map.of());

  private SurveyForms() {}

  private static Map<String, String> ordered(String... keysAndTypes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      map.put(keysAndTypes[i], keysAndTypes[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The rules of the form this schema is (by its {@code "id"}), or empty if it is neither survey form. */
  public static Optional<FormSchema.Rules> rulesOf(byte[] json) {
    return List.of(FEEDBACK, MIDPOINT).stream().filter(rules -> FormSchema.isForm(json, rules)).findFirst();
  }

  /**
   * Why a schema cannot be this survey form, one sentence each (empty if it can): {@link FormSchema#problems}; a
   * fixed text question allowing more than its record keeps ({@code @Size} of {@link SurveyForm} or
   * {@link MidpointForm}); a {@code respondents} property that is neither {@code djangonauts} nor
   * {@code volunteers}.
   */
  public static List<String> problems(byte[] json, FormSchema.Rules rules) {
    List<String> problems = new ArrayList<>(FormSchema.problems(json, rules));
    if (problems.isEmpty()) {
      Class<?> record = rules == FEEDBACK ? SurveyForm.class : MidpointForm.class;
      for (Question q : FormSchema.parse(json, 0, rules).questions()) {
        Integer kept = q.known() ? maxSize(record, q.key()) : null;
        if (kept != null && (q.maxLength() == null || q.maxLength() > kept)) {
          problems.add("The question " + q.key() + " must have a maximum length of at most " + kept
              + " (Validation > Maximum length): Mission Control keeps no more.");
        }
        String respondents = q.properties().get("respondents");
        if (respondents != null && !respondents.equals("djangonauts") && !respondents.equals("volunteers")) {
          problems.add("Component " + q.id() + " has respondents = " + respondents + ": use djangonauts or"
              + " volunteers, or remove the property to ask everyone.");
        }
      }
    }
    return problems;
  }

  /** The smallest {@code @Size(max)} of a field of the record, or null. */
  private static Integer maxSize(Class<?> record, String key) {
    try {
      Integer max = null;
      for (jakarta.validation.constraints.Size size : record.getDeclaredField(key)
          .getAnnotationsByType(jakarta.validation.constraints.Size.class)) {
        if (size.max() != Integer.MAX_VALUE) {
          max = max == null ? size.max() : Math.min(max, size.max());
        }
      }
      return max;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** Whether the component is shown to this respondent (its {@code respondents} property). */
  static boolean asks(Question q, Respondent kind) {
    String respondents = q.properties().get("respondents");
    return respondents == null || respondents.equals(kind.isVolunteer() ? "volunteers" : "djangonauts");
  }

  /** The label this respondent reads ({@code volunteerLabel} for Navigators and Captains, if set). */
  static String label(Question q, Respondent kind) {
    String volunteerLabel = q.properties().get("volunteerLabel");
    return kind.isVolunteer() && volunteerLabel != null && !volunteerLabel.isBlank() ? volunteerLabel : null;
  }
}
