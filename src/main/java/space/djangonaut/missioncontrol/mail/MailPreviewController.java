package space.djangonaut.missioncontrol.mail;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.NotFoundException;

/** Organisers preview every email with sample data before a cohort uses it. */
@Controller
class MailPreviewController {

  private final MailService mail;

  MailPreviewController(MailService mail) {
    this.mail = mail;
  }

  @GetMapping("/organiser/mail-templates")
  String templates(Model model) {
    model.addAttribute("templates", MailTemplate.values());
    return "organiser/mail-templates";
  }

  @GetMapping("/organiser/mail-templates/{name}")
  String preview(@PathVariable String name, Model model) {
    MailTemplate template;
    try {
      template = MailTemplate.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No email template " + name + ".");
    }
    model.addAttribute("template", template);
    model.addAttribute("rendered", mail.render(template, sample()));
    return "organiser/mail-preview";
  }

  /**
   * The sample data in the other situation: every condition that {@link #sample()} leaves false true (a place from
   * the waitlist, a moved check-in, a volunteer, a volunteer with other roles) and no withdrawal link (a Navigator
   * or Captain), so that a preview shows each part shown only sometimes, and its absence.
   */
  static Map<String, Object> otherSample() {
    Map<String, Object> model = sample();
    model.replaceAll((key, value) -> Boolean.FALSE.equals(value) ? Boolean.TRUE : value);
    model.put("withdrawPath", null);
    return model;
  }

  /** Sample values for every placeholder the templates use. */
  static Map<String, Object> sample() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> model = new HashMap<>();
    model.put("name", "Ada Lovelace");
    model.put("cohort", new Cohort("sample-session", "Session 5 (sample)", today, today.plusDays(21),
        today.plusDays(60), 8, 18, today.atStartOfDay().toInstant(ZoneOffset.UTC)));
    model.put("project", "Django core");
    model.put("applicationId", 42L);
    model.put("offerPath", "/offers/sample-token");
    model.put("deadline", ZonedDateTime.now(ZoneOffset.UTC).plusDays(7));
    model.put("fromWaitlist", false);
    model.put("teamName", "Team 1");
    model.put("navigatorName", "Nadia Navigator");
    model.put("djangonauts", List.of("Ada Lovelace", "Grace Hopper", "Alan Turing"));
    model.put("captains", List.of("Carla Captain"));
    model.put("navigatorContact", "nadia@example.org, chat: nadia_n");
    model.put("navigatorLine", "Nadia Navigator: nadia@example.org, chat: nadia_n");
    model.put("navigatorReach", "nadia@example.org");
    model.put("captainLines", List.of("Carla Captain, Captain of Ada Lovelace, Grace Hopper and Alan Turing: "
        + "through the organisers at organisers@djangonaut.space"));
    model.put("djangonautLines", List.of("Ada Lovelace (Captain: Carla Captain): ada@example.org",
        "Grace Hopper (Captain: Carla Captain): through the organisers at organisers@djangonaut.space"));
    model.put("otherRoles", false);
    model.put("week", 3L);
    model.put("missing", List.of("Ada Lovelace (Captain Carla Captain)"));
    model.put("djangonautName", "Grace Hopper");
    model.put("withdrawPath", "/withdraw/sample-token");
    model.put("surveyPath", "/survey/sample-token");
    model.put("midpointPath", "/midpoint/sample-token");
    model.put("volunteer", false);
    model.put("userId", "nadia-k7m2q");
    model.put("passwordPath", "/volunteers/password/sample-token");
    model.put("role", "Navigator");
    model.put("leaverName", "Nadia Navigator");
    model.put("replacementName", "Vera Volunteer");
    model.put("moved", false);
    model.put("meetingWhen", "Mondays 22:00-23:00 (Europe/Berlin)");
    model.put("meetingWeeks", List.of("Week 1: Monday 2 February 22:00", "Week 2: Monday 9 February 22:00"));
    model.put("feedPath", "/calendar/sample-token.ics");
    return model;
  }
}
