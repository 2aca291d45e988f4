package space.djangonaut.missioncontrol.common;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code missioncontrol.rate-limit}: how often one client may send the public forms ({@link PublicFormRateLimit}).
 *
 * @param submissions submissions per client and window
 * @param window the window (an ISO-8601 duration such as {@code PT10M})
 * @param maxClients how many client addresses are tracked at most (about 500 bytes of heap each, measured by
 *     {@code PublicFormRateLimitTest}); past it, those least likely to post again are forgotten
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}) of the
 *     reverse proxies or load balancers whose {@code X-Forwarded-For} is believed; empty: none, the peer's address
 *     counts
 */
@Validated
@ConfigurationProperties("missioncontrol.rate-limit")
public record RateLimitProperties(
    @DefaultValue("20") @Min(1) int submissions,
    @DefaultValue("PT10M") @NotNull Duration window,
    @DefaultValue("10000") @Min(1) long maxClients,
    @DefaultValue List<String> trustedProxies) {}
