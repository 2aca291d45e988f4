package space.djangonaut.missioncontrol.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerStatus;

/**
 * Returning people (issue 12, fault 3): for an application, the same person's part in other cohorts, by their address
 * (compared normalised: case and surrounding blanks do not matter): their earlier applications and how each ended
 * (from the application while it is kept, from its {@link RetentionRecords retention record} once it is erased), and
 * their sign-ups as a Navigator or Captain. Only the cohort and the outcome: nothing of the old application's answers
 * or personal details.
 */
@Service
public class ApplicantHistory {

  /** At most this many addresses per query ({@code in (...)}). */
  private static final int CHUNK = 500;

  private final ApplicationRepository applications;
  private final RetentionRecords retention;
  private final VolunteerRepository volunteers;
  private final CohortRepository cohorts;

  ApplicantHistory(ApplicationRepository applications, RetentionRecords retention, VolunteerRepository volunteers,
      CohortRepository cohorts) {
    this.applications = applications;
    this.retention = retention;
    this.volunteers = volunteers;
    this.cohorts = cohorts;
  }

  /** One earlier part of the person: in a cohort, an application's outcome or a volunteer's role. */
  public record Earlier(long cohortId, String cohortName, PastOutcome outcome, String volunteerRole) {

    /** "was waitlisted in Session 1", "volunteered as a Navigator in Session 2". */
    public String describe() {
      return (volunteerRole != null ? "volunteered as a " + volunteerRole : outcome.words()) + " in " + cohortName;
    }
  }

  /** The person's part in other cohorts, oldest cohort first. */
  @Transactional(readOnly = true)
  public List<Earlier> of(Application application) {
    return of(List.of(application)).getOrDefault(application.getId(), List.of());
  }

  /**
   * The history of each application (by id; an application with none is absent), in a few queries however many
   * applications: the selection asks for a whole cohort's.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<Earlier>> of(Collection<Application> of) {
    Map<String, List<Application>> byEmail = of.stream().filter(a -> a.getErasedAt() == null)
        .collect(Collectors.groupingBy(a -> ApplicationForm.normaliseEmail(a.getEmail())));
    List<String> emails = List.copyOf(byEmail.keySet());
    Map<String, List<Earlier>> found = new HashMap<>();
    Map<Long, String> cohortNames = new HashMap<>();
    for (int from = 0; from < emails.size(); from += CHUNK) {
      List<String> chunk = emails.subList(from, Math.min(emails.size(), from + CHUNK));
      for (Application earlier : applications.findByEmailIn(chunk)) {
        found.computeIfAbsent(earlier.getEmail(), k -> new ArrayList<>()).add(new Earlier(
            earlier.getCohort().getId(), earlier.getCohort().getName(), PastOutcome.of(earlier), null));
      }
      Map<String, String> byHash = chunk.stream().collect(Collectors.toMap(retention::hash, e -> e, (a, b) -> a));
      for (RetentionRecord record : retention.of(chunk)) {
        found.computeIfAbsent(byHash.get(record.getEmailHash()), k -> new ArrayList<>()).add(new Earlier(
            record.getCohortId(), cohortName(record.getCohortId(), cohortNames), record.getOutcome(), null));
      }
      for (Volunteer volunteer : volunteers.findByEmailIn(chunk)) {
        if (volunteer.getStatus() == VolunteerStatus.APPROVED) {
          found.computeIfAbsent(volunteer.getEmail().strip().toLowerCase(java.util.Locale.ROOT),
              k -> new ArrayList<>()).add(new Earlier(volunteer.getCohortId(),
              cohortName(volunteer.getCohortId(), cohortNames), null,
              volunteer.getRole().name().charAt(0) + volunteer.getRole().name().substring(1).toLowerCase()));
        }
      }
    }
    Map<Long, List<Earlier>> history = new LinkedHashMap<>();
    byEmail.forEach((email, applied) -> {
      for (Application application : applied) {
        long cohortId = application.getCohort().getId();
        List<Earlier> others = found.getOrDefault(email, List.of()).stream()
            .filter(e -> e.cohortId() != cohortId).distinct()
            .sorted(Comparator.comparingLong(Earlier::cohortId)).toList();
        if (!others.isEmpty()) {
          history.put(application.getId(), others);
        }
      }
    });
    return history;
  }

  /** Whether any earlier cohort waitlisted the person (the input {@code previouslyWaitlisted} of the selection rule). */
  public static boolean previouslyWaitlisted(List<Earlier> history) {
    return history.stream().anyMatch(e -> e.outcome() == PastOutcome.WAITLISTED);
  }

  /** The history in one line for a page or a form, or the empty string. */
  public static String describe(List<Earlier> history) {
    return history.stream().map(Earlier::describe).collect(Collectors.joining("; "));
  }

  private String cohortName(long cohortId, Map<Long, String> names) {
    return names.computeIfAbsent(cohortId, id -> cohorts.findById(id).map(Cohort::getName).orElse("cohort " + id));
  }
}
