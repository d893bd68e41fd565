import { decideTrainingAction, logTrainingAction, myTraining } from '../actions/training.action';
import { executeAction, textInput } from '../cards/card-elements';
import { VERB_CONFIRM_TRAINING, VERB_LOG_TRAINING, VERB_REJECT_TRAINING } from '../cards/training-cards';
import type { RecordFeature } from './feature';

/**
 * Online safety training (s.11): "my training", a completion logged by its member of staff, and the
 * online safety lead's confirmation, given on the reminder itself.
 */
export const TRAINING_FEATURE: RecordFeature = {
  name: 'training',
  recordType: 'trainingRecord',
  commands: [
    {
      pattern: /\bmy training\b|\b(done|did|completed|finished) my (online safety )?training\b/,
      run: (deps, person) => myTraining(deps, person),
      help: {
        command: 'my training',
        what: "see your online safety training, and tell the online safety lead you've done it (section 11)",
        needs: 'training.logOwn',
      },
    },
  ],
  actions: {
    [VERB_LOG_TRAINING]: logTrainingAction,
    [VERB_CONFIRM_TRAINING]: decideTrainingAction(true),
    [VERB_REJECT_TRAINING]: decideTrainingAction(false),
  },
  // A completion has no card of its own to update: the reminder carries the decision.
  cards: async () => undefined,
  reminder: (act) => {
    const data = { recordId: act.record.recordId };
    return {
      inputs: [textInput('reason', 'If not confirmed, why? (they are told)', { maxLength: 500, multiline: true })],
      actions: [
        executeAction('Confirm', VERB_CONFIRM_TRAINING, data, { style: 'positive' }),
        executeAction('Not confirmed', VERB_REJECT_TRAINING, data),
      ],
    };
  },
};
