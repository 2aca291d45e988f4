package space.djangonaut.missioncontrol.team;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMeetingRepository extends JpaRepository<TeamMeeting, Long> {}
