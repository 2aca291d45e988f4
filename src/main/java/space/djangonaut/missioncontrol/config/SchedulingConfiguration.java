package space.djangonaut.missioncontrol.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The mail dispatcher's sweep; tests turn it off and dispatch themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "missioncontrol.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
