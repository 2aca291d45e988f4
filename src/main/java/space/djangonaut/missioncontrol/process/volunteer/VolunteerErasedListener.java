package space.djangonaut.missioncontrol.process.volunteer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.process.ProcessErasure;
import space.djangonaut.missioncontrol.volunteer.VolunteerErased;

/**
 * Removes an erased sign-up's {@code volunteer.bpmn} instance and its history: task variables held the volunteer's
 * answers. Runs in the erasing transaction.
 */
@Component
class VolunteerErasedListener {

  private final ProcessErasure processes;

  VolunteerErasedListener(ProcessErasure processes) {
    this.processes = processes;
  }

  @EventListener
  void volunteerErased(VolunteerErased event) {
    processes.remove(VolunteerProcess.KEY, String.valueOf(event.volunteerId()));
  }
}
