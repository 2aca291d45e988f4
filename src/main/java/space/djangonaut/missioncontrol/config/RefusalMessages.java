package space.djangonaut.missioncontrol.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Refusals in people's words on Camunda's REST API. Our task listeners refuse what someone typed with a
 * {@link BadUserRequestException} whose message is the reason ({@code "selectionChanges, line 1: write #<application
 * id> followed by accepted, waitlisted or rejected"}); the engine wraps it twice ({@code "ENGINE-03051 There was an
 * exception while invoking the TaskListener. Message: 'Exception while invoking TaskListener: ..."}) and the REST
 * API wraps that again ({@code "Cannot submit task form <id>: ..."}) and answers 500. These exception mappers find
 * the refusal beneath the wrappers and answer 400 in Camunda's error JSON ({@code type}, {@code message},
 * {@code code}) with the reason alone, on {@code /engine-rest} and on {@code /camunda/api/engine}, the API Tasklist
 * calls (which shows the message to the person who submitted the form). An {@link AuthorizationException} thrown
 * by our listeners (a reviewer working on their own application) beneath the same wrappers answers 403 with its
 * reason, as does the engine's refusal of a task of a cohort the person no longer reviews ({@value #OTHER_TENANT},
 * "belongs to no authenticated tenant"). Anything else keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
class RefusalMessages {

  /** Ahead of Camunda's mappers of the same exception types (which have the default priority, 5000). */
  static final int AHEAD_OF_CAMUNDA = 1000;
  /** The engine's code for working on a task of a tenant the user is not a member of. */
  static final String OTHER_TENANT = "ENGINE-13034";
  static final String NOT_YOUR_COHORT =
      "You cannot work on this task: it belongs to a cohort you do not review (any more).";

  /** {@code /engine-rest}: the starter's Jersey application, customized as Spring Boot customizes any. */
  @Bean
  ResourceConfigCustomizer refusalMessagesOnEngineRest() {
    return config -> config.register(WrappedInRestException.class).register(WrappedInEngineException.class);
  }

  /**
   * {@code /camunda/api/engine}: the webapps register their engine API as servlet "Engine Api" unless a servlet of
   * that name exists ({@code CamundaBpmWebappInitializer}); this registers it first, with the same resources and
   * our mappers.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer refusalMessagesOnTasklistApi(CamundaBpmProperties camunda) {
    return servletContext -> {
      var servlet = servletContext.addServlet("Engine Api", ServletContainer.class);
      if (servlet != null) {
        servlet.setInitParameter("jakarta.ws.rs.Application", EngineApiWithRefusalMessages.class.getName());
        servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      }
    };
  }

  /** Camunda's engine API of the webapps, with the mappers of this class. */
  public static class EngineApiWithRefusalMessages extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.add(WrappedInRestException.class);
      classes.add(WrappedInEngineException.class);
      return classes;
    }
  }

  /** A refusal beneath the REST API's "Cannot submit task form ..." (500), or beneath a 400 of its own. */
  @Priority(AHEAD_OF_CAMUNDA)
  public static class WrappedInRestException implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      int status = exception.getStatus() == null ? 500 : exception.getStatus().getStatusCode();
      return (status == 500 || status == 400) && (refusalIn(exception) != null || forbiddenIn(exception) != null);
    }

    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }

  /** A refusal beneath the engine's listener wrappers, where the REST API passes the engine's exception on. */
  @Priority(AHEAD_OF_CAMUNDA)
  public static class WrappedInEngineException implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return refusalIn(exception) != null || forbiddenIn(exception) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }

  /** The innermost {@link BadUserRequestException} in the causes, or null. */
  static BadUserRequestException refusalIn(Throwable thrown) {
    BadUserRequestException refusal = null;
    Set<Throwable> seen = new HashSet<>();
    for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badUserRequest) {
        refusal = badUserRequest;
      }
    }
    return refusal;
  }

  /**
   * The reason to answer 403: an {@link AuthorizationException} beneath a wrapper (Camunda's own, unwrapped, keep
   * Camunda's answer), or the engine's refusal of another tenant's task; null if neither.
   */
  static String forbiddenIn(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof AuthorizationException && cause != thrown) {
        return cause.getMessage();
      }
      if (cause.getMessage() != null && cause.getMessage().contains(OTHER_TENANT)) {
        return NOT_YOUR_COHORT;
      }
    }
    return null;
  }

  private static Response respond(Throwable thrown) {
    String forbidden = forbiddenIn(thrown);
    if (forbidden != null) {
      ExceptionDto error = new ExceptionDto();
      error.setType(AuthorizationException.class.getSimpleName());
      error.setMessage(forbidden);
      return Response.status(Response.Status.FORBIDDEN).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    return badRequest(refusalIn(thrown));
  }

  private static Response badRequest(BadUserRequestException refusal) {
    ExceptionDto error = ExceptionDto.fromException(refusal);
    error.setCode(refusal.getCode());
    return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
