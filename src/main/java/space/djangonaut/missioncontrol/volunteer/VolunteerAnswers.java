package space.djangonaut.missioncontrol.volunteer;

/** What the organiser reads, read-only, in {@code forms/approve-volunteer.form}; components are its field keys. */
public record VolunteerAnswers(String volunteerName, String volunteerEmail, String volunteerRole,
    String volunteerCohort, String volunteerProjects, String volunteerAvailability, String volunteerCapacity,
    String volunteerMotivation) {}
