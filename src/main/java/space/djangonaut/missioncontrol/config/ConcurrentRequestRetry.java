package space.djangonaut.missioncontrol.config;

import java.sql.SQLException;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * A request that lost a race with the same request (a double click, a retried API call) is answered as if it came
 * second: the handler method runs again, reads the state the winner committed, and gives the same answer (the "you
 * have withdrawn" page, the step-down's id). Applies to every POST, PUT, PATCH and DELETE handler of Mission Control's
 * controllers, which each do their work in one transaction of a service, so the loser's transaction has been rolled
 * back and repeating the call is safe.
 *
 * <p>Races are recognised by Camunda's {@link OptimisticLockingException} (ENGINE-03005: another transaction changed
 * the same execution first), Spring's {@link ConcurrencyFailureException} (optimistic and pessimistic locking
 * failures, deadlocks) and PostgreSQL's unique violation (SQLState {@value #UNIQUE_VIOLATION}), anywhere in the cause
 * chain. After {@value #ATTEMPTS} attempts the last exception is thrown as it is.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrentRequestRetry {

  /** How often a handler runs at most: the first time and twice more. */
  static final int ATTEMPTS = 3;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentRequestRetry.class);

  @Around("within(space.djangonaut.missioncontrol..*) && ("
      + "@annotation(org.springframework.web.bind.annotation.PostMapping)"
      + " || @annotation(org.springframework.web.bind.annotation.PutMapping)"
      + " || @annotation(org.springframework.web.bind.annotation.PatchMapping)"
      + " || @annotation(org.springframework.web.bind.annotation.DeleteMapping))")
  Object retryOnRace(ProceedingJoinPoint handler) throws Throwable {
    for (int attempt = 1; ; attempt++) {
      try {
        return handler.proceed();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !lostARace(e)) {
          throw e;
        }
        LOG.info("{} lost a race with a concurrent request ({}); running it again to read the state that won",
            handler.getSignature().toShortString(), e.getMessage());
      }
    }
  }

  /** Whether this exception, or one that caused it, says another transaction changed the same data first. */
  static boolean lostARace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
