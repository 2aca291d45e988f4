package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.team.TeamFormation.Candidate;
import space.djangonaut.missioncontrol.team.TeamFormation.Mentor;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedMember;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedTeam;
import space.djangonaut.missioncontrol.team.TeamFormation.TeamPlan;

class TeamFormationTest {

  private static final WeeklyAvailability EVENINGS = slots("MON-18", "TUE-18", "WED-18", "THU-18");
  private static final WeeklyAvailability MORNINGS = slots("MON-06", "TUE-06", "WED-06", "THU-06");

  private final TeamFormation formation = new TeamFormation();

  @Test
  void shouldFormTeamsOfThreeToFourByProject() {
    List<Candidate> djangonauts = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      djangonauts.add(candidate(i, "Django core", EVENINGS));
    }
    djangonauts.add(candidate(8, "DRF", EVENINGS));
    djangonauts.add(candidate(9, "DRF", EVENINGS));
    djangonauts.add(candidate(10, "DRF", EVENINGS));

    TeamPlan plan = formation.form(djangonauts,
        List.of(mentor(101, EVENINGS, 4, "Django core"), mentor(102, EVENINGS, 4, "Django core"),
            mentor(103, EVENINGS, 4, "DRF")),
        List.of(mentor(201, EVENINGS, 5), mentor(202, EVENINGS, 5)));

    assertThat(plan.teams()).extracting(t -> t.members().size()).containsExactly(4, 3, 3);
    assertThat(plan.teams()).extracting(PlannedTeam::project).containsExactly("Django core", "Django core", "DRF");
    assertThat(plan.problems()).isEmpty();
    assertThat(formation.check(plan, djangonauts, navigators(plan, 101, 102, 103), captains(201, 202))).isEmpty();
  }

  @Test
  void shouldKeepFiveSharedHoursBetweenATeamAndItsNavigator() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS), candidate(4, "Django core", MORNINGS));

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, slots("MON-18", "MON-06"), 4)));

    assertThat(plan.teams()).singleElement().satisfies(team ->
        assertThat(team.members()).extracting(PlannedMember::applicationId).containsExactly(1L, 2L, 3L));
    assertThat(plan.problems()).anyMatch(p -> Long.valueOf(4).equals(p.applicationId())
        && p.message().contains("could not join a team"));
  }

  @Test
  void shouldGiveEachDjangonautACaptainSharingThreeHours() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS));

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, MORNINGS, 4), mentor(202, slots("WED-18"), 4)));

    assertThat(plan.teams().get(0).members()).extracting(PlannedMember::captainId).containsOnly(202L);
    assertThat(plan.problems()).extracting(p -> p.message()).containsExactly("Captain C201 has no Djangonaut.");
  }

  @Test
  void shouldNeverGiveAVolunteerMoreThanTheirCapacity() {
    List<Candidate> djangonauts = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      djangonauts.add(candidate(i, "Django core", EVENINGS));
    }

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 3), mentor(202, EVENINGS, 1)));

    assertThat(plan.teams()).singleElement().satisfies(team -> assertThat(team.members()).hasSize(4));
    Map<Long, Integer> captainLoad = new HashMap<>();
    plan.teams().get(0).members().forEach(m -> captainLoad.merge(m.captainId(), 1, Integer::sum));
    assertThat(captainLoad).containsEntry(201L, 3).containsEntry(202L, 1);
  }

  @Test
  void shouldPlaceTheBetterRankedFirstAndReportTheWorstRankedLeftOut() {
    List<Candidate> djangonauts = new ArrayList<>();
    for (int i = 6; i >= 1; i--) {
      djangonauts.add(candidate(i, "Django core", EVENINGS));
    }

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 8)));

    assertThat(plan.teams().get(0).members()).extracting(PlannedMember::applicationId)
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(plan.problems()).extracting(p -> p.applicationId()).containsExactly(5L, 6L);
  }

  @Test
  void shouldReportAProjectWithoutANavigator() {
    List<Candidate> djangonauts = List.of(candidate(1, "djangoproject.com", EVENINGS),
        candidate(2, "djangoproject.com", EVENINGS), candidate(3, "djangoproject.com", EVENINGS));

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 8)));

    assertThat(plan.teams()).isEmpty();
    assertThat(plan.problems()).filteredOn(p -> p.applicationId() != null).hasSize(3)
        .allMatch(p -> p.message().contains("djangoproject.com"));
    assertThat(plan.problems()).anyMatch(p -> p.message().equals("Navigator N101 has no team."));
  }

  @Test
  void shouldReportADjangonautWhoseProjectHasTooFewForATeam() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS), candidate(4, "DRF", EVENINGS));

    TeamPlan plan = formation.form(djangonauts,
        List.of(mentor(101, EVENINGS, 4, "Django core"), mentor(102, EVENINGS, 4, "DRF")),
        List.of(mentor(201, EVENINGS, 8)));

    assertThat(plan.teams()).hasSize(1);
    assertThat(plan.problems()).anyMatch(p -> Long.valueOf(4).equals(p.applicationId()));
  }

  @Test
  void shouldKeepEveryRuleForARealisticCohortAndGiveTheSamePlanTwice() {
    Random random = new Random(42);
    List<String> projects = List.of("Django core", "DRF", "djangoproject.com");
    List<String> evening = List.of("MON-18", "TUE-18", "WED-18", "THU-18", "FRI-18", "SAT-15", "SUN-15");
    List<Candidate> djangonauts = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      List<String> own = new ArrayList<>(evening.subList(0, 3));
      own.add(evening.get(3 + random.nextInt(4)));
      djangonauts.add(candidate(i, projects.get(i <= 6 ? 0 : i <= 12 ? 1 : 2), WeeklyAvailability.of(own)));
    }
    WeeklyAvailability mentorTime = WeeklyAvailability.of(evening);
    List<Mentor> navigators = List.of(mentor(101, mentorTime, 4, "Django core", "DRF"),
        mentor(102, mentorTime, 4, "Django core"), mentor(103, mentorTime, 4, "DRF", "djangoproject.com"),
        mentor(104, mentorTime, 4, "djangoproject.com"), mentor(105, mentorTime, 4, "DRF"));
    List<Mentor> captains = List.of(mentor(201, mentorTime, 4), mentor(202, mentorTime, 4),
        mentor(203, mentorTime, 4), mentor(204, mentorTime, 4));

    TeamPlan plan = formation.form(djangonauts, navigators, captains);

    assertThat(formation.check(plan, djangonauts, navigators, captains)).isEmpty();
    assertThat(plan.teams().stream().mapToInt(t -> t.members().size()).sum()).isEqualTo(16);
    assertThat(formation.form(djangonauts, navigators, captains)).isEqualTo(plan);
  }

  @Test
  void shouldSplitSixIntoTwoTeamsOfThreeRatherThanFourAndTwo() {
    List<Candidate> djangonauts = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      djangonauts.add(candidate(i, "Django core", EVENINGS));
    }

    TeamPlan plan = formation.form(djangonauts,
        List.of(mentor(101, EVENINGS, 4, "Django core"), mentor(102, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 6)));

    assertThat(plan.teams()).extracting(t -> t.members().size()).containsExactly(3, 3);
    assertThat(plan.problems()).isEmpty();
  }

  @Test
  void shouldReportARuleBrokenByHand() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", MORNINGS));
    List<Mentor> navigators = List.of(mentor(101, EVENINGS, 2, "Django core"));
    List<Mentor> captains = List.of(mentor(201, EVENINGS, 8));
    TeamPlan byHand = new TeamPlan(List.of(new PlannedTeam("Team 1", "Django core", 101,
        List.of(new PlannedMember(1, 201), new PlannedMember(2, 201), new PlannedMember(3, 201)))), List.of());

    assertThat(formation.check(byHand, djangonauts, navigators, captains)).extracting(p -> p.message())
        .anyMatch(m -> m.contains("shares only 0 hours a week with its Navigator"))
        .anyMatch(m -> m.contains("shares only 0 hours with their Captain"))
        .anyMatch(m -> m.contains("has 3 Djangonauts but offered to take 2"));
  }

  @Test
  void shouldMoveADjangonautToAnotherCaptainSoThatEveryoneHasOneSharingThreeHours() {
    // D1 fits Captains C201 and C202, D2 only C201, D3 only C203. Giving D1 the first Captain that fits (C201)
    // would leave D2 without one: D1 has to go to C202.
    List<Candidate> djangonauts = List.of(
        candidate(1, "Django core", slots("MON-18", "TUE-18", "WED-06", "THU-06")),
        candidate(2, "Django core", slots("MON-18", "TUE-18", "WED-06")),
        candidate(3, "Django core", slots("MON-18", "TUE-18", "FRI-06")));
    List<Mentor> navigators = List.of(mentor(101, slots("MON-18", "TUE-18"), 4, "Django core"));
    List<Mentor> captains = List.of(mentor(201, slots("WED-06"), 1), mentor(202, slots("THU-06"), 1),
        mentor(203, slots("FRI-06"), 1));

    TeamPlan plan = formation.form(djangonauts, navigators, captains);

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.teams()).singleElement().satisfies(team -> assertThat(team.members())
        .containsExactly(new PlannedMember(1, 202), new PlannedMember(2, 201), new PlannedMember(3, 203)));
    assertThat(formation.check(plan, djangonauts, navigators, captains)).isEmpty();
  }

  @Test
  void shouldReportATeamLeftShortWhenCaptainsRunOut() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS));

    TeamPlan plan = formation.form(djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 2), mentor(202, EVENINGS, 0)));

    assertThat(plan.problems()).extracting(p -> p.message())
        .anyMatch(m -> m.contains("D3 (#3) has no Captain with a free place"))
        .anyMatch(m -> m.contains("Team 1 has only 2 Djangonauts with a Captain"))
        .anyMatch(m -> m.contains("Captain C202 has no Djangonaut"));
  }

  @Test
  void shouldReportUnknownPeopleInAPlanChangedByHandInsteadOfFailing() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS));
    TeamPlan byHand = new TeamPlan(List.of(new PlannedTeam("Team 1", "Django core", 999,
        List.of(new PlannedMember(1, 201), new PlannedMember(2, 888), new PlannedMember(77, 201)))), List.of());

    assertThat(formation.check(byHand, djangonauts, List.of(mentor(101, EVENINGS, 4, "Django core")),
        List.of(mentor(201, EVENINGS, 4)))).extracting(p -> p.message())
        .anyMatch(m -> m.contains("no approved Navigator (#999)"))
        .anyMatch(m -> m.contains("no approved Captain (#888)"))
        .anyMatch(m -> m.contains("application #77 is not a confirmed Djangonaut"))
        .anyMatch(m -> m.contains("D3 (#3) is not in a team"));
  }

  // --- fixtures

  @Test
  void shouldOfferInPlaceOfANavigatorOnlyOneWhoKnowsTheProjectSharesTheHoursAndHasAFreePlace() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", EVENINGS), candidate(4, "DRF", EVENINGS), candidate(5, "DRF", EVENINGS),
        candidate(6, "DRF", EVENINGS));
    TeamPlan plan = new TeamPlan(List.of(
        new PlannedTeam("Team 1", "Django core", 101, members(201, 1, 2, 3)),
        new PlannedTeam("Team 2", "DRF", 102, members(201, 4, 5, 6))), List.of());
    List<Mentor> navigators = List.of(mentor(101, EVENINGS, 4, "Django core"), mentor(102, EVENINGS, 3, "DRF",
        "Django core"), mentor(103, EVENINGS, 4, "Django core"), mentor(104, EVENINGS, 4, "DRF"),
        mentor(105, MORNINGS, 4, "Django core"));
    List<Mentor> captains = List.of(mentor(201, EVENINGS, 6));

    assertThat(formation.replacementProblems(plan, "Team 1", 101, 103, true, djangonauts, navigators, captains))
        .isEmpty();
    assertThat(formation.replacementProblems(plan, "Team 1", 101, 104, true, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message).containsExactly("Team 1: Navigator N104 does not know Django core.");
    assertThat(formation.replacementProblems(plan, "Team 1", 101, 105, true, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message)
        .containsExactly("Team 1 shares only 0 hours a week with its Navigator N105; 5 are needed.");
    assertThat(formation.replacementProblems(plan, "Team 1", 101, 102, true, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message).containsExactly("N102 has 6 Djangonauts but offered to take 3.");
  }

  @Test
  void shouldOfferInPlaceOfACaptainOnlyOneWhoSharesThreeHoursWithEachOfTheirDjangonautsAndHasRoom() {
    List<Candidate> djangonauts = List.of(candidate(1, "Django core", EVENINGS), candidate(2, "Django core", EVENINGS),
        candidate(3, "Django core", slots("MON-18", "SAT-09")));
    TeamPlan plan = new TeamPlan(List.of(new PlannedTeam("Team 1", "Django core", 101,
        List.of(new PlannedMember(1, 201), new PlannedMember(2, 201), new PlannedMember(3, 202)))), List.of());
    List<Mentor> navigators = List.of(mentor(101, slots("MON-18", "TUE-18", "WED-18", "SAT-09"), 4, "Django core"));
    List<Mentor> captains = List.of(mentor(201, EVENINGS, 4), mentor(202, slots("MON-18", "SAT-09"), 4),
        mentor(203, EVENINGS, 2), mentor(204, EVENINGS, 1), mentor(205, slots("SAT-09"), 4));

    assertThat(formation.replacementProblems(plan, "Team 1", 201, 203, false, djangonauts, navigators, captains))
        .isEmpty();
    assertThat(formation.replacementProblems(plan, "Team 1", 201, 204, false, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message).containsExactly("C204 has 2 Djangonauts but offered to take 1.");
    assertThat(formation.replacementProblems(plan, "Team 1", 201, 205, false, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message).as("D3 keeps their own Captain").containsExactly(
            "D1 (#1) shares only 0 hours with their Captain C205.", "D2 (#2) shares only 0 hours with their Captain "
                + "C205.");
  }

  private static List<PlannedMember> members(long captainId, long... applicationIds) {
    List<PlannedMember> members = new ArrayList<>();
    for (long id : applicationIds) {
      members.add(new PlannedMember(id, captainId));
    }
    return members;
  }

  private static Candidate candidate(int ranking, String project, WeeklyAvailability availability) {
    return new Candidate(ranking, ranking, "D" + ranking, project, availability);
  }

  private static Mentor mentor(long id, WeeklyAvailability availability, int capacity, String... projects) {
    String name = (id < 200 ? "N" : "C") + id;
    return new Mentor(id, name, Set.of(projects), availability, capacity);
  }

  private static WeeklyAvailability slots(String... codes) {
    return WeeklyAvailability.of(List.of(codes));
  }

  private static List<Mentor> navigators(TeamPlan plan, long... ids) {
    List<Mentor> all = new ArrayList<>();
    for (long id : ids) {
      all.add(mentor(id, EVENINGS, 4, id == 103 ? "DRF" : "Django core"));
    }
    return all;
  }

  private static List<Mentor> captains(long... ids) {
    List<Mentor> all = new ArrayList<>();
    for (long id : ids) {
      all.add(mentor(id, EVENINGS, 5));
    }
    return all;
  }
}
