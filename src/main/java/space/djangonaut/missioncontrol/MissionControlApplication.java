package space.djangonaut.missioncontrol;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Mission Control: runs the cohorts of Djangonaut Space on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MissionControlApplication {

  public static void main(String[] args) {
    SpringApplication.run(MissionControlApplication.class, args);
  }
}
