import type { RequestType } from '../../../domain/records/record-type';
import type { StepOf } from '../../../app/requests/request-kinds';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import type { CardActionHandler } from '../actions/card-action';
import { editRequestAction, newRequestAction, openForm, resubmitRequestAction, submitRequestAction } from '../actions/request-form.action';
import { requestStepAction } from '../actions/request-step.action';
import { openRequestAction, refreshRequestAction } from '../actions/request-view.action';
import { executeAction } from '../cards/card-elements';
import { specOf } from '../requests/request-specs';
import { requestVerbs } from '../requests/request-card';
import { requestRecordCards } from '../requests/request-view';
import type { RecordFeature } from './feature';

/**
 * A request type in Teams, from its definition and its spec: the command that opens its form,
 * the form's verbs, one step action per step's button (the form again for "Edit and resubmit"),
 * its cards for notices, and the button a reminder about one offers.
 */
export function requestFeature<T extends RequestType>(type: T, more: Readonly<Record<string, CardActionHandler>> = {}): RecordFeature {
  const spec = specOf(type);
  const verbs = requestVerbs(type);
  const workflow = WORKFLOWS[type];
  const steps = Object.fromEntries(
    (Object.keys(spec.card.buttons) as StepOf<T>[]).map((step) => [
      spec.card.buttons[step].verb,
      workflow.steps[step]?.takesForm ? editRequestAction(type) : requestStepAction(type, step),
    ]),
  );
  return {
    name: type,
    recordType: type,
    commands: [
      {
        pattern: spec.command.pattern,
        run: (deps, person) => openForm(deps, type, person),
        help: { command: spec.command.typed, what: spec.command.what, needs: workflow.submission.action },
      },
    ],
    buttons: [{ title: spec.command.button, verb: verbs.new, needs: workflow.submission.action }],
    actions: {
      [verbs.new]: newRequestAction(type),
      [verbs.submit]: submitRequestAction(type),
      [verbs.resubmit]: resubmitRequestAction(type),
      [verbs.open]: openRequestAction(type),
      [verbs.refresh]: refreshRequestAction(type),
      ...steps,
      ...more,
    },
    cards: (deps, recordId) => requestRecordCards(deps, type, recordId),
    reminder: (act) => ({ inputs: [], actions: [executeAction(act.label, verbs.open, { requestId: act.record.recordId })] }),
  };
}
