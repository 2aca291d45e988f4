package space.djangonaut.missioncontrol.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.springframework.util.ClassUtils;

/**
 * {@link DeploymentChecks}' rules applied to one diagram of a new deployment. Each problem is reported once, against
 * the flow element (or process) it belongs to, with a message that starts with that element's id and says how to
 * fix it.
 */
final class DiagramCheck {

  private static final String CAMUNDA_NS = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri();
  /** Camunda Forms referred to by resource name in the deployment ({@code camunda:formKey}). */
  private static final List<String> DEPLOYMENT_FORM_KEYS = List.of("camunda-forms:deployment:",
      "embedded:deployment:");
  /** Names the engine puts in every expression's reach. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
      "variableScope", "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  /** Elements whose content is no expression: words, scripts, literal strings and properties. */
  private static final Set<String> NOT_EXPRESSIONS = Set.of("documentation", "text", "script", "string",
      "properties", "BPMNDiagram");
  /** Elements whose children are flow elements: each child with an id owns the problems found inside it. */
  private static final Set<String> SCOPES = Set.of("process", "subProcess", "transaction", "adHocSubProcess");
  private static final Set<String> CATCHING_EVENTS = Set.of("startEvent", "intermediateCatchEvent",
      "boundaryEvent");
  private static final Pattern BARE_NAME = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*}\\s*");
  /** Camunda's own expression language parser, with the features its expression manager turns on. */
  private static final Builder EXPRESSIONS = new Builder(Builder.Feature.METHOD_INVOCATIONS,
      Builder.Feature.VARARGS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeploymentChecks checks;
  private final DeploymentEntity deployment;
  private final BiConsumer<String, Element> errors;
  private final Set<String> reported = new HashSet<>();
  /** The deployment's Camunda Forms by {@code "id"}, each with its field keys. */
  private final Map<String, Set<String>> forms = new HashMap<>();
  private final Map<String, String> messageNames = new HashMap<>();
  private Set<String> thrownMessages;
  /** The variables the process being checked defines itself (input parameters, element variables, form fields). */
  private final Set<String> defined = new HashSet<>();

  DiagramCheck(DeploymentChecks checks, DeploymentEntity deployment, BiConsumer<String, Element> errors) {
    this.checks = checks;
    this.deployment = deployment;
    this.errors = errors;
    deployment.getResources().forEach((name, resource) -> {
      if (name.endsWith(".form")) {
        readForm(resource);
      }
    });
  }

  /** The message of a process without {@code camunda:historyTimeToLive}. */
  static String withoutHistoryTimeToLive(Element process) {
    return process.attribute("id") + ": the process has no camunda:historyTimeToLive, so its history would never "
        + "be cleaned up. Set \"History cleanup > Time to live\" in the Modeler's properties panel of the process "
        + "(the diagrams of Mission Control keep 365 or 730 days).";
  }

  /** Checks the executable processes of the diagram whose {@code definitions} element this is. */
  void check(Element definitions) {
    for (Element message : definitions.elements("message")) {
      messageNames.put(message.attribute("id"), message.attribute("name"));
    }
    for (Element process : definitions.elements("process")) {
      if (!"true".equalsIgnoreCase(process.attribute("isExecutable"))) {
        continue;
      }
      defined.clear();
      forms.values().forEach(defined::addAll);
      collectDefinedNames(process);
      startableInTasklist(process);
      check(process, process);
    }
  }

  /**
   * Tasklist's "Start process" offers every process marked startable (the Modeler's default): one that Mission
   * Control starts itself (an application, a volunteer, a team) would open there with an empty form and start an
   * instance about nobody. Only a process whose start event has a form may be startable.
   */
  private void startableInTasklist(Element process) {
    String startable = process.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "isStartableInTasklist", "true");
    if (!"true".equalsIgnoreCase(startable.strip())) {
      return;
    }
    boolean startForm = process.elements("startEvent").stream()
        .filter(start -> start.elements().stream().noneMatch(child -> child.getTagName().endsWith("EventDefinition")))
        .anyMatch(start -> start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
            || start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey") != null);
    if (!startForm) {
      error(process, "Tasklist's \"Start process\" would offer this process with an empty form, though people do "
          + "not start it by hand. Untick \"Startable\" in the Modeler's properties panel of the process "
          + "(camunda:isStartableInTasklist=\"false\"), or give its start event a form.");
    }
  }

  private void check(Element element, Element owner) {
    String tag = element.getTagName();
    if (NOT_EXPRESSIONS.contains(tag)) {
      return;
    }
    for (String key : element.attributes()) {
      String attribute = key.substring(key.lastIndexOf(':') + 1);
      String value = element.attribute(key);
      boolean camunda = key.startsWith(CAMUNDA_NS + ":") || CAMUNDA_NS.equals(element.getUri());
      if (attribute.equals("id") || value == null) {
        continue;
      }
      if (attribute.equals("delegateExpression")) {
        delegate(owner, tag, value);
      } else if (attribute.equals("class") && camunda) {
        javaClass(owner, value);
      }
      expressions(owner, value);
    }
    if (element.attribute("language") == null) { // a script (a condition in JavaScript, ...) is no expression
      expressions(owner, element.getText());
    }
    forms(element, owner);
    messages(element, owner);
    boolean scope = SCOPES.contains(tag);
    for (Element child : element.elements()) {
      check(child, scope && child.attribute("id") != null ? child : owner);
    }
  }

  // Forms

  private void forms(Element element, Element owner) {
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    if (formRef != null && !isExpression(formRef)) {
      String binding = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefBinding", "latest");
      String attach = " Attach forms/" + formRef + ".form in the Modeler's deploy dialog (\"Include additional "
          + "files\") and deploy again.";
      switch (binding) {
        case "deployment" -> {
          if (!forms.containsKey(formRef)) {
            error(owner, "its form \"" + formRef + "\" is bound to this deployment (camunda:formRefBinding="
                + "\"deployment\"), but the deployment has no form with that id." + attach);
          }
        }
        case "latest" -> {
          if (!forms.containsKey(formRef) && latestDeployed(formRef) == null) {
            error(owner, "its form \"" + formRef + "\" (camunda:formRefBinding=\"latest\") is neither in this "
                + "deployment nor deployed before." + attach);
          }
        }
        case "version" -> version(element, owner, formRef, attach);
        default -> error(owner, "camunda:formRefBinding=\"" + binding + "\" is none of deployment, latest or "
            + "version.");
      }
    }
    String formKey = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey");
    if (formKey != null && !isExpression(formKey)) {
      for (String prefix : DEPLOYMENT_FORM_KEYS) {
        String resource = formKey.startsWith(prefix) ? formKey.substring(prefix.length()) : null;
        if (resource != null && !deployment.getResources().containsKey(resource)) {
          error(owner, "its form key \"" + formKey + "\" names the resource \"" + resource + "\", which is not in "
              + "this deployment: attach it in the Modeler's deploy dialog (\"Include additional files\") under "
              + "that name.");
        }
      }
    }
  }

  private void version(Element element, Element owner, String formRef, String attach) {
    String text = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefVersion");
    if (text != null && isExpression(text)) {
      return;
    }
    int version;
    try {
      version = Integer.parseInt(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      error(owner, "camunda:formRefVersion \"" + (text == null ? "" : text) + "\" of its form \"" + formRef
          + "\" is no version number.");
      return;
    }
    CamundaFormDefinitionEntity latest = latestDeployed(formRef);
    boolean deployed = Context.getCommandContext().getCamundaFormDefinitionManager()
        .findDefinitionByKeyVersionAndTenantId(formRef, version, deployment.getTenantId()) != null;
    boolean broughtAlong = forms.containsKey(formRef) && version == (latest == null ? 1 : latest.getVersion() + 1);
    if (!deployed && !broughtAlong) {
      error(owner, "version " + version + " of its form \"" + formRef + "\" (camunda:formRefBinding=\"version\") "
          + "is not deployed" + (latest == null ? "" : " (the latest is version " + latest.getVersion() + ")")
          + "." + attach);
    }
  }

  private CamundaFormDefinitionEntity latestDeployed(String formRef) {
    return Context.getCommandContext().getCamundaFormDefinitionManager()
        .findLatestDefinitionByKeyAndTenantId(formRef, deployment.getTenantId());
  }

  private void readForm(ResourceEntity resource) {
    try {
      JsonNode form = JSON.readTree(resource.getBytes());
      String id = form.path("id").asText("");
      if (!id.isEmpty()) {
        Set<String> keys = new HashSet<>();
        collectKeys(form.path("components"), keys);
        forms.put(id, keys);
      }
    } catch (IOException e) {
      // Not a form the engine can read either: its form deployer refuses it with the reason.
    }
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  // Beans

  private void delegate(Element owner, String tag, String expression) {
    Matcher bare = BARE_NAME.matcher(expression);
    if (!bare.matches()) {
      return; // a call: the rule of every expression applies
    }
    String bean = bare.group(1);
    List<Class<?>> types = switch (tag) {
      case "taskListener" -> List.of(TaskListener.class);
      case "executionListener" -> List.of(ExecutionListener.class);
      default -> List.of(JavaDelegate.class, ActivityBehavior.class);
    };
    String place = switch (tag) {
      case "taskListener" -> "task listener";
      case "executionListener" -> "execution listener";
      default -> "delegate";
    };
    if (!checks.isBean(bean)) {
      error(owner, "its " + place + " " + expression.strip() + " names no bean of Mission Control (a step is a "
          + "@Bean method of a *Steps class of the process package; check the spelling).");
    } else if (types.stream().noneMatch(type -> checks.isBeanOf(bean, type))) {
      error(owner, "its " + place + " " + expression.strip() + " is a bean of Mission Control, but not a "
          + types.get(0).getSimpleName() + ", so it cannot run here.");
    }
  }

  private void javaClass(Element owner, String className) {
    if (!isExpression(className) && !ClassUtils.isPresent(className.strip(), DiagramCheck.class.getClassLoader())) {
      error(owner, "the class " + className + " is not part of Mission Control.");
    }
  }

  private void expressions(Element owner, String text) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    try {
      visit(EXPRESSIONS.build(text.strip()).getRoot(), owner, text.strip());
    } catch (TreeBuilderException e) {
      error(owner, "\"" + text.strip() + "\" is no expression the engine can read: " + e.getMessage());
    }
  }

  private void visit(Node node, Element owner, String expression) {
    if (node instanceof AstMethod && node.getChild(0) instanceof AstDot dot
        && dot.getChild(0) instanceof AstIdentifier name) {
      name(owner, expression, name.getName(), memberName(dot), node.getChild(1).getCardinality());
      visit(node.getChild(1), owner, expression);
      return;
    }
    if (node instanceof AstProperty && node.getChild(0) instanceof AstIdentifier name) {
      name(owner, expression, name.getName(), null, 0);
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), owner, expression);
    }
  }

  /** The member name of {@code x.member}: JUEL shows an {@code AstDot} as ". member". */
  private static String memberName(AstDot dot) {
    String shown = dot.toString();
    return shown.startsWith(". ") ? shown.substring(2) : null;
  }

  /** {@code name} before a member access or (when {@code method} is set) a call with that many arguments. */
  private void name(Element owner, String expression, String name, String method, int arguments) {
    if (ENGINE_NAMES.contains(name)) {
      return;
    }
    Class<?> type;
    String what;
    if (checks.variables().containsKey(name)) {
      type = checks.variables().get(name);
      what = "variable " + name;
    } else if (defined.contains(name)) {
      return; // a variable of unknown type
    } else if (checks.isBean(name)) {
      type = checks.beanType(name);
      what = "bean " + name;
    } else {
      error(owner, expression + " uses \"" + name + "\", which is neither a bean of Mission Control nor a variable "
          + "of this process (declared by its *Process class, or an input or output parameter, element variable or "
          + "form field of this deployment).");
      return;
    }
    if (method != null && type != null && !hasMethod(type, method, arguments)) {
      error(owner, expression + " calls " + method + " with " + arguments + " argument(s) on the " + what + ", a "
          + ClassUtils.getUserClass(type).getSimpleName() + ", which has no such public method.");
    }
  }

  private static boolean hasMethod(Class<?> type, String name, int arguments) {
    return Arrays.stream(type.getMethods()).filter((Method method) -> method.getName().equals(name))
        .anyMatch(method -> method.getParameterCount() == arguments
            || method.isVarArgs() && arguments >= method.getParameterCount() - 1);
  }

  private void collectDefinedNames(Element element) {
    String tag = element.getTagName();
    if (CAMUNDA_NS.equals(element.getUri())) {
      if (tag.equals("inputParameter") || tag.equals("outputParameter")) {
        addDefined(element.attribute("name"));
      } else if (tag.equals("in") || tag.equals("out")) {
        addDefined(element.attribute("target"));
      } else if (tag.equals("formField")) {
        addDefined(element.attribute("id"));
      }
    }
    addDefined(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "elementVariable"));
    addDefined(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resultVariable"));
    element.elements().forEach(this::collectDefinedNames);
  }

  private void addDefined(String name) {
    if (name != null && !name.isBlank()) {
      defined.add(name.strip());
    }
  }

  // Messages

  private void messages(Element element, Element owner) {
    String tag = element.getTagName();
    String messageRef = null;
    if (tag.equals("receiveTask")) {
      messageRef = element.attribute("messageRef");
    } else if (CATCHING_EVENTS.contains(tag)) {
      for (Element definition : element.elements("messageEventDefinition")) {
        messageRef = definition.attribute("messageRef");
      }
    }
    String message = messageRef == null ? null : messageNames.get(messageRef.substring(messageRef.indexOf(':') + 1));
    if (message == null || isExpression(message) || checks.messageNames().contains(message)
        || thrownMessages().contains(message)) {
      return;
    }
    error(owner, "it waits for the message \"" + message + "\", which nothing sends: Mission Control's code sends "
        + String.join(", ", checks.messageNames()) + ", and no diagram of this deployment throws it. Check the "
        + "message's name.");
  }

  /** The names of the messages the throw events and send tasks of the deployment's diagrams throw. */
  private Set<String> thrownMessages() {
    if (thrownMessages == null) {
      thrownMessages = new TreeSet<>();
      deployment.getResources().forEach((name, resource) -> {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          try {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
            model.getModelElementsByType(ThrowEvent.class).forEach(event -> event.getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
                .filter(definition -> definition.getMessage() != null)
                .forEach(definition -> thrownMessages.add(definition.getMessage().getName())));
            model.getModelElementsByType(SendTask.class).stream().filter(task -> task.getMessage() != null)
                .forEach(task -> thrownMessages.add(task.getMessage().getName()));
          } catch (RuntimeException e) {
            // A diagram the model cannot read: the engine reports it when it parses that resource.
          }
        }
      });
    }
    return thrownMessages;
  }

  // Helpers

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private void error(Element owner, String problem) {
    String message = owner.attribute("id") + ": " + problem;
    if (reported.add(message)) {
      errors.accept(message, owner);
    }
  }
}
