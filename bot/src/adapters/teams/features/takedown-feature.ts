import { may } from '../../../domain/authorization/permissions';
import { closeTakedownAction, openTakedownAction, openTakedowns, refreshTakedownAction } from '../actions/takedown.action';
import { executeAction } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import {
  takedownCard,
  VERB_OPEN_TAKEDOWN,
  VERB_REFRESH_TAKEDOWN,
  VERB_TAKEDOWN_CANNOT,
  VERB_TAKEDOWN_REMOVED,
} from '../cards/takedown-card';
import { maySeeTakedown, takedownView } from '../takedown-view';
import type { RecordFeature } from './feature';

/** Posts to take down after a parent withdrew consent (s.4): the account owner's tasks. */
export const TAKEDOWN_FEATURE: RecordFeature = {
  name: 'takedowns',
  recordType: 'takedown',
  commands: [
    {
      pattern: /\b(my )?take ?downs?\b/,
      run: openTakedowns,
      help: {
        command: 'takedowns',
        what: 'for account owners: posts to take down after a parent withdrew consent (section 4)',
        needs: 'socialAccount.view',
      },
    },
  ],
  actions: {
    [VERB_TAKEDOWN_REMOVED]: closeTakedownAction('removed'),
    [VERB_TAKEDOWN_CANNOT]: closeTakedownAction('cannot be removed'),
    [VERB_REFRESH_TAKEDOWN]: refreshTakedownAction,
    [VERB_OPEN_TAKEDOWN]: openTakedownAction,
  },
  async cards(deps, taskId) {
    const task = await deps.stores.takedowns.get(taskId);
    if (!task) return undefined;
    const view = await takedownView(deps.stores, task);
    return {
      cardFor: (viewer, teamsId, banner) =>
        maySeeTakedown(task, viewer)
          ? takedownCard(view, {
              canClose: may(viewer, 'takedown.close', task.ownerId),
              ...(teamsId ? { viewerTeamsId: teamsId } : {}),
              ...(banner ? { banner } : {}),
            })
          : messageCard(`You don't have access to takedown task #${task.id}.`),
      banner: () =>
        task.urgent
          ? { text: 'Urgent: a post on your school account shows a pupil without consent.', tone: 'attention' }
          : { text: 'A parent has withdrawn consent: a post on your school account needs taking down.', tone: 'warning' },
      reference: `takedown task #${task.id}`,
      finished: task.status !== 'to do',
    };
  },
  reminder: (act) => ({ inputs: [], actions: [executeAction(act.label, VERB_OPEN_TAKEDOWN, { taskId: act.record.recordId })] }),
};
