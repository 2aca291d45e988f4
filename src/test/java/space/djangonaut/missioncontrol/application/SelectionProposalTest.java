package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default proposal (SelectionService.proposedOutcome): the places, then half as many waitlisted, then the rest. */
class SelectionProposalTest {

  @Test
  void shouldOfferThePlacesFromTheTopOfTheRanking() {
    assertThat(SelectionService.proposedOutcome(1, 18)).isEqualTo(Outcome.ACCEPTED);
    assertThat(SelectionService.proposedOutcome(18, 18)).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void shouldWaitlistHalfTheCapacityRoundedUpAfterThePlaces() {
    assertThat(SelectionService.proposedOutcome(19, 18)).isEqualTo(Outcome.WAITLISTED);
    assertThat(SelectionService.proposedOutcome(27, 18)).isEqualTo(Outcome.WAITLISTED);
    assertThat(SelectionService.proposedOutcome(5, 3)).isEqualTo(Outcome.WAITLISTED);
  }

  @Test
  void shouldRejectEveryoneBelowTheWaitlist() {
    assertThat(SelectionService.proposedOutcome(28, 18)).isEqualTo(Outcome.REJECTED);
    assertThat(SelectionService.proposedOutcome(6, 3)).isEqualTo(Outcome.REJECTED);
    assertThat(SelectionService.proposedOutcome(172, 18)).isEqualTo(Outcome.REJECTED);
  }
}
