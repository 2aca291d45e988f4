package space.djangonaut.missioncontrol.process.cohort;

import java.util.List;

/**
 * Stands in for the bean {@code selectionService} ({@code application.SelectionService}) in {@code cohort.bpmn}'s
 * expressions: the decided applications of {@link TeamDirectoryStub#COHORT}. Public, with public methods, for the
 * expression language to call.
 */
public class SelectionServiceStub {

  /** The bean name the diagram's expressions use. */
  public static final String BEAN = "selectionService";

  /** The application ids the selection decided. */
  public static final List<Long> DECIDED = List.of(201L, 202L, 203L);

  /** The applications to tell their outcome, one job each. */
  public List<Long> decidedApplicationIds(long cohortId) {
    TeamDirectoryStub.requireCohort(cohortId);
    return DECIDED;
  }
}
