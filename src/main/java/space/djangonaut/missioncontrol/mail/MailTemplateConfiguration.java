package space.djangonaut.missioncontrol.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

  /**
   * Plain-text email bodies ({@code mail/*.txt}) in Thymeleaf's TEXT mode, beside Spring Boot's HTML resolver.
   * Text mode does not escape HTML, which is right for a text/plain part.
   */
  @Bean
  SpringResourceTemplateResolver textMailTemplateResolver() {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setPrefix("classpath:/templates/");
    resolver.setSuffix("");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(java.util.Set.of("mail/*.txt"));
    resolver.setOrder(1);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
