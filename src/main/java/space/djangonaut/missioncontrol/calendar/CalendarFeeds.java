package space.djangonaut.missioncontrol.calendar;

import java.time.Clock;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.common.Tokens;

/**
 * Personal calendar feeds: each invitation carries a new unguessable link ({@link Tokens}, only its hash kept) to the
 * member's feed; earlier links of the same person keep working (calendars subscribed to them) until revoked.
 */
@Service
public class CalendarFeeds {

  private final CalendarFeedRepository feeds;
  private final TeamCalendar calendars;
  private final Clock clock;

  CalendarFeeds(CalendarFeedRepository feeds, TeamCalendar calendars, Clock clock) {
    this.feeds = feeds;
    this.calendars = calendars;
    this.clock = clock;
  }

  /**
   * A new personal link for this member of the team.
   *
   * @return the path of their feed, {@code /calendar/<token>.ics}
   */
  @Transactional
  public String issue(long teamId, TeamCalendar.Member member) {
    String token = Tokens.newToken();
    feeds.save(new CalendarFeed(Tokens.hash(token), teamId, member.volunteerId(), member.applicationId(),
        clock.instant()));
    return "/calendar/" + token + ".ics";
  }

  /**
   * The calendar a personal link shows, as it is now; empty when the token is malformed, unknown or revoked, or its
   * person is no longer in the team (a withdrawn or erased Djangonaut, a replaced volunteer).
   */
  @Transactional(readOnly = true)
  public Optional<Calendar> feed(String token) {
    return find(token).flatMap(f -> calendars.memberOf(f).map(m -> calendars.feed(f.getTeamId(), m)));
  }

  /**
   * Revokes a personal link: it answers 404 from now on.
   *
   * @return whether there was such a link still in use
   */
  @Transactional
  public boolean revoke(String token) {
    Optional<CalendarFeed> feed = find(token);
    feed.ifPresent(f -> f.revoke(clock.instant()));
    return feed.isPresent();
  }

  private Optional<CalendarFeed> find(String token) {
    if (!Tokens.looksValid(token)) {
      return Optional.empty();
    }
    return feeds.findByTokenHash(Tokens.hash(token)).filter(f -> !f.isRevoked());
  }
}
