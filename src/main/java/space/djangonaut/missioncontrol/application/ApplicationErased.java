package space.djangonaut.missioncontrol.application;

/**
 * An application's personal data is being erased, on request or after the retention time. Published synchronously,
 * inside the erasing transaction and before the application's row is blanked: listeners remove what they hold about
 * the application (its process instance and history) or about the address (survey invitations). A listener that
 * throws rolls the whole erasure back.
 *
 * @param applicationId the application's id (the business key of its process)
 * @param email the address the application was made with, as stored (lower-case)
 */
public record ApplicationErased(long applicationId, String email) {}
