package space.djangonaut.missioncontrol.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.TaskFormFields;
import space.djangonaut.missioncontrol.process.TaskForms;

/**
 * People write only what their task's form asks: in front of the engine's REST API ({@value #ENGINE_REST}) and
 * Tasklist's copy of it ({@value #WEBAPP_ENGINE_API}), a request of anyone but an organiser that writes process
 * variables is refused with HTTP 400 unless every variable it writes is a field of the deployed Camunda Form of the
 * task it addresses ({@link TaskFormFields}). The body is Camunda's error format,
 * {@code {"type":"InvalidRequestException","message":"You may only submit the fields of this task's form; not:
 * applicationId"}}, and the request goes no further, so nothing changes.
 *
 * <p>Where the rule comes from: issue 10 ("users write only what their form asks"). Process variables hold the ids
 * the steps act on, the gateway flags and the dates the timers read (README, "The processes"); none of them is a
 * field of a form a reviewer, Navigator or Captain fills ({@code TaskFormFieldsTest} keeps it so), so they have no
 * reason to write one. Organisers (group {@value Roles#ORGANISERS}) keep full access: they repair processes.
 *
 * <p>What counts as writing a variable, whatever the endpoint:
 * <ul>
 *   <li>a path with a {@code variables} or {@code localVariables} segment followed by a name (put, delete, the
 *       multipart {@code .../data} upload): that name;</li>
 *   <li>in a JSON body, at any depth, the names of every object under {@code variables}, {@code localVariables},
 *       {@code modifications}, {@code processVariables}, {@code processVariablesLocal},
 *       {@code processVariablesToTriggeredScope}, {@code correlationKeys} or {@code localCorrelationKeys} (every map
 *       of variables in Camunda's request types: completion, submit-form, resolve, BPMN errors and escalations,
 *       messages, signals, starts, modifications and migrations), and the strings of a {@code deletions} list. Query
 *       bodies are not writes: their {@code processVariables} are lists of conditions, not objects.</li>
 * </ul>
 * On a task ({@code task/{id}/...}) the names must be fields of that task's form; anywhere else (executions, process
 * instances, messages, signals, modifications, starts) no variable at all may be written by a non-organiser. A field
 * the form shows read-only, drawn from Mission Control's records ({@link TaskForms#isDrawn}), may come only with a
 * submission (form-js sends it along): written through the task's variable endpoints it would change what the next
 * person to claim the task reads, and such a field keeps no history (issue 14's review).
 *
 * <p>Why a servlet filter and not a JAX-RS filter or an engine command interceptor: the two APIs are two Jersey
 * applications, one built by Spring Boot and one that Camunda's webapp initializer registers by class, which a
 * provider of ours could reach only through Jersey's global auto-discovery; and inside the engine the variables of a
 * request are private fields of some thirty command classes, written in the same transaction as the variables the
 * process's own steps set. In front of both servlets, one filter sees every request as it arrives, whichever
 * endpoint, and decides from the path segments and the body alone, denying by default (any variable map anywhere in
 * any body counts, not a list of known endpoints):
 * <ul>
 *   <li>URL variations do not change the decision: the path is the container's decoded and normalised one (matrix
 *       parameters, {@code .} and {@code ..} resolved; an encoded slash is refused by Tomcat), split into segments
 *       with empty ones dropped (trailing and doubled slashes), compared without regard to case, with an optional
 *       {@code engine/<any name>} prefix taken off, so {@code /engine-rest/task/...},
 *       {@code /engine-rest/engine/DEFAULT/task/...} and {@code /camunda/api/engine/engine/default/task/...} are
 *       one and the same (before this filter, Spring Security's firewall already refuses doubled slashes, matrix
 *       parameters and dot segments; the decision does not rely on it). Only GET, HEAD and OPTIONS without a
 *       method-override header pass unread;</li>
 *   <li>the body is read whatever its content type says (a request without one is read as JSON, as Camunda reads
 *       it) into a buffer the API then reads again ({@link CachedBody}); a non-organiser's body that is neither JSON
 *       nor multipart, names a member twice or is larger than {@value #MAX_BODY_BYTES} bytes is refused. A multipart
 *       body reaches only the endpoints that take one (Jersey answers the JSON endpoints with 415): of those, only
 *       the variable uploads write variables, named in the path.</li>
 * </ul>
 *
 * <p>Who asks is Camunda's authentication of the request: on {@value #ENGINE_REST} the user that
 * {@code ProcessEngineAuthenticationFilter} authenticated with HTTP Basic (this filter is registered after it, see
 * {@link SecurityConfiguration}); on Tasklist's API the user of the webapp's session (its login), read from the
 * session because Camunda's webapp filters run after those of the application. A request without an authenticated
 * user is treated as a non-organiser's.
 */
class TaskVariableGuard extends OncePerRequestFilter {

  /** The path of Camunda's REST API, served by Jersey through Spring Boot. */
  static final String ENGINE_REST = "/engine-rest";
  /** The path of the engine's REST API inside Camunda's webapps, which Tasklist calls. */
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine";
  /** The largest JSON body a non-organiser may send to a guarded endpoint (1 MiB). */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** Headers with which some JAX-RS set-ups let a GET stand for another method; none of ours do, but no matter. */
  private static final List<String> METHOD_OVERRIDES =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "localvariables", "modifications",
      "processvariables", "processvariableslocal", "processvariablestotriggeredscope", "correlationkeys",
      "localcorrelationkeys");
  private static final Set<String> VARIABLE_RESOURCES = Set.of("variables", "localvariables");
  private static final String DELETIONS = "deletions";

  private final TaskFormFields forms;
  private final IdentityService identityService;
  private final String engineName;
  /** Stricter than Camunda's reader: a name given twice, or anything after the JSON value, is refused. */
  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  TaskVariableGuard(TaskFormFields forms, IdentityService identityService, String engineName) {
    this.forms = forms;
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isRead(request) || isOrganiser(request)) {
      chain.doFilter(request, response);
      return;
    }
    List<String> resource = resourceSegments(request);
    Set<String> written = new TreeSet<>(pathVariable(resource).stream().toList());
    HttpServletRequest forward = request;
    if (!isMultipart(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "The request is larger than " + (MAX_BODY_BYTES >> 10) + " KB.");
        return;
      }
      if (!isBlank(body)) {
        try {
          collectVariableNames(json.readTree(body), written);
        } catch (JsonProcessingException e) {
          refuse(response, HttpServletResponse.SC_BAD_REQUEST,
              "The request body is not valid JSON: " + e.getOriginalMessage());
          return;
        }
      }
      forward = new CachedBody(request, body);
    }
    if (written.isEmpty()) {
      passOn(resource, forward, response, chain);
      return;
    }
    Optional<String> taskId = taskId(resource);
    Optional<Set<String>> fields = taskId.flatMap(forms::of);
    if (taskId.isPresent() && fields.isEmpty()) {
      refuse(response, HttpServletResponse.SC_NOT_FOUND,
          "There is no task " + taskId.get() + ": it may have been completed already.");
      return;
    }
    if (fields.isEmpty()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST,
          "Only organisers may set process variables here; not: " + String.join(", ", written));
      return;
    }
    Set<String> notFields = new TreeSet<>(written);
    notFields.removeAll(fields.get());
    if (!notFields.isEmpty()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST,
          "You may only submit the fields of this task's form; not: " + String.join(", ", notFields));
      return;
    }
    Set<String> drawn = new TreeSet<>(written);
    drawn.removeIf(name -> !TaskForms.isDrawn(taskId.get(), name));
    if (isVariableResource(resource) && !drawn.isEmpty()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The form shows these read-only, drawn from Mission "
          + "Control's records; only a submission of the form may carry them: " + String.join(", ", drawn));
      return;
    }
    passOn(resource, forward, response, chain);
  }

  /** What writes no variable it may not write goes on to the API, unless it ends a task without its form. */
  private void passOn(List<String> resource, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (endsTaskWithoutItsForm(resource)) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST,
          "Only organisers may end a task with a BPMN error or escalation; complete it with its form.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A GET, HEAD or OPTIONS that does not ask to be taken for another method: it reads, it writes nothing. */
  private static boolean isRead(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        && METHOD_OVERRIDES.stream().allMatch(header -> request.getHeader(header) == null);
  }

  /** The caller is in group {@value Roles#ORGANISERS}, as Camunda authenticated this request. */
  private boolean isOrganiser(HttpServletRequest request) {
    List<String> groups = List.of();
    if (path(request).startsWith(WEBAPP_ENGINE_API + "/")) {
      HttpSession session = request.getSession(false);
      if (session != null && AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
          && user.getGroupIds() != null) {
        groups = user.getGroupIds();
      }
    } else {
      Authentication authentication = identityService.getCurrentAuthentication();
      if (authentication != null && authentication.getGroupIds() != null) {
        groups = authentication.getGroupIds();
      }
    }
    return groups.contains(Roles.ORGANISERS);
  }

  /**
   * The path below the API's root as segments, decoded and normalised by the container, without empty segments
   * and without an {@code engine/<name>} prefix.
   */
  static List<String> resourceSegments(HttpServletRequest request) {
    String path = path(request);
    for (String root : List.of(ENGINE_REST, WEBAPP_ENGINE_API)) {
      if (path.equals(root) || path.startsWith(root + "/")) {
        path = path.substring(root.length());
        break;
      }
    }
    List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
    if (segments.size() >= 2 && segments.get(0).equalsIgnoreCase("engine")) {
      segments.subList(0, 2).clear();
    }
    return segments;
  }

  private static String path(HttpServletRequest request) {
    return request.getServletPath() + Objects.toString(request.getPathInfo(), "");
  }

  /**
   * A {@code task/<id>/variables...} or {@code task/<id>/localVariables...} request: it writes variables and nothing
   * else, unlike a submission ({@code submit-form}, {@code complete}, {@code resolve}), which ends the task's work.
   */
  static boolean isVariableResource(List<String> resource) {
    return resource.size() >= 3 && VARIABLE_RESOURCES.contains(resource.get(2).toLowerCase(Locale.ROOT));
  }

  /** The variable a {@code .../variables/<name>} or {@code .../localVariables/<name>} path writes. */
  private static Optional<String> pathVariable(List<String> resource) {
    for (int i = 0; i < resource.size() - 1; i++) {
      if (VARIABLE_RESOURCES.contains(resource.get(i).toLowerCase(Locale.ROOT))) {
        return Optional.of(resource.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code task/<id>/bpmnError} or {@code bpmnEscalation}: it ends the task without its form (no diagram catches
   * one from a user task), so a review could end without a review.
   */
  static boolean endsTaskWithoutItsForm(List<String> resource) {
    return resource.size() >= 3 && resource.get(0).equalsIgnoreCase("task")
        && (resource.get(2).equalsIgnoreCase("bpmnError") || resource.get(2).equalsIgnoreCase("bpmnEscalation"));
  }

  /** The task a {@code task/<id>/...} path addresses. */
  private static Optional<String> taskId(List<String> resource) {
    return resource.size() >= 2 && resource.get(0).equalsIgnoreCase("task")
        ? Optional.of(resource.get(1)) : Optional.empty();
  }

  /** Adds the names of every variable the body writes; the values of those variables are not looked into. */
  static void collectVariableNames(JsonNode node, Set<String> names) {
    if (node.isArray()) {
      node.forEach(element -> collectVariableNames(element, names));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String key = member.getKey().toLowerCase(Locale.ROOT);
      JsonNode value = member.getValue();
      if (VARIABLE_MAPS.contains(key) && value.isObject()) {
        value.fieldNames().forEachRemaining(names::add);
      } else if (key.equals(DELETIONS) && value.isArray()) {
        value.forEach(name -> names.add(name.asText()));
      } else {
        collectVariableNames(value, names);
      }
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "InvalidRequestException");
    error.put("message", message);
    error.put("code", null);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(error));
  }

  /** The request with its body read once by this filter and served again, unchanged, to the API. */
  static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
