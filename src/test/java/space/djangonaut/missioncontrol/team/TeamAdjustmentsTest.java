package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.team.TeamAdjustments.Move;

/** How an organiser's written adjustments in Task_ConfirmTeams are read (TeamAdjustments.parse). */
class TeamAdjustmentsTest {

  @Test
  void shouldReadOneMovePerLineInAnyCaseSkippingBlankLines() {
    assertThat(TeamAdjustments.parse("move #12 to Team 1\n\n  MOVE #7 to  Team Pony  \r\n"))
        .containsExactly(new Move(1, 12, "Team 1"), new Move(3, 7, "Team Pony"));
  }

  @Test
  void shouldReadNothingFromAnEmptyAnswer() {
    assertThat(TeamAdjustments.parse(null)).isEmpty();
    assertThat(TeamAdjustments.parse("  \n ")).isEmpty();
  }

  @Test
  void shouldNameTheLineThatIsNotAMove() {
    assertThatThrownBy(() -> TeamAdjustments.parse("move #12 to Team 1\nput 7 in Team 2"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("teamAdjustments, line 2: write \"move #<application id> to <team name>\".");
  }

  @Test
  void shouldRefuseAnIdPastTheLargestThereCanBeAsNoDjangonautOfTheCohort() {
    assertThatThrownBy(() -> TeamAdjustments.parse("move #999999999999999999999 to Team 1"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("teamAdjustments, line 1: #999999999999999999999 is not a confirmed Djangonaut of this cohort.");
  }
}
