package space.djangonaut.missioncontrol.process.application;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationErased;
import space.djangonaut.missioncontrol.privacy.Mentions;
import space.djangonaut.missioncontrol.process.ProcessErasure;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;

/**
 * Removes an erased application's {@code application.bpmn} instance and its history (task variables held the
 * applicant's answers and the reviewers' comments), and scrubs the applicant's name and address from the variables
 * of their cohort's instance and its teams' (the selection summary, the team plan, a check-in's team, the one-to-ones
 * about them). Runs in the erasing transaction.
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
    processes.scrub(processes.instancesAndCalled(CohortProcess.KEY, event.cohortSlug()),
        Mentions.of(event.name(), event.email()));
  }
}
