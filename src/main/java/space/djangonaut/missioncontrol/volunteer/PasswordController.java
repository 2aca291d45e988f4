package space.djangonaut.missioncontrol.volunteer;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The personal link with which an approved volunteer chooses the password of their account. */
@Controller
class PasswordController {

  private final VolunteerService volunteers;
  private final String organisersEmail;

  /**
   * @param organisersEmail {@code missioncontrol.roster.organisers-email}: where someone whose link cannot be used
   *     asks for a new one
   */
  PasswordController(VolunteerService volunteers,
      @Value("${missioncontrol.roster.organisers-email:organisers@djangonaut.space}") String organisersEmail) {
    this.volunteers = volunteers;
    this.organisersEmail = organisersEmail;
  }

  @GetMapping("/volunteers/password/{token}")
  String form(@PathVariable String token, Model model) {
    model.addAttribute("userId", volunteers.passwordLinkUser(token));
    model.addAttribute("token", token);
    return "volunteer/password";
  }

  @PostMapping("/volunteers/password/{token}")
  String choose(@PathVariable String token, @RequestParam String password, @RequestParam String confirmation,
      Model model, HttpServletResponse response) {
    String userId = volunteers.passwordLinkUser(token);
    String error = !password.equals(confirmation) ? "The two passwords differ."
        : password.length() < VolunteerService.MIN_PASSWORD
            ? "Choose a password of at least " + VolunteerService.MIN_PASSWORD + " characters." : null;
    if (error != null) {
      model.addAttribute("userId", userId);
      model.addAttribute("token", token);
      model.addAttribute("error", error);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "volunteer/password";
    }
    volunteers.choosePassword(token, password);
    model.addAttribute("userId", userId);
    return "volunteer/password-set";
  }

  @ExceptionHandler(VolunteerService.LinkUnusableException.class)
  String unusable(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_GONE);
    model.addAttribute("organisersEmail", organisersEmail);
    return "volunteer/link-unusable";
  }
}
