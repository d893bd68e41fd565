import { ACCESS_STEP_VERBS, VERB_REFRESH_ACCESS } from '../cards/access-request-card';
import { VERB_RESUBMIT_ACCESS, VERB_SUBMIT_ACCESS } from '../cards/access-request-form-card';
import { VERB_NEW_ACCESS, VERB_OPEN_ACCESS } from '../cards/simple-cards';
import { accessStepAction } from './access-step.action';
import type { CardActionHandler } from './card-action';
import { VERB_NEW_CONCERN, VERB_REPORT_CONCERN } from '../cards/incident-cards';
import { newConcernAction, reportConcernAction } from './report-concern.action';
import { editAccessRequestAction, resubmitAccessRequestAction } from './resubmit-access-request.action';
import { submitAccessRequestAction } from './submit-access-request.action';
import { newAccessRequestAction, openAccessRequestAction, refreshAccessRequestAction } from './view-access-request.action';

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
  [VERB_REPORT_CONCERN, reportConcernAction],
  [VERB_NEW_CONCERN, newConcernAction],
]);
