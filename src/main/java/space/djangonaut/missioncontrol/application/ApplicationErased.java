package space.djangonaut.missioncontrol.application;

/**
 * An application's personal data is being erased, on request or after the retention time. Published synchronously,
 * inside the erasing transaction and before the application's row is blanked: listeners remove what they hold about
 * the application (its process instance and history) or about the address (survey invitations). A listener that
 * throws rolls the whole erasure back.
 *
 * <p>By then the person has left whatever they were part of, through the same path as a withdrawal
 * ({@link WithdrawalService}); listeners scrub the mentions of {@code name} and {@code email} from what was written
 * for or about others (the cohort's and its teams' process variables, notes about them).
 *
 * @param applicationId the application's id (the business key of its process)
 * @param email the address the application was made with, as stored (lower-case)
 * @param name the name the applicant gave
 * @param cohortId the application's cohort
 * @param cohortSlug the cohort's slug (the business key of its process)
 */
public record ApplicationErased(long applicationId, String email, String name, long cohortId, String cohortSlug) {}
