package space.djangonaut.missioncontrol.config;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import space.djangonaut.missioncontrol.process.TaskForms;

/**
 * The engine's history, written as the default handler writes it, but for the copy of each submitted form field.
 * With full history, a form submitted in Tasklist is kept twice: as the variables it sets (with every later value,
 * {@code act_hi_varinst} and {@code act_hi_detail} variable updates) and once more field by field ({@code act_hi_detail}
 * form fields). The engine deletes the second kind only with the whole task's history, and that fails in 7.24
 * ("Mapped Statements collection does not contain value for deleteHistoricFormProperty"), so an erasure could not
 * reach what a person wrote in a form: a review's comment, a check-in's notes, a mid-point follow-up. Nothing is
 * lost by not writing it: the same values stay in the variables' history, for Cockpit and for erasure
 * ({@code process/ProcessErasure}, {@code process/team/MidpointErasedListener}).
 *
 * <p>Nor is a history kept of what a task's form shows read-only ({@link TaskForms#isDrawn}: an applicant's answers on
 * a review, a team's plan on the confirmation): a view of Mission Control's own records, drawn from them again
 * whenever needed, not something the process decided or a person wrote. Its history was a copy of the records for
 * every task and every redraw (24 of the 38 variable rows, each written to {@code act_hi_varinst} and
 * {@code act_hi_detail}, that an application's acknowledgement and reviews wrote: issue 14), each one more place an
 * erasure had to reach. What people write in the forms, and the process's own variables, keep their full history.
 */
class HistoryWithoutFormFields extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    if (historyEvent instanceof HistoricFormPropertyEventEntity) {
      return;
    }
    if (historyEvent instanceof HistoricVariableUpdateEventEntity variable
        && TaskForms.isDrawn(variable.getTaskId(), variable.getVariableName())) {
      return;
    }
    super.handleEvent(historyEvent);
  }
}
