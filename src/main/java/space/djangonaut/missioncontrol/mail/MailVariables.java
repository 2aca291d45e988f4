package space.djangonaut.missioncontrol.mail;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import space.djangonaut.missioncontrol.cohort.Cohort;

/**
 * The variables each email template offers an organiser's text ({@code {{name}}}), read from the model that the
 * code sending the email passes today: an organiser's text can say everything the default template says, and
 * nothing the code does not give it. Dates are written as the default templates write them ({@code 4 January 2027};
 * deadlines with the time in UTC); lists of names are joined with commas, lists of contact lines with semicolons.
 */
public final class MailVariables {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  private static final Map<MailTemplate, List<MailVariable>> VARIABLES = new EnumMap<>(MailTemplate.class);

  static {
    for (MailTemplate template : MailTemplate.values()) {
      VARIABLES.put(template, List.copyOf(declare(template)));
    }
  }

  private MailVariables() {}

  /** The variables of a template, in the order the edit page lists them. */
  public static List<MailVariable> of(MailTemplate template) {
    return VARIABLES.get(template);
  }

  /** The variable of this name that a template offers, if any. */
  public static Optional<MailVariable> find(MailTemplate template, String name) {
    return of(template).stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Every variable of a template with its value in this model (base URL already in the links). */
  static Map<String, String> values(MailTemplate template, Map<String, Object> model, String baseUrl) {
    Map<String, String> values = new java.util.HashMap<>();
    for (MailVariable variable : of(template)) {
      String value = variable.of(model);
      values.put(variable.name(), variable.link() && !value.isEmpty() ? baseUrl + value : value);
    }
    return values;
  }

  private static List<MailVariable> declare(MailTemplate template) {
    List<MailVariable> v = new ArrayList<>();
    v.add(text("name", "the recipient's name", m -> string(m.get("name"))));
    v.add(text("cohortName", "the cohort's name, e.g. Session 5", m -> cohort(m, Cohort::getName)));
    v.add(text("cohortStartsOn", "the day the session starts, e.g. 4 January 2027",
        m -> cohort(m, c -> day(c.getStartsOn()))));
    v.add(text("cohortApplicationsCloseOn", "the last day of applications (Anywhere on Earth)",
        m -> cohort(m, c -> day(c.getApplicationsCloseOn()))));
    v.add(text("cohortWeeks", "how many weeks the session lasts", m -> cohort(m, c -> String.valueOf(c.getWeeks()))));
    switch (template) {
      case APPLICATION_RECEIVED, APPLICATION_WAITLISTED, WAITLIST_CLOSED, APPLICATION_REJECTED -> applicant(v);
      case APPLICATION_ACCEPTED, OFFER_REMINDER -> {
        applicant(v);
        v.add(flag("fromWaitlist", "the place became free and is offered from the waitlist", "fromWaitlist"));
        v.add(text("deadline", "the last moment to answer the offer, e.g. 11 January 2027, 12:00 UTC",
            m -> dayAndTime(m.get("deadline"))));
        v.add(link("offerLink", "the applicant's personal link to accept or decline the place (works once)",
            true, "offerPath"));
      }
      case PLACE_CONFIRMED -> {
        applicant(v);
        v.add(link("withdrawLink", "the Djangonaut's personal link to withdraw", true, "withdrawPath"));
      }
      case TEAM_WELCOME -> {
        team(v);
        v.add(text("project", "the team's project", m -> string(m.get("project"))));
        v.add(text("navigatorName", "the Navigator's name", m -> string(m.get("navigatorName"))));
        v.add(text("navigatorContact", "how to reach the Navigator, as they agreed to share it",
            m -> string(m.get("navigatorContact"))));
        v.add(text("djangonauts", "the Djangonauts' names, separated by commas", m -> names(m.get("djangonauts"))));
        v.add(text("captains", "the Captains' names, separated by commas", m -> names(m.get("captains"))));
        v.add(text("captainLines", "each Captain, whose Captain they are and how to reach them (semicolons between)",
            m -> lines(m.get("captainLines"))));
        v.add(text("djangonautLines", "each Djangonaut, their Captain and how to reach them (semicolons between)",
            m -> lines(m.get("djangonautLines"))));
        v.add(link("teamsPageLink", "the volunteers' teams page (signed in)", false, null));
        v.add(link("withdrawLink", "a Djangonaut's personal link to withdraw (empty for Navigators and Captains)",
            false, "withdrawPath"));
      }
      case CHECK_IN_REMINDER -> {
        team(v);
        week(v);
        v.add(text("captainLines", "each Captain, whose Captain they are and how to reach them (semicolons between)",
            m -> lines(m.get("captainLines"))));
      }
      case CHECK_IN_ESCALATION -> {
        team(v);
        week(v);
        v.add(text("navigatorName", "the Navigator's name", m -> string(m.get("navigatorName"))));
        v.add(text("navigatorReach", "how to reach the Navigator", m -> string(m.get("navigatorReach"))));
      }
      case ONE_TO_ONE_REMINDER -> {
        team(v);
        week(v);
        v.add(text("djangonauts", "the Captain's Djangonauts, separated by commas", m -> names(m.get("djangonauts"))));
        v.add(text("djangonautLines", "each of them and how to reach them (semicolons between)",
            m -> lines(m.get("djangonautLines"))));
        v.add(text("navigatorLine", "the team's Navigator and how to reach them", m -> string(m.get("navigatorLine"))));
      }
      case ONE_TO_ONE_ESCALATION -> {
        team(v);
        week(v);
        v.add(text("missing", "the one-to-ones not recorded: Djangonaut and Captain, separated by commas",
            m -> names(m.get("missing"))));
      }
      case DJANGONAUT_WITHDREW -> {
        team(v);
        v.add(text("djangonautName", "the Djangonaut who left, or \"One of the Djangonauts\" once they are erased",
            m -> m.get("djangonautName") == null ? "One of the Djangonauts" : string(m.get("djangonautName"))));
      }
      case MEETING_INVITATION -> {
        team(v);
        v.add(text("navigatorName", "the team's Navigator, who chose the time", m -> string(m.get("navigatorName"))));
        v.add(text("meetingWhen", "the weekly check-in, in the person's own time zone",
            m -> string(m.get("meetingWhen"))));
        v.add(text("meetingWeeks", "each week's check-in in the person's time zone, separated by semicolons",
            m -> lines(m.get("meetingWeeks"))));
        v.add(link("calendarLink", "the person's own calendar link (.ics), to subscribe to", true, "feedPath"));
        v.add(flag("moved", "the Navigator moved a check-in time set before", "moved"));
      }
      case MIDPOINT_CHECK -> {
        v.add(link("midpointLink", "the person's personal link to the mid-point check (works once, for 7 days)", true,
            "midpointPath"));
        v.add(flag("volunteer", "the person is a Navigator or Captain, not a Djangonaut", "volunteer"));
      }
      case SURVEY_INVITATION, SURVEY_REMINDER -> {
        v.add(link("surveyLink", "the person's personal link to the survey (works once)", true, "surveyPath"));
        v.add(flag("volunteer", "the person is a Navigator or Captain, not a Djangonaut", "volunteer"));
      }
      case VOLUNTEER_WELCOME, VOLUNTEER_SIGN_IN_REMINDER -> {
        role(v);
        v.add(text("userId", "the volunteer's user name", m -> string(m.get("userId"))));
        v.add(link("passwordLink", "the volunteer's personal link to choose a password (works once, for 7 days)",
            true, "passwordPath"));
        v.add(flag("otherRoles", "the volunteer already has an account with us (another role or cohort)",
            "otherRoles"));
      }
      case VOLUNTEER_DECLINED, VOLUNTEER_WITHOUT_TEAM -> role(v);
      case VOLUNTEER_TAKES_OVER -> {
        role(v);
        team(v);
        v.add(text("project", "the team's project", m -> string(m.get("project"))));
        v.add(text("leaverName", "who stepped down", m -> string(m.get("leaverName"))));
        v.add(text("djangonauts", "the Djangonauts concerned, separated by commas", m -> names(m.get("djangonauts"))));
        v.add(link("teamsPageLink", "the volunteers' teams page (signed in)", false, null));
      }
      case TEAM_VOLUNTEER_CHANGED -> {
        role(v);
        team(v);
        v.add(text("leaverName", "who stepped down", m -> string(m.get("leaverName"))));
        v.add(text("replacementName", "who takes over", m -> string(m.get("replacementName"))));
      }
      default -> throw new IllegalStateException("No variables declared for " + template);
    }
    return v;
  }

  private static void applicant(List<MailVariable> v) {
    v.add(text("project", "the project the applicant chose", m -> string(m.get("project"))));
    v.add(text("applicationId", "the application's reference number", m -> string(m.get("applicationId"))));
  }

  private static void team(List<MailVariable> v) {
    v.add(text("teamName", "the team's name, e.g. Team 1", m -> string(m.get("teamName"))));
  }

  private static void week(List<MailVariable> v) {
    v.add(text("week", "the week of the session (1, 2, ...)", m -> string(m.get("week"))));
  }

  private static void role(List<MailVariable> v) {
    v.add(text("role", "Navigator or Captain", m -> string(m.get("role"))));
  }

  private static MailVariable text(String name, String meaning, Function<Map<String, Object>, String> value) {
    return new MailVariable(name, meaning, false, false, value);
  }

  /**
   * A condition: {@code yes} when the model's {@code modelKey} is true, empty otherwise; meant for a section,
   * {@code {{#name}}...{{/name}}} (words only then) or {@code {{^name}}...{{/name}}} (words only otherwise).
   */
  private static MailVariable flag(String name, String meaning, String modelKey) {
    return new MailVariable(name, meaning + ": \"yes\" or empty, for {{#" + name + "}}...{{/" + name
        + "}} (words only then) and {{^" + name + "}}...{{/" + name + "}} (words only otherwise)", false, false,
        m -> Boolean.TRUE.equals(m.get(modelKey)) ? "yes" : "");
  }

  /** A link: the model's path (or /my/teams when {@code pathKey} is null), the base URL put before it. */
  private static MailVariable link(String name, String meaning, boolean required, String pathKey) {
    return new MailVariable(name, meaning, required, true,
        m -> pathKey == null ? "/my/teams" : string(m.get(pathKey)));
  }

  private static String cohort(Map<String, Object> model, Function<Cohort, String> value) {
    Object cohort = model.get("cohort");
    return cohort instanceof Cohort c ? value.apply(c) : string(cohort);
  }

  private static String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  private static String dayAndTime(Object time) {
    return time instanceof ZonedDateTime z ? DAY_AND_TIME.format(z)
        : time instanceof TemporalAccessor t ? DAY.format(t) : string(time);
  }

  private static String names(Object list) {
    return list instanceof Collection<?> c ? c.stream().map(MailVariables::string).collect(Collectors.joining(", "))
        : string(list);
  }

  private static String lines(Object list) {
    return list instanceof Collection<?> c ? c.stream().map(MailVariables::string).collect(Collectors.joining("; "))
        : string(list);
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString();
  }
}
