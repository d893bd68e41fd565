import { closeTakedownTask } from '../../../app/close-takedown';
import { readAll } from '../../../app/read-all';
import type { TakedownOutcome } from '../../../domain/consent/takedown';
import { may, whoMay } from '../../../domain/authorization/permissions';
import { outcomeBanner } from '../../outcomes';
import type { Person } from '../../../domain/people/person';
import { cardActivity } from '../card-activity';
import { cardKey } from '../card-messages';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import { takedownListCard } from '../cards/takedown-card';
import type { TeamsDeps } from '../teams-deps';
import { takedownCardFor, takedownView } from '../takedown-view';
import { CardActionFailure, dataString, rememberCard, typedText, type CardActionHandler } from './card-action';

/** "Removed ✓" or "Cannot be removed" on a takedown task. */
export function closeTakedownAction(outcome: TakedownOutcome): CardActionHandler {
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const taskId = dataString(data, 'taskId', 20);
    if (!taskId) return messageCard('This card is out of date. Type **takedowns** to see your tasks.');
    const reason = typedText(data, 'reason');
    const result = await closeTakedownTask(deps, actor, taskId, outcome, reason);
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find takedown task #${taskId}.`);
      case 'not-saved':
        throw new CardActionFailure(outcomeBanner('not-saved').text);
      case 'not-permitted':
        return takedownCardFor(deps.stores, result.task, actor, activity.from.id, {
          banner: { text: `Only ${whoMay('takedown.close')} can close this task.`, tone: 'warning' },
        });
      case 'invalid':
        return takedownCardFor(deps.stores, result.task, actor, activity.from.id, {
          reason,
          reasonError: result.message,
          banner: { text: 'Nothing was changed.', tone: 'warning' },
        });
      case 'not-now':
        return takedownCardFor(deps.stores, result.task, actor, activity.from.id, { banner: { text: result.message, tone: 'warning' } });
      case 'stale':
        return takedownCardFor(deps.stores, result.task, actor, activity.from.id, {
          banner: { text: 'This card was out of date, so nothing was changed. Here is the task as it is now.', tone: 'warning' },
        });
      case 'ok':
        await rememberCard(context, cardKey('takedown', result.task.id));
        deps.background.run(`refresh takedown ${result.task.id}`, () =>
          deps.notifier.refreshCards({ recordType: 'takedown', recordId: result.task.id }, activity.replyToId),
        );
        return takedownCardFor(deps.stores, result.task, actor, activity.from.id, {
          banner: {
            text: outcome === 'removed' ? 'Thank you: recorded as removed.' : 'Recorded as cannot be removed, with your reason.',
            tone: 'good',
          },
        });
    }
  };
}

export const refreshTakedownAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const taskId = dataString(data, 'taskId', 20);
  const task = taskId ? await deps.stores.takedowns.get(taskId) : undefined;
  return task ? takedownCardFor(deps.stores, task, actor, activity.from.id) : messageCard("I can't find that task.");
};

/** "Open" on the list: the task's card as a new message; the list stays. */
export const openTakedownAction: CardActionHandler = async (context) => {
  const { deps, actor, data, activity, turn } = context;
  const taskId = dataString(data, 'taskId', 20);
  const task = taskId ? await deps.stores.takedowns.get(taskId) : undefined;
  if (task) {
    const sent = await turn.sendActivity(cardActivity(await takedownCardFor(deps.stores, task, actor, activity.from.id)));
    await rememberCard(context, cardKey('takedown', task.id), sent?.id);
  }
  return openTakedowns(deps, actor);
};

/** The "takedowns" command: the person's open tasks (the DSL sees everyone's). */
export async function openTakedowns(deps: TeamsDeps, person: Person): Promise<AdaptiveCard> {
  const seesAll = may(person, 'takedown.viewAll');
  // Every open task, however many have been closed before: the list card shows the first 20.
  const open = (
    await readAll((cursor) => deps.stores.takedowns.find({ where: { status: 'to do' }, limit: 500, ...(cursor ? { cursor } : {}) }))
  ).filter((task) => seesAll || task.ownerId === person.id);
  if (!seesAll && open.length === 0 && !person.roles.some((role) => role === 'socialMediaStaff')) {
    return messageCard(
      'You have no posts to take down. Takedown tasks go to the owner of the school account (the DSL or designated staff).',
    );
  }
  // Urgent ones first: they went up without consent.
  const ordered = [...open].sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false));
  return takedownListCard(await Promise.all(ordered.map((task) => takedownView(deps.stores, task))));
}
