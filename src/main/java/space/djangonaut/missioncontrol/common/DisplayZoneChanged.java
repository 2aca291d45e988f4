package space.djangonaut.missioncontrol.common;

/**
 * An account's display zone was set or taken away ({@link DisplayZone#choose}), published in the same thread: the
 * forms already drawn for the account are drawn again in its new zone.
 *
 * @param userId the Camunda user id
 */
public record DisplayZoneChanged(String userId) {}
