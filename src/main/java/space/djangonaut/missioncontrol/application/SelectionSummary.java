package space.djangonaut.missioncontrol.application;

/** What {@code forms/finalise-selection.form} shows read-only: the proposal in a sentence and where to read it. */
public record SelectionSummary(String selectionSummary) {}
