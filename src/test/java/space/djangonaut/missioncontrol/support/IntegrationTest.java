package space.djangonaut.missioncontrol.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against real PostgreSQL and a real SMTP server, with the job executor
 * off so that each test drives the engine's jobs. All such tests share one cached context: each test makes its own
 * cohort, applicants and users, and asserts only on those. They are the top of the test pyramid, tagged
 * {@value #TAG}.
 */
@Target(ElementType.TYPE)
@Tag(IntegrationTest.TAG)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestInfrastructure.class)
public @interface IntegrationTest {

  /** The JUnit tag of the tests that start the application: {@code mvn -Pfast test} leaves them out. */
  String TAG = "integration";
}
