package space.djangonaut.missioncontrol.process;

import java.util.List;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;

/**
 * The names class of every diagram in {@code bpmn/}, one per process: the deployment checks read their messages and
 * variables from here, and {@code ProcessNamesTest} fails when a diagram has none or this list misses one.
 */
public final class ProcessNames {

  /** {@code ApplicationProcess}, {@code CohortProcess}, {@code TeamProcess}, {@code VolunteerProcess}. */
  public static final List<Class<?>> ALL = List.of(ApplicationProcess.class, CohortProcess.class,
      TeamProcess.class, VolunteerProcess.class);

  private ProcessNames() {}
}
