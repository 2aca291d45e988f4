package space.djangonaut.missioncontrol.application;

/**
 * What a reviewer sees of an application, read-only in the review form; the components are the form's field keys.
 * Contact details and sensitive answers (email, pronouns) are left out.
 */
public record ApplicantAnswers(String applicantName, String cohortName, String applicantTimezone,
    String applicantAvailability, String applicantHoursPerWeek, String applicantDjangoExperience,
    String applicantExperienceDetails, String applicantMotivation, String applicantProject,
    String applicantContributionUrl) {}
