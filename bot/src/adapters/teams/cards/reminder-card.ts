import type { ReminderMessage } from '../../../ports/outbox.port';
import { VERB_OPEN_ACCESS } from './simple-cards';
import { adaptiveCard, executeAction, richText, type CardAction } from './card-elements';

/** A reminder, with a button to where the person can act. Every line may hold names, so all are TextRuns. */
export function reminderCard(message: ReminderMessage, tabUrl: (view: string) => string) {
  const actions: CardAction[] = [];
  if (message.act?.accessRequestId) actions.push(executeAction(message.act.label, VERB_OPEN_ACCESS, { requestId: message.act.accessRequestId }));
  else if (message.act?.tabView) actions.push({ type: 'Action.OpenUrl', title: message.act.label, url: tabUrl(message.act.tabView) });
  return adaptiveCard(
    [
      { type: 'Container', style: message.tone, bleed: true, items: [richText([{ text: message.title, bold: true }], { size: 'Medium' })] },
      ...message.lines.slice(0, 60).map((line) => richText([line], { spacing: 'Small' })),
      ...(message.lines.length > 60 ? [richText([`…and ${message.lines.length - 60} more: see the tab.`])] : []),
    ],
    { actions },
  );
}
