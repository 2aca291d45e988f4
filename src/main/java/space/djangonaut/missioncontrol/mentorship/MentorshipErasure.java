package space.djangonaut.missioncontrol.mentorship;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationErased;
import space.djangonaut.missioncontrol.privacy.Mentions;

/**
 * When an applicant's data is erased, the notes about them go: the Captain's notes of their one-to-ones, and their
 * name wherever a Navigator or Captain wrote it in their cohort's check-ins (who attended, blockers) and other
 * one-to-ones, and the tickets and pull requests check-ins attribute to them ({@link Contribution}). What the report
 * counts otherwise (held, not held, not recorded, comments) stays. Runs in the erasing
 * transaction, told by {@link ApplicationErased} while the name is still known.
 */
@Component
class MentorshipErasure {

  private final CheckInRepository checkIns;
  private final OneToOneRepository oneToOnes;
  private final ContributionRepository contributions;

  MentorshipErasure(CheckInRepository checkIns, OneToOneRepository oneToOnes, ContributionRepository contributions) {
    this.contributions = contributions;
    this.checkIns = checkIns;
    this.oneToOnes = oneToOnes;
  }

  @EventListener
  void applicationErased(ApplicationErased event) {
    Mentions mentions = Mentions.of(event.name(), event.email());
    checkIns.findByCohortIdOrderByWeekAscTeamIdAsc(event.cohortId()).forEach(c -> c.scrub(mentions));
    oneToOnes.findByCohortIdOrderByWeekAscApplicationIdAsc(event.cohortId())
        .forEach(o -> o.scrub(mentions, o.getApplicationId() == event.applicationId()));
    contributions.deleteAll(contributions.findByApplicationIdInOrderById(List.of(event.applicationId())));
  }
}
