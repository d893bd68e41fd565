import type { ReminderMessage } from '../../../ports/outbox.port';
import { VERB_OPEN_ACCESS, VERB_OPEN_POSTING } from './simple-cards';
import { VERB_OPEN_TAKEDOWN } from './takedown-card';
import { VERB_CONFIRM_TRAINING, VERB_REJECT_TRAINING } from './training-cards';
import { adaptiveCard, executeAction, richText, textInput, type CardAction, type CardElement } from './card-elements';

/** A reminder, with a button to where the person can act. Every line may hold names, so all are TextRuns. */
export function reminderCard(message: ReminderMessage, tabUrl: (view: string) => string) {
  const actions: CardAction[] = [];
  const inputs: CardElement[] = [];
  if (message.act?.confirmTrainingId) {
    const data = { recordId: message.act.confirmTrainingId };
    inputs.push(textInput('reason', 'If not confirmed, why? (they are told)', { maxLength: 500, multiline: true }));
    actions.push(executeAction('Confirm', VERB_CONFIRM_TRAINING, data, { style: 'positive' }), executeAction('Not confirmed', VERB_REJECT_TRAINING, data));
  } else if (message.act?.postingRequestId) actions.push(executeAction(message.act.label, VERB_OPEN_POSTING, { requestId: message.act.postingRequestId }));
  else if (message.act?.takedownId) actions.push(executeAction(message.act.label, VERB_OPEN_TAKEDOWN, { taskId: message.act.takedownId }));
  else if (message.act?.accessRequestId) actions.push(executeAction(message.act.label, VERB_OPEN_ACCESS, { requestId: message.act.accessRequestId }));
  else if (message.act?.tabView) actions.push({ type: 'Action.OpenUrl', title: message.act.label, url: tabUrl(message.act.tabView) });
  return adaptiveCard(
    [
      { type: 'Container', style: message.tone, bleed: true, items: [richText([{ text: message.title, bold: true }], { size: 'Medium' })] },
      ...message.lines.slice(0, 60).map((line) => richText([line], { spacing: 'Small' })),
      ...(message.lines.length > 60 ? [richText([`…and ${message.lines.length - 60} more: see the tab.`])] : []),
      ...inputs,
    ],
    { actions },
  );
}
