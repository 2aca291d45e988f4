package space.djangonaut.missioncontrol.application;

import jakarta.validation.constraints.Size;

/**
 * The organiser's changes to the proposed selection, from {@code forms/finalise-selection.form}: one per line,
 * {@code #<application id> accepted|waitlisted|rejected}; empty keeps the proposal.
 */
public record SelectionChanges(
    @Size(max = 20_000, message = "keep the changes to {max} characters.") String selectionChanges) {}
