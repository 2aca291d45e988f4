package space.djangonaut.missioncontrol.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;

/**
 * Data minimisation: the applicants who were not selected (rejected, or still on the waitlist when it closed) are
 * erased a while after their cohort ended, as if they had asked, with their emails, survey invitations and process
 * history. Selected applicants stay. Someone who applied again or volunteers under the same address keeps what belongs
 * to that other role: only the unselected application and its own emails go.
 */
@Service
public class UnselectedApplicantsErasure {

  private static final Logger LOG = LoggerFactory.getLogger(UnselectedApplicantsErasure.class);

  private final CohortRepository cohorts;
  private final ApplicationRepository applications;
  private final ApplicationPersonalData personalData;
  private final Duration retainUnselected;
  private final Clock clock;
  private final RetentionRecords retention;

  UnselectedApplicantsErasure(CohortRepository cohorts, ApplicationRepository applications,
      ApplicationPersonalData personalData,
      @Value("${missioncontrol.personal-data.retain-unselected:P180D}") Duration retainUnselected, Clock clock,
      RetentionRecords retention) {
    this.retention = retention;
    this.cohorts = cohorts;
    this.applications = applications;
    this.personalData = personalData;
    this.retainUnselected = retainUnselected;
    this.clock = clock;
  }

  /**
   * Erases the data of applicants who were rejected or left on the waitlist, once their cohort ended (its start plus
   * its weeks) longer ago than the retention time ({@code missioncontrol.personal-data.retain-unselected}, an ISO-8601
   * duration, 180 days by default). Applications erased before are skipped. Runs daily at 03:30
   * ({@code missioncontrol.personal-data.erase-cron}) where scheduling is enabled.
   *
   * <p>Each erased application leaves a {@link RetentionRecords retention record} (a keyed hash of the address, the
   * cohort, the outcome), so that a later application of the same person shows it and the selection rule can raise
   * someone waitlisted before; records older than {@code missioncontrol.retention.keep-for} are deleted in the same
   * run.
   *
   * @return how many applications were erased
   */
  @Scheduled(cron = "${missioncontrol.personal-data.erase-cron:0 30 3 * * *}")
  @Transactional
  public int eraseUnselectedAfterRetention() {
    Instant now = clock.instant();
    int erased = 0;
    for (Cohort cohort : cohorts.findAll()) {
      Instant ended = cohort.startsAt().plus(Duration.ofDays(7L * cohort.getWeeks()));
      if (!ended.plus(retainUnselected).isBefore(now)) {
        continue;
      }
      for (Application application : applications.findByCohortIdOrderBySubmittedAt(cohort.getId())) {
        boolean unselected = application.getOutcome() == Outcome.REJECTED
            || application.getStatus() == ApplicationStatus.WAITLIST_CLOSED;
        if (unselected && application.getErasedAt() == null) {
          retention.keep(application);
          // Someone who applied again or volunteers keeps what belongs to that other role (emails, links).
          if (personalData.inUseElsewhere(application)) {
            personalData.eraseThisApplicationOnly(application);
          } else {
            personalData.erase(application);
          }
          erased++;
        }
      }
    }
    int expired = retention.expire();
    if (expired > 0) {
      LOG.info("Deleted {} retention records kept longer than {}", expired, retention.keepFor());
    }
    if (erased > 0) {
      LOG.info("Erased the personal data of {} unselected applicants", erased);
    }
    return erased;
  }
}
