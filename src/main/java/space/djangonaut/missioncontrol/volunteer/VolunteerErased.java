package space.djangonaut.missioncontrol.volunteer;

/**
 * A volunteer sign-up's personal data is being erased. Published synchronously, inside the erasing transaction and
 * before the sign-up's row is blanked: the process layer removes the sign-up's process instance with its history. A
 * listener that throws rolls the whole erasure back.
 *
 * @param volunteerId the sign-up's id (the business key of its process)
 */
public record VolunteerErased(long volunteerId) {}
