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

  /** The batches of the ranking (a hundred places each) the selection's decisions go out in. */
  public static final List<Long> BATCHES = List.of(0L, 1L);

  /** The application ids the selection decided and the batches did not tell. */
  public static final List<Long> DECIDED = List.of(201L, 202L, 203L);

  /** The batches to tell, one job each. */
  public List<Long> decisionBatches(long cohortId) {
    TeamDirectoryStub.requireCohort(cohortId);
    return BATCHES;
  }

  /** The applications to tell their outcome, one job each. */
  public List<Long> decidedApplicationIds(long cohortId) {
    TeamDirectoryStub.requireCohort(cohortId);
    return DECIDED;
  }
}
