package space.djangonaut.missioncontrol.process.application;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationErased;
import space.djangonaut.missioncontrol.process.ProcessErasure;

/**
 * Removes an erased application's {@code application.bpmn} instance and its history: task variables held the
 * applicant's answers and the reviewers' comments. Runs in the erasing transaction.
 */
@Component
class ApplicationErasedListener {

  private final ProcessErasure processes;

  ApplicationErasedListener(ProcessErasure processes) {
    this.processes = processes;
  }

  @EventListener
  void applicationErased(ApplicationErased event) {
    processes.remove(ApplicationProcess.KEY, String.valueOf(event.applicationId()));
  }
}
