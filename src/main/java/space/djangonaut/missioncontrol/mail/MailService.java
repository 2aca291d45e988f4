package space.djangonaut.missioncontrol.mail;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an email from its HTML and plain-text templates into the outbox, in the transaction of the process step
 * that sends it. The {@link MailDispatcher} delivers it once that transaction has committed, and retries while
 * SMTP is down: an outage neither loses an email nor holds up a process.
 */
@Service
public class MailService {

  /** At most this many emails go over one SMTP connection after their steps commit. */
  static final int DELIVERY_BATCH = 50;
  /**
   * At most this many delivery tasks drain {@link #ready} side by side, each batch over its own SMTP connection: one
   * alone spent most of its time waiting for the relay's replies while a burst of acknowledgements queued behind it.
   */
  static final int DRAINERS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final TemplateEngine templates;
  private final OutboxEmailRepository outbox;
  private final MailDispatcher dispatcher;
  private final MailProperties properties;
  private final Clock clock;
  private final MailTexts texts;
  private final Executor delivery;
  /** Committed emails waiting for the delivery task. */
  private final Queue<Long> ready = new ConcurrentLinkedQueue<>();
  /** How many delivery tasks are draining {@link #ready} (at most {@link #DRAINERS}). */
  private final AtomicInteger drainers = new AtomicInteger();

  MailService(TemplateEngine templates, OutboxEmailRepository outbox, MailDispatcher dispatcher,
      MailProperties properties, Clock clock, MailTexts texts,
      @Value("${missioncontrol.mail.deliver-in-caller-thread:false}") boolean deliverInCallerThread) {
    this.templates = templates;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
    this.texts = texts;
    // After the commit, the step's thread still holds its database connection: delivering there would take a
    // second one per job thread and can starve the pool under load. A small pool of its own delivers instead;
    // what it cannot take, the dispatcher's sweep delivers. Tests deliver in the caller's thread to assert at once.
    this.delivery = deliverInCallerThread ? Runnable::run : deliveryPool();
  }

  /**
   * On shutdown, lets deliveries under way finish and be marked sent before the database goes: an email sent but
   * not marked would be sent again by another node once its claim expires.
   */
  @PreDestroy
  void finishDeliveries() throws InterruptedException {
    if (delivery instanceof ThreadPoolExecutor pool) {
      pool.shutdown();
      pool.awaitTermination(20, TimeUnit.SECONDS);
    }
  }

  private static Executor deliveryPool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
        runnable -> {
          Thread thread = new Thread(runnable, "mail-delivery");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Puts an email in the outbox, once per step, recipient and template: a second call with the same ones (a
   * retried job, a second node) returns the email already there.
   */
  @Transactional
  public OutboxEmail send(String to, MailTemplate template, Map<String, Object> model, Step step) {
    return send(to, template, model, step, "");
  }

  /**
   * As {@link #send(String, MailTemplate, Map, Step)}, for a step that sends one recipient several emails of the
   * same template, told apart by {@code about} (e.g. a Captain welcomed to two teams).
   */
  @Transactional
  public OutboxEmail send(String to, MailTemplate template, Map<String, Object> model, Step step, String about) {
    return send(to, template, model, step, about, null);
  }

  /**
   * As {@link #send(String, MailTemplate, Map, Step, String)}, with an iCalendar invitation attached
   * ({@code text/calendar; method=REQUEST}).
   *
   * @param calendar the invitation's iCalendar text (RFC 5545, as a library wrote it), or null for none
   */
  @Transactional
  public OutboxEmail send(String to, MailTemplate template, Map<String, Object> model, Step step, String about,
      String calendar) {
    String key = step.key(to, template) + (about.isEmpty() ? "" : "/" + about);
    var existing = outbox.findByIdempotencyKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    OutboxEmail email = outbox.save(new OutboxEmail(key, to, template, render(template, model),
        step.processInstanceId(), cohortId(model), clock.instant(), calendar));
    deliverAfterCommit(email.getId());
    return email;
  }

  private void deliverAfterCommit(long id) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      deliverSoon(id);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        deliverSoon(id);
      }
    });
  }

  /**
   * Queues a committed email for delivery. Up to {@value #DRAINERS} delivery tasks drain the queue in batches of
   * {@value #DELIVERY_BATCH}, each over one SMTP connection ({@link MailDispatcher#dispatch(List)}, which claims each
   * email, so that no two send the same): a burst of acknowledgements is not a burst of connections. What is still
   * queued when the node stops stays in the outbox for the dispatcher's sweep (here or on another node).
   */
  private void deliverSoon(long id) {
    ready.add(id);
    int running;
    while ((running = drainers.get()) < DRAINERS) {
      if (drainers.compareAndSet(running, running + 1)) {
        delivery.execute(this::drain);
        return;
      }
    }
  }

  private void drain() {
    try {
      while (true) {
        List<Long> batch = new ArrayList<>(DELIVERY_BATCH);
        Long id;
        while (batch.size() < DELIVERY_BATCH && (id = ready.poll()) != null) {
          batch.add(id);
        }
        if (!batch.isEmpty()) {
          dispatcher.dispatch(batch);
          continue;
        }
        int running = drainers.decrementAndGet();
        // An email queued after the last poll, while every drainer was busy, would wait for the sweep: take it now.
        if (ready.isEmpty() || running >= DRAINERS || !drainers.compareAndSet(running, running + 1)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // The database went away mid-batch: the emails stay in the outbox, and the dispatcher's sweep sends them.
      drainers.decrementAndGet();
      LOG.warn("Delivery after commit stopped; the outbox sweep will send what is left: {}", e.getMessage());
    }
  }

  /**
   * Of these addresses, those our emails do not reach, each with why: the mail server's reason for the newest email
   * it refused for good ({@link OutboxEmail.Status#REFUSED}), or the last error of one that failed every attempt.
   *
   * @return recipient (as given) to reason; addresses whose emails were delivered or are still pending are absent
   */
  @Transactional(readOnly = true)
  public Map<String, String> undelivered(Collection<String> recipients) {
    Map<String, String> reasons = new HashMap<>();
    if (recipients.isEmpty()) {
      return reasons;
    }
    for (OutboxEmail email : outbox.findByRecipientInAndStatusInOrderById(recipients,
        List.of(OutboxEmail.Status.REFUSED, OutboxEmail.Status.FAILED))) {
      reasons.put(email.getRecipient(), email.getLastError());
    }
    return reasons;
  }

  /**
   * The subject, plain text and HTML of a template with this model; user input is escaped in the HTML. The model's
   * cohort decides the words: its organisers' newest text of this template ({@link MailTexts}), or the default
   * template when they saved none.
   */
  public Rendered render(MailTemplate template, Map<String, Object> model) {
    Long cohortId = cohortId(model);
    if (cohortId != null) {
      var text = texts.current(cohortId, template);
      if (text.isPresent()) {
        return render(template, text.get().getSubject(), text.get().getBody(), model);
      }
    }
    return renderDefault(template, model);
  }

  /**
   * An organiser's text (saved or not) of a template with this model, as it is sent: the preview shows exactly
   * this. See {@link MailTextRenderer} for what is escaped.
   */
  public Rendered render(MailTemplate template, String subject, String body, Map<String, Object> model) {
    Map<String, String> values = MailVariables.values(template, model, properties.baseUrl());
    java.util.Set<String> links = new java.util.HashSet<>();
    MailVariables.of(template).stream().filter(MailVariable::link).forEach(v -> links.add(v.name()));
    return MailTextRenderer.render(subject, body, values, links);
  }

  /** The default template (Thymeleaf, {@code templates/mail/}) with this model, whatever the cohort saved. */
  public Rendered renderDefault(MailTemplate template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("baseUrl", properties.baseUrl());
    Context context = new Context(Locale.ENGLISH, variables);
    String html = templates.process("mail/" + template.templateName(), context);
    String text = templates.process("mail/" + template.templateName() + ".txt", context);
    return new Rendered(template.subject(model), text, html);
  }

  private static Long cohortId(Map<String, Object> model) {
    return model.get("cohort") instanceof space.djangonaut.missioncontrol.cohort.Cohort cohort ? cohort.getId() : null;
  }

  public record Rendered(String subject, String text, String html) {}
}
