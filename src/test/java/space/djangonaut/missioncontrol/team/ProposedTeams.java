package space.djangonaut.missioncontrol.team;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * A cohort whose teams wait in Task_ConfirmTeams, formed by the real process: four Djangonauts available on Monday
 * and Wednesday evenings (UTC) make Team 1 with an evening Navigator, three available on Tuesday and Thursday
 * mornings make Team 2 with a morning Navigator; each group has a Captain of its hours. Every rule holds. A third
 * Navigator, who knows only Django REST framework, leads no team. With {@code oddOne}, an eighth Djangonaut, free
 * only on Saturday nights, fits no team.
 */
@Component
class ProposedTeams {

  static final List<String> EVENINGS = List.of("MON-18", "WED-18");
  static final List<String> MORNINGS = List.of("TUE-09", "THU-09");
  static final List<String> SATURDAY_NIGHT = List.of("SAT-00", "SAT-03");

  private final CohortDriver driver;
  private final ApplicationService applications;
  private final TaskService taskService;

  ProposedTeams(CohortDriver driver, ApplicationService applications, TaskService taskService) {
    this.driver = driver;
    this.applications = applications;
    this.taskService = taskService;
  }

  record Fixture(CohortDriver.Run run, List<Application> evening, List<Application> morning, Application oddOne,
      Volunteer eveningNavigator, Volunteer morningNavigator, Volunteer spareNavigator, Volunteer eveningCaptain,
      Volunteer morningCaptain) {
    String slug() {
      return run.cohort().getSlug();
    }

    String page() {
      return "/organiser/cohorts/" + slug() + "/teams";
    }
  }

  Fixture formed(boolean oddOne) {
    CohortDriver.Run run = driver.open(oddOne ? 8 : 7, 2);
    List<Application> evening = new ArrayList<>();
    List<Application> morning = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      evening.add(apply(run, EVENINGS));
    }
    for (int i = 0; i < 3; i++) {
      morning.add(apply(run, MORNINGS));
    }
    Application odd = oddOne ? apply(run, SATURDAY_NIGHT) : null;
    driver.drive(run);
    evening.forEach(a -> driver.review(a, 5));
    morning.forEach(a -> driver.review(a, 4));
    if (odd != null) {
      driver.review(odd, 3);
    }
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer eveningNavigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"),
        List.of("MON-18", "WED-18", "THU-18"));
    Volunteer morningNavigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"),
        List.of("TUE-09", "THU-09", "FRI-09"));
    Volunteer spareNavigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django REST framework"),
        EVENINGS);
    Volunteer eveningCaptain = driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    Volunteer morningCaptain = driver.volunteer(run, VolunteerRole.CAPTAIN, 3, List.of(), MORNINGS);
    driver.formTeams(run);
    return new Fixture(run, evening, morning, odd, eveningNavigator, morningNavigator, spareNavigator,
        eveningCaptain, morningCaptain);
  }

  /** The cohort's open Task_ConfirmTeams, or null. */
  Task confirmTask(Fixture f) {
    return taskService.createTaskQuery().processInstanceId(f.run().process().getId())
        .taskDefinitionKey(CohortProcess.TASK_CONFIRM_TEAMS).singleResult();
  }

  private Application apply(CohortDriver.Run run, List<String> availability) {
    ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
    form.setAvailability(availability);
    return applications.submit(run.cohort().getSlug(), form);
  }
}
