package space.djangonaut.missioncontrol.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** One clock for the domain, so that tests can move time with the engine's clock. */
  @Bean
  Clock clock() {
    return new EngineAlignedClock();
  }
}
