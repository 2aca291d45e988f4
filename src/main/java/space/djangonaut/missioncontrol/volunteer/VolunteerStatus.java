package space.djangonaut.missioncontrol.volunteer;

public enum VolunteerStatus {
  PENDING,
  APPROVED,
  DECLINED
}
