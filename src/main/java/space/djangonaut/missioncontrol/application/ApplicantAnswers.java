package space.djangonaut.missioncontrol.application;

/**
 * What a reviewer sees of an application, read-only in the review form; the components are the form's field keys.
 * Contact details and sensitive answers (email, pronouns, and the application form's other questions marked
 * sensitive) are left out; {@code applicantOtherAnswers} is the other questions' answers as plain text
 * ({@link ApplyFormSchema#forReviewers}).
 */
public record ApplicantAnswers(String applicantName, String cohortName, String applicantTimezone,
    String applicantAvailability, String applicantHoursPerWeek, String applicantDjangoExperience,
    String applicantExperienceDetails, String applicantMotivation, String applicantProject,
    String applicantContributionUrl, String applicantOtherAnswers) {}
