package space.djangonaut.missioncontrol.survey;

/**
 * A mid-point answer was erased with its person: what the process showed about it (the organiser's follow-up task:
 * who answered, their words, the organiser's note) must go too. Published in the erasing transaction.
 *
 * @param teamId the team whose process ran the follow-up, if any
 * @param midpointCheckId the erased answer
 */
public record MidpointAnswersErased(long teamId, long midpointCheckId) {}
