import { actRecord } from '../../../app/reminders/reminder-act';
import type { ReminderMessage } from '../../../ports/outbox.port';
import { RECORD_FEATURES } from '../features/registry';
import { adaptiveCard, executeAction, richText, type CardAction, type CardElement } from './card-elements';

/**
 * A reminder, with a way to act: what the record it points at offers (its card's "Open" button, or
 * the decision itself), or a link to a tab page. Every line may hold names, so all are TextRuns.
 */
export function reminderCard(message: ReminderMessage, tabUrl: (view: string) => string) {
  const record = actRecord(message.act);
  const { inputs, actions }: { inputs: CardElement[]; actions: CardAction[] } =
    record && message.act
      ? RECORD_FEATURES[record.recordType].reminder({ ...message.act, record })
      : {
          inputs: [],
          actions: [
            ...(message.act?.tabView ? [{ type: 'Action.OpenUrl', title: message.act.label, url: tabUrl(message.act.tabView) }] : []),
            ...(message.act?.step
              ? [executeAction(message.act.step.label, message.act.step.verb, message.act.step.data, { style: 'positive' })]
              : []),
          ],
        };
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
