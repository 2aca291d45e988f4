package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * How {@link TaskVariableGuard} reads a request: the resource its path names, whatever shape the path has after the
 * container decoded it, and the variables its body writes, whichever request type carries them. The refusals
 * themselves, through real HTTP, are in {@link FormFieldsOnlyTest}.
 */
class TaskVariableGuardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldNameTheSameTaskResourceWhateverTheApiEngineNameCaseOrSlashes() {
    List<String> expected = List.of("task", "42", "submit-form");

    assertThat(segments("/engine-rest", "/task/42/submit-form")).isEqualTo(expected);
    assertThat(segments("/engine-rest", "/engine/default/task/42/submit-form")).isEqualTo(expected);
    assertThat(segments("/engine-rest", "/ENGINE/Default/task/42/submit-form/")).isEqualTo(expected);
    assertThat(segments("/camunda/api/engine", "/engine/DEFAULT//task//42/submit-form//")).isEqualTo(expected);
    assertThat(segments("/engine-rest", "/TASK/42/SUBMIT-FORM")).containsExactly("TASK", "42", "SUBMIT-FORM");
  }

  @Test
  void shouldReadTheVariablesOfEveryRequestTypeThatCarriesThem() throws Exception {
    assertThat(names("{\"variables\":{\"scoreMotivation\":{\"value\":4},\"applicationId\":{\"value\":14}}}"))
        .containsExactly("applicationId", "scoreMotivation");
    assertThat(names("{\"modifications\":{\"outcome\":{\"value\":\"accepted\"}},\"deletions\":[\"week\"]}"))
        .containsExactly("outcome", "week");
    assertThat(names("{\"messageName\":\"m\",\"processVariables\":{\"a\":{}},\"processVariablesLocal\":{\"b\":{}},"
        + "\"processVariablesToTriggeredScope\":{\"c\":{}},\"correlationKeys\":{\"d\":{}},"
        + "\"localCorrelationKeys\":{\"e\":{}}}")).containsExactly("a", "b", "c", "d", "e");
    assertThat(names("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"variables\":{\"teamId\":{}}}],"
        + "\"startInstructions\":[{\"variables\":{\"cohortId\":{}}}]}")).containsExactly("cohortId", "teamId");
    assertThat(names("{\"localVariables\":{\"djangonautId\":{}},\"LocalVariables\":{\"allReviewed\":{}}}"))
        .containsExactly("allReviewed", "djangonautId");
  }

  @Test
  void shouldNotTakeQueriesOrTheInsideOfAVariablesValueForWrites() throws Exception {
    assertThat(names("{\"processVariables\":[{\"name\":\"applicationId\",\"operator\":\"eq\",\"value\":13}],"
        + "\"taskVariables\":[],\"sorting\":[{\"sortBy\":\"created\"}]}")).isEmpty();
    assertThat(names("{\"variables\":{\"reviewComment\":{\"value\":{\"variables\":{\"applicationId\":1}}}}}"))
        .containsExactly("reviewComment");
  }

  private static List<String> segments(String servletPath, String pathInfo) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    return TaskVariableGuard.resourceSegments(request);
  }

  private static Set<String> names(String body) throws Exception {
    Set<String> names = new TreeSet<>();
    TaskVariableGuard.collectVariableNames(JSON.readTree(body), names);
    return names;
  }
}
