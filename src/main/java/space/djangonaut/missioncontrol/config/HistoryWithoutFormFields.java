package space.djangonaut.missioncontrol.config;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history, written as the default handler writes it, but for the copy of each submitted form field.
 * With full history, a form submitted in Tasklist is kept twice: as the variables it sets (with every later value,
 * {@code act_hi_varinst} and {@code act_hi_detail} variable updates) and once more field by field ({@code act_hi_detail}
 * form fields). The engine deletes the second kind only with the whole task's history, and that fails in 7.24
 * ("Mapped Statements collection does not contain value for deleteHistoricFormProperty"), so an erasure could not
 * reach what a person wrote in a form: a review's comment, a check-in's notes, a mid-point follow-up. Nothing is
 * lost by not writing it: the same values stay in the variables' history, for Cockpit and for erasure
 * ({@code process/ProcessErasure}, {@code process/team/MidpointErasedListener}).
 */
class HistoryWithoutFormFields extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    if (historyEvent instanceof HistoricFormPropertyEventEntity) {
      return;
    }
    super.handleEvent(historyEvent);
  }
}
