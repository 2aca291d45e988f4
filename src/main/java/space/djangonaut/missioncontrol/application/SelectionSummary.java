package space.djangonaut.missioncontrol.application;

/**
 * What {@code forms/finalise-selection.form} shows read-only: the proposal in a sentence and where to read it, and the
 * applications still in review, which the selection cannot decide.
 */
public record SelectionSummary(String selectionSummary, String stillInReview) {}
