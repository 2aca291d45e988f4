package space.djangonaut.missioncontrol.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.volunteer.VolunteerForm;

/**
 * The time zones people can give are the ones the forms offer ({@link ProgrammeOptions#TIMEZONES}), each of which
 * has an iCalendar VTIMEZONE in ical4j, so that {@link TeamCalendar} can write every member's calendar. java.time
 * knows more ids ({@code SystemV/EST5EDT}, and the {@code ical4j~<uuid>} ids ical4j registers as it loads zones):
 * a form that took one of them made the calendars fail with a 500. The meeting form's refusal is in
 * {@code team/TeamMeetingChoiceTest}.
 */
class OfferedZonesTest {

  private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void shouldHaveAnIcalTimeZoneForEveryOfferedZone() {
    List<String> missing = ProgrammeOptions.TIMEZONES.stream().filter(id -> !id.equals("UTC"))
        .filter(id -> !hasVTimeZone(id)).toList();
    assertThat(ProgrammeOptions.TIMEZONES).hasSizeGreaterThan(300).contains("Asia/Kolkata", "UTC");
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldAcceptOnTheApplicationAndVolunteerFormsOnlyZonesWithAnIcalTimeZone() {
    registry.getTimeZone("Europe/Berlin"); // ical4j registers ids of its own with java.time as it loads zones
    Predicate<String> application = id -> {
      ApplicationForm form = new ApplicationForm();
      form.setTimezone(id);
      return form.isTimezoneKnown();
    };
    Predicate<String> volunteer = id -> {
      VolunteerForm form = new VolunteerForm();
      form.setTimezone(id);
      return form.isTimezoneKnown();
    };
    for (Predicate<String> accepts : List.of(application, volunteer)) {
      List<String> missing = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().filter(accepts)
          .filter(id -> !ZoneId.of(id).normalized().equals(ZoneOffset.UTC))
          .filter(id -> !hasVTimeZone(id)).toList();
      assertThat(missing).isEmpty();
    }
  }

  @Test
  void shouldRefuseASystemVZoneOnTheApplicationAndVolunteerFormsWithTheFieldAndTheReason() {
    ApplicationForm application = new ApplicationForm();
    application.setTimezone("SystemV/EST5EDT");
    VolunteerForm volunteer = new VolunteerForm();
    volunteer.setTimezone("SystemV/EST5EDT");

    for (Set<? extends ConstraintViolation<?>> refused : List.of(
        validator.validateProperty(application, "timezoneKnown"),
        validator.validateProperty(volunteer, "timezoneKnown"))) {
      // The public pages show errors of "timezone..." properties at the time zone field (common/PublicForms).
      assertThat(refused).singleElement().satisfies(v -> {
        assertThat(v.getPropertyPath()).hasToString("timezoneKnown");
        assertThat(v.getMessage()).isEqualTo("Choose a time zone from the list.");
      });
    }
    application.setTimezone("America/New_York");
    assertThat(validator.validateProperty(application, "timezoneKnown")).isEmpty();
  }

  private boolean hasVTimeZone(String id) {
    try {
      return registry.getTimeZone(id) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
