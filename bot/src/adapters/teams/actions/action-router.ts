import { ACCESS_STEP_VERBS, VERB_REFRESH_ACCESS } from '../cards/access-request-card';
import { VERB_RESUBMIT_ACCESS, VERB_SUBMIT_ACCESS } from '../cards/access-request-form-card';
import { VERB_NEW_ACCESS, VERB_OPEN_ACCESS } from '../cards/simple-cards';
import { POSTING_STEP_VERBS, VERB_REFRESH_POSTING } from '../cards/posting-request-card';
import { VERB_RESUBMIT_POSTING, VERB_SHOW_PUPILS, VERB_SUBMIT_POSTING } from '../cards/posting-request-form-card';
import { VERB_NEW_POSTING, VERB_OPEN_POSTING } from '../cards/simple-cards';
import { VERB_OPEN_TAKEDOWN, VERB_REFRESH_TAKEDOWN, VERB_TAKEDOWN_CANNOT, VERB_TAKEDOWN_REMOVED } from '../cards/takedown-card';
import { accessStepAction } from './access-step.action';
import { VERB_CONFIRM_TRAINING, VERB_LOG_TRAINING, VERB_REJECT_TRAINING } from '../cards/training-cards';
import { decideTrainingAction, logTrainingAction } from './training.action';
import { closeTakedownAction, openTakedownAction, refreshTakedownAction } from './takedown.action';
import { editPostingRequestAction, newPostingRequestAction, resubmitPostingRequestAction, showPostingPupilsAction, submitPostingRequestAction } from './posting-form.action';
import { postingStepAction } from './posting-step.action';
import { openPostingRequestAction, refreshPostingRequestAction } from './view-posting-request.action';
import type { CardActionHandler } from './card-action';
import { VERB_NEW_CONCERN, VERB_REPORT_CONCERN, VERB_SHOW_CONCERN_PUPILS } from '../cards/incident-cards';
import { newConcernAction, reportConcernAction, showConcernPupilsAction } from './report-concern.action';
import { editAccessRequestAction, resubmitAccessRequestAction } from './resubmit-access-request.action';
import { submitAccessRequestAction } from './submit-access-request.action';
import { newAccessRequestAction, openAccessRequestAction, refreshAccessRequestAction } from './view-access-request.action';
import { VERB_OPEN_WAITING } from '../cards/waiting-card';
import { openWaitingItemAction } from './waiting.action';

/** Verb → handler. A verb not listed here gets a polite "this card is out of date". */
export const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map([
  [VERB_SUBMIT_ACCESS, submitAccessRequestAction],
  [VERB_RESUBMIT_ACCESS, resubmitAccessRequestAction],
  [ACCESS_STEP_VERBS.resubmit, editAccessRequestAction],
  [ACCESS_STEP_VERBS.forward, accessStepAction('forward')],
  [ACCESS_STEP_VERBS.return, accessStepAction('return')],
  [ACCESS_STEP_VERBS.approve, accessStepAction('approve')],
  [ACCESS_STEP_VERBS.refuse, accessStepAction('refuse')],
  [ACCESS_STEP_VERBS.markDone, accessStepAction('markDone')],
  [ACCESS_STEP_VERBS.withdraw, accessStepAction('withdraw')],
  [VERB_REFRESH_ACCESS, refreshAccessRequestAction],
  [VERB_OPEN_ACCESS, openAccessRequestAction],
  [VERB_NEW_ACCESS, newAccessRequestAction],
  [VERB_LOG_TRAINING, logTrainingAction],
  [VERB_CONFIRM_TRAINING, decideTrainingAction(true)],
  [VERB_REJECT_TRAINING, decideTrainingAction(false)],
  [VERB_NEW_POSTING, newPostingRequestAction],
  [VERB_SHOW_PUPILS, showPostingPupilsAction],
  [VERB_SUBMIT_POSTING, submitPostingRequestAction],
  [VERB_RESUBMIT_POSTING, resubmitPostingRequestAction],
  [POSTING_STEP_VERBS.resubmit, editPostingRequestAction],
  [POSTING_STEP_VERBS.approve, postingStepAction('approve')],
  [POSTING_STEP_VERBS.refuse, postingStepAction('refuse')],
  [POSTING_STEP_VERBS.withdraw, postingStepAction('withdraw')],
  [POSTING_STEP_VERBS.confirmPosted, postingStepAction('confirmPosted')],
  [VERB_REFRESH_POSTING, refreshPostingRequestAction],
  [VERB_OPEN_POSTING, openPostingRequestAction],
  [VERB_TAKEDOWN_REMOVED, closeTakedownAction('removed')],
  [VERB_TAKEDOWN_CANNOT, closeTakedownAction('cannot be removed')],
  [VERB_REFRESH_TAKEDOWN, refreshTakedownAction],
  [VERB_OPEN_TAKEDOWN, openTakedownAction],
  [VERB_REPORT_CONCERN, reportConcernAction],
  [VERB_NEW_CONCERN, newConcernAction],
  [VERB_SHOW_CONCERN_PUPILS, showConcernPupilsAction],
  [VERB_OPEN_WAITING, openWaitingItemAction],
]);
