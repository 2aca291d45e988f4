package space.djangonaut.missioncontrol.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * Who is in a team and how to reach them: its Navigator, its Captains with the Djangonauts each looks after, and its
 * Djangonauts (those who withdrew are left out), each with the contact details they agreed to share with their team
 * (the email address and, if given, a chat handle) or else "through the organisers" and the organisers' address.
 * Read by the roster pages and the team emails (welcome, reminders, escalations).
 */
@Service
public class TeamRoster {

  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final String organisersEmail;

  /**
   * @param organisersEmail {@code missioncontrol.roster.organisers-email}: where people reach someone who did not
   *     share their contact details
   */
  TeamRoster(TeamRepository teams, TeamMemberRepository members, ApplicationRepository applications,
      VolunteerRepository volunteers,
      @Value("${missioncontrol.roster.organisers-email:organisers@djangonaut.space}") String organisersEmail) {
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.organisersEmail = organisersEmail;
  }

  /**
   * How to reach someone, as their team sees it.
   *
   * @param email their address if they agreed to share it, else null
   * @param chatHandle their chat handle if they agreed to share it and gave one, else null
   * @param organisersEmail where to write instead when they did not agree
   */
  public record Contact(String email, String chatHandle, String organisersEmail) {

    public boolean shared() {
      return email != null;
    }

    /** For example {@code ada@example.org, chat: ada#12} or {@code through the organisers at organisers@...}. */
    public String describe() {
      if (!shared()) {
        return "through the organisers at " + organisersEmail;
      }
      return chatHandle == null ? email : email + ", chat: " + chatHandle;
    }
  }

  /** A person of the roster: their name, their contact as the team sees it, and the address organisers hold. */
  public record Person(String name, Contact contact, String email) {}

  /** A Captain of the team and the names of the Djangonauts of this team they look after. */
  public record Captain(Person person, List<String> djangonauts) {}

  /** A Djangonaut of the team and the name of their Captain. */
  public record Djangonaut(Person person, String captainName) {}

  /** One team's roster. */
  public record Roster(long teamId, long cohortId, String name, String project, Person navigator,
      List<Captain> captains, List<Djangonaut> djangonauts) {

    /** The Captains' lines, as the team emails print them: "Carla, Captain of Ada and Grace: how to reach her". */
    public List<String> captainLines() {
      return captains.stream().map(c -> c.person().name() + ", Captain of " + names(c.djangonauts()) + ": "
          + c.person().contact().describe()).toList();
    }

    /** The Djangonauts' lines: "Ada (Captain: Carla): how". */
    public List<String> djangonautLines() {
      return djangonauts.stream().map(d -> d.person().name() + " (Captain: " + d.captainName() + "): "
          + d.person().contact().describe()).toList();
    }

    /** The Navigator's line: "Nadia: how". */
    public String navigatorLine() {
      return navigator.name() + ": " + navigator.contact().describe();
    }
  }

  /** Names joined as people write them: "Ada", "Ada and Grace", "Ada, Grace and Alan". */
  static String names(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  /** Every team of a cohort, in the order they were formed (organisers' roster). */
  @Transactional(readOnly = true)
  public List<Roster> ofCohort(long cohortId) {
    return teams.findByCohortIdOrderById(cohortId).stream().map(this::roster).toList();
  }

  /**
   * One team's roster.
   *
   * @throws java.util.NoSuchElementException if there is no such team
   */
  @Transactional(readOnly = true)
  public Roster of(long teamId) {
    return roster(teams.findById(teamId).orElseThrow());
  }

  /**
   * The teams, of every cohort, in which this account is the Navigator or a Captain: one person may be the Navigator
   * of one team and a Captain in another, or volunteer in several cohorts, with one account.
   */
  @Transactional(readOnly = true)
  public List<Roster> ofUser(String userId) {
    Map<Long, Roster> mine = new LinkedHashMap<>();
    for (Volunteer volunteer : volunteers.findByUserId(userId)) {
      for (Team team : teams.findByCohortIdOrderById(volunteer.getCohortId())) {
        boolean navigates = volunteer.getId().equals(team.getNavigatorVolunteerId());
        boolean captains = members.findStayingByTeamId(team.getId()).stream()
            .anyMatch(m -> volunteer.getId().equals(m.getCaptainVolunteerId()));
        if ((navigates || captains) && !mine.containsKey(team.getId())) {
          mine.put(team.getId(), roster(team));
        }
      }
    }
    return new ArrayList<>(mine.values());
  }

  /** The roster of one of this account's teams, or empty if the account is neither its Navigator nor a Captain. */
  @Transactional(readOnly = true)
  public Optional<Roster> ofUser(String userId, long teamId) {
    return ofUser(userId).stream().filter(r -> r.teamId() == teamId).findFirst();
  }

  /** How this volunteer's teams reach them. */
  public Contact contactOf(Volunteer volunteer) {
    return volunteer.isShareContact()
        ? new Contact(volunteer.getEmail(), volunteer.getChatHandle(), organisersEmail)
        : new Contact(null, null, organisersEmail);
  }

  /** How this Djangonaut's team reaches them. */
  public Contact contactOf(Application djangonaut) {
    return djangonaut.isShareContact() && djangonaut.getErasedAt() == null
        ? new Contact(djangonaut.getEmail(), djangonaut.getChatHandle(), organisersEmail)
        : new Contact(null, null, organisersEmail);
  }

  private Roster roster(Team team) {
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Map<Long, List<String>> byCaptain = new LinkedHashMap<>();
    List<Djangonaut> djangonauts = new ArrayList<>();
    for (TeamMember member : members.findStayingByTeamId(team.getId())) {
      Application application = applications.findById(member.getApplicationId()).orElseThrow();
      Volunteer captain = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow();
      byCaptain.computeIfAbsent(captain.getId(), id -> new ArrayList<>()).add(application.getName());
      djangonauts.add(new Djangonaut(new Person(application.getName(), contactOf(application),
          application.getEmail()), captain.getName()));
    }
    List<Captain> captains = byCaptain.entrySet().stream().map(e -> {
      Volunteer captain = volunteers.findById(e.getKey()).orElseThrow();
      return new Captain(person(captain), List.copyOf(e.getValue()));
    }).toList();
    return new Roster(team.getId(), team.getCohortId(), team.getName(), team.getProject(), person(navigator),
        captains, djangonauts);
  }

  private Person person(Volunteer volunteer) {
    return new Person(volunteer.getName(), contactOf(volunteer), volunteer.getEmail());
  }
}
