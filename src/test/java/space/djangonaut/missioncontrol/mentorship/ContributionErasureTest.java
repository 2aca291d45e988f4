package space.djangonaut.missioncontrol.mentorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.privacy.PersonalDataService;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * The tickets and pull requests a check-in attributes to a Djangonaut are theirs: exported with their data and
 * deleted when they are erased; the lines of their teammates and the lines naming nobody stay.
 */
@IntegrationTest
class ContributionErasureTest {

  @Autowired TestData testData;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired MentorshipService mentorship;
  @Autowired ContributionRepository contributions;
  @Autowired PersonalDataService personalData;

  @Test
  void shouldExportAndEraseTheContributionsOfAnErasedDjangonautOnly() {
    Cohort cohort = testData.openCohort();
    Application erased = testData.apply(cohort);
    Application staying = testData.apply(cohort);
    Volunteer navigator = volunteers.save(new Volunteer(cohort.getId(), "Navigator", TestData.uniqueEmail(),
        VolunteerRole.NAVIGATOR, List.of("Django core"), WeeklyAvailability.of(List.of("MON-18")), 4, null,
        Instant.now()));
    Team team = teams.save(new Team(cohort.getId(), "Team " + erased.getId(), "Django core", navigator.getId()));
    members.save(new TeamMember(team.getId(), erased.getId(), navigator.getId()));
    members.save(new TeamMember(team.getId(), staying.getId(), navigator.getId()));
    CheckIn checkIn = mentorship.recordCheckIn(cohort.getId(), team.getId(), 1, "navigator",
        new CheckInReport(true, 2, null, erased.getName() + ": #35123 progressed\n" + erased.getName()
            + ": https://github.com/django/django/pull/18000 opened\n" + staying.getName() + ": #35123 progressed\n"
            + "#35200 closed", 0, 0, null));
    assertThat(contributions.findByCheckInIdOrderById(checkIn.getId())).hasSize(4);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> exported = (List<Map<String, Object>>) personalData.export(erased.getEmail())
        .get("contributions");
    assertThat(exported).extracting(row -> row.get("url")).containsExactly(
        "https://code.djangoproject.com/ticket/35123", "https://github.com/django/django/pull/18000");

    personalData.erase(erased.getEmail());

    assertThat(contributions.findByCheckInIdOrderById(checkIn.getId()))
        .extracting(Contribution::getApplicationId, Contribution::getUrl).containsExactly(
            org.assertj.core.groups.Tuple.tuple(staying.getId(), "https://code.djangoproject.com/ticket/35123"),
            org.assertj.core.groups.Tuple.tuple(null, "https://code.djangoproject.com/ticket/35200"));
    assertThat(contributions.findByApplicationIdInOrderById(List.of(erased.getId()))).isEmpty();
  }
}
