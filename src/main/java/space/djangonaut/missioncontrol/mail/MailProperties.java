package space.djangonaut.missioncontrol.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Who the emails come from and the address people's links point at. */
@Validated
@ConfigurationProperties("missioncontrol.mail")
public record MailProperties(@NotBlank String from, @NotBlank String baseUrl) {}
