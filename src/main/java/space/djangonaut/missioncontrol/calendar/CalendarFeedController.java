package space.djangonaut.missioncontrol.calendar;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * A member's personal calendar link, for calendar applications to subscribe to ({@code GET /calendar/<token>.ics},
 * {@code text/calendar}), and its revocation ({@code POST /calendar/<token>/revoke}). A wrong, revoked or stale
 * token is a 404, the same as a link that never existed.
 */
@Controller
class CalendarFeedController {

  static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeeds feeds;

  CalendarFeedController(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> feed(@PathVariable String token) {
    return feeds.feed(token)
        .map(calendar -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
            .header("Cache-Control", "private, max-age=300").body(TeamCalendar.text(calendar)))
        .orElseThrow(() -> new NotFoundException("No such calendar link."));
  }

  @GetMapping("/calendar/{token}")
  String revokePage(@PathVariable String token, org.springframework.ui.Model model) {
    if (feeds.feed(token).isEmpty()) {
      throw new NotFoundException("No such calendar link.");
    }
    model.addAttribute("token", token);
    return "calendar/revoke";
  }

  @PostMapping("/calendar/{token}/revoke")
  String revoke(@PathVariable String token, org.springframework.ui.Model model) {
    if (!feeds.revoke(token)) {
      throw new NotFoundException("No such calendar link.");
    }
    return "calendar/revoked";
  }
}
