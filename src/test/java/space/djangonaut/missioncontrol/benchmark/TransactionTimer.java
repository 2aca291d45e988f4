package space.djangonaut.missioncontrol.benchmark;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The benchmark's stopwatch around every transaction of the engine: a command interceptor ahead of the transaction
 * interceptor times each outermost command (its transaction, commit included), job executions and API calls alike,
 * and keeps the longest since the last {@link #reset()}. Registered as a singleton by the benchmark only (no
 * annotation: the test suite's component scan must not find it).
 */
final class TransactionTimer implements ProcessEnginePlugin {

  /** The longest transaction: its wall time in nanoseconds, the command, and the job it ran (or null). */
  record Longest(long nanos, String command, String jobId) {}

  private static final Field JOB_ID = jobIdField();

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private final AtomicLong transactions = new AtomicLong();
  private volatile Longest longest = new Longest(0, "none", null);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(0, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        if (level[0]++ > 0) {
          try {
            return next.execute(command);
          } finally {
            level[0]--;
          }
        }
        long start = System.nanoTime();
        try {
          return next.execute(command);
        } finally {
          level[0]--;
          record(command, System.nanoTime() - start);
        }
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {}

  /** Forgets the longest so far and the count: the next phase starts. */
  void reset() {
    longest = new Longest(0, "none", null);
    transactions.set(0);
  }

  Longest longest() {
    return longest;
  }

  /** Outermost engine commands (transactions) since the last reset. */
  long transactions() {
    return transactions.get();
  }

  private synchronized void record(Command<?> command, long nanos) {
    transactions.incrementAndGet();
    if (nanos > longest.nanos()) {
      longest = new Longest(nanos, command.getClass().getSimpleName(), jobId(command));
    }
  }

  private static String jobId(Command<?> command) {
    if (!(command instanceof ExecuteJobsCmd) || JOB_ID == null) {
      return null;
    }
    try {
      return (String) JOB_ID.get(command);
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  private static Field jobIdField() {
    try {
      Field field = ExecuteJobsCmd.class.getDeclaredField("jobId");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
