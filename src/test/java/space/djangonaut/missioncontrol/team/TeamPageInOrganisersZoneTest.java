package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.ProposedTeams.Fixture;

/**
 * Issue 12: the organisers' team page draws availability and shared hours in the zone of the organiser who reads it,
 * with UTC alongside; an organiser without a zone reads the fallback ({@code missioncontrol.display-zone}, UTC in the
 * tests). The team of {@code TeamPageTest}'s clock-change case: Djangonauts in New York, Monday 12-18 on their clock.
 * The placement form of a late Djangonaut ({@link TeamAdjustments#placementContext}) likewise, for its assignee.
 */
@IntegrationTest
class TeamPageInOrganisersZoneTest {

  @LocalServerPort int port;
  @Autowired ProposedTeams proposed;
  @Autowired TestData testData;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TeamAdjustments adjustments;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldDrawTheTeamPageInTheZoneOfTheOrganiserWhoReadsItWithUtcAlongside() {
    Fixture f = proposed.formed(false);
    jdbc.update("update cohort set starts_on = ?, weeks = 9 where id = ?", java.sql.Date.valueOf("2027-01-29"),
        f.run().cohortId());
    jdbc.update("update volunteer set availability = 'MON-18,MON-21', availability_zone = 'UTC' where id = ?",
        f.eveningNavigator().getId());
    f.evening().forEach(a -> jdbc.update("update application set availability = 'MON-12,MON-15', "
        + "availability_zone = 'America/New_York' where id = ?", a.getId()));
    String inTokyo = testData.organiser();
    identityService.setUserInfo(inTokyo, "timeZone", "Asia/Tokyo");
    String withoutZone = testData.organiser();

    String tokyoPage = TeamPageTest.text(client(inTokyo).get(f.page()).body());
    String fallbackPage = TeamPageTest.text(client(withoutZone).get(f.page()).body());

    assertThat(tokyoPage)
        .contains("Mon 12-18 (America/New_York); Asia/Tokyo: Tue 02:00-08:00; UTC: Mon 17:00-23:00"
            + " (week from 29 January 2027)")
        .contains("Hours the team shares with its Navigator: 4 (Tue 03:00-07:00 Asia/Tokyo = Mon 18:00-22:00 UTC"
            + " in week 7 (from 12 March))")
        .contains("Times are shown in each person's zone, in yours (Asia/Tokyo) and in UTC.");
    assertThat(fallbackPage)
        .contains("Mon 12-18 (America/New_York); UTC: Mon 17:00-23:00 (week from 29 January 2027)")
        .contains("Hours the team shares with its Navigator: 4 (Mon 18:00-22:00 UTC in week 7 (from 12 March))")
        .doesNotContain("Asia/Tokyo");
    // The placement form of a late Djangonaut, drawn for the organiser who holds it.
    var djangonaut = f.evening().get(0);
    assertThat(adjustments.placementContext(djangonaut.getId(), inTokyo).djangonautSummary()).isEqualTo("#"
        + djangonaut.getId() + " " + djangonaut.getName() + ", " + djangonaut.getProject() + ", available Mon 12-18"
        + " (America/New_York);"
        + " Asia/Tokyo: Tue 02:00-08:00; UTC: Mon 17:00-23:00 (week from 29 January 2027)");
    assertThat(adjustments.placementContext(djangonaut.getId(), withoutZone).djangonautSummary())
        .endsWith("available Mon 12-18 (America/New_York); UTC: Mon 17:00-23:00 (week from 29 January 2027)");
  }

  private WebClient client(String user) {
    return new WebClient(port).basicAuth(user, user);
  }
}
