package space.djangonaut.missioncontrol.cohort;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What an organiser enters to create a cohort, from the page or as JSON through the API. */
public class CohortForm {

  @NotBlank(message = "Give the cohort a name, e.g. \"Session 5\".")
  @Size(max = 120, message = "The name can be at most 120 characters.")
  private String name;

  @NotBlank(message = "Give the cohort a short web name, e.g. \"2026-session-5\".")
  @Size(max = 60, message = "The web name can be at most 60 characters.")
  @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "Use lower-case letters, digits and single hyphens only.")
  private String slug;

  @NotNull(message = "Say when applications open.")
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate applicationsOpenOn;

  @NotNull(message = "Say when applications close (the day ends Anywhere on Earth).")
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate applicationsCloseOn;

  @NotNull(message = "Say when the cohort starts.")
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate startsOn;

  @Min(value = 1, message = "A cohort lasts at least one week.")
  @Max(value = 26, message = "A cohort lasts at most 26 weeks.")
  private int weeks = 8;

  @Min(value = 1, message = "Select at least one Djangonaut.")
  @Max(value = 500, message = "At most 500 Djangonauts per cohort.")
  private int capacity = 16;

  @NotBlank(message = "Name who reviews this cohort's applications: a group such as \"reviewers\", or user names "
      + "separated by commas.")
  @Size(max = 1000, message = "The reviewers can be at most 1000 characters.")
  private String reviewers = CohortReviewers.DEFAULT;

  @AssertTrue(message = "Applications must close on or after the day they open.")
  public boolean isWindowOrdered() {
    return applicationsOpenOn == null || applicationsCloseOn == null
        || !applicationsCloseOn.isBefore(applicationsOpenOn);
  }

  @AssertTrue(message = "The cohort must start after applications close.")
  public boolean isStartAfterWindow() {
    return applicationsCloseOn == null || startsOn == null || startsOn.isAfter(applicationsCloseOn);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public LocalDate getApplicationsOpenOn() {
    return applicationsOpenOn;
  }

  public void setApplicationsOpenOn(LocalDate applicationsOpenOn) {
    this.applicationsOpenOn = applicationsOpenOn;
  }

  public LocalDate getApplicationsCloseOn() {
    return applicationsCloseOn;
  }

  public void setApplicationsCloseOn(LocalDate applicationsCloseOn) {
    this.applicationsCloseOn = applicationsCloseOn;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public int getWeeks() {
    return weeks;
  }

  public void setWeeks(int weeks) {
    this.weeks = weeks;
  }

  /** Who reviews the applications: one group id, or user ids separated by commas ({@link CohortReviewers}). */
  public String getReviewers() {
    return reviewers;
  }

  public void setReviewers(String reviewers) {
    this.reviewers = reviewers;
  }

  public int getCapacity() {
    return capacity;
  }

  public void setCapacity(int capacity) {
    this.capacity = capacity;
  }
}
