package space.djangonaut.missioncontrol.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarFeedRepository extends JpaRepository<CalendarFeed, Long> {

  Optional<CalendarFeed> findByTokenHash(String tokenHash);

  List<CalendarFeed> findByTeamIdAndVolunteerId(Long teamId, Long volunteerId);

  List<CalendarFeed> findByTeamIdAndApplicationId(Long teamId, Long applicationId);
}
