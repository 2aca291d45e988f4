package space.djangonaut.missioncontrol.process.team;

import java.util.Date;
import space.djangonaut.missioncontrol.process.cohort.WeekCalendarStub;

/** Stands for {@link CheckInDueDates} in diagram tests: no meeting chosen, so a check-in is due at its week's end. */
public class CheckInDueDatesStub {

  /** The bean name the diagram's expressions use. */
  public static final String BEAN = "checkInDueDates";

  private final WeekCalendarStub calendar;

  public CheckInDueDatesStub(WeekCalendarStub calendar) {
    this.calendar = calendar;
  }

  public Date dueAt(long teamId, long cohortId, long week) {
    return calendar.dueAt(cohortId, week);
  }
}
