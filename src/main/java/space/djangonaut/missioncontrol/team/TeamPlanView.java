package space.djangonaut.missioncontrol.team;

/**
 * What {@code forms/confirm-teams.form} shows read-only: the proposed teams, the rules they do not meet, and the
 * path of the cohort's team page ({@code /organiser/cohorts/<slug>/teams}) where the organiser changes them.
 */
public record TeamPlanView(String teamPlan, String teamProblems, String teamsPage) {}
