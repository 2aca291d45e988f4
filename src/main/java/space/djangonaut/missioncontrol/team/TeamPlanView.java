package space.djangonaut.missioncontrol.team;

/** What {@code forms/confirm-teams.form} shows read-only: the proposed teams and the rules they do not meet. */
public record TeamPlanView(String teamPlan, String teamProblems) {}
