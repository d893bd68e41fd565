import { messageCard } from '../cards/simple-cards';
import { postingFormValues, postingRequestForm } from '../posting-request-view';
import { dataString, type CardActionHandler } from './card-action';

/** The form's target: a new request's submission key, or the id of the request being changed. */
function targetOf(data: Record<string, unknown>): { submissionKey: string } | { requestId: string } | undefined {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (submissionKey) return { submissionKey };
  const requestId = dataString(data, 'requestId', 20);
  return requestId ? { requestId } : undefined;
}

/** "Show pupils of these classes": the same form, with the roster of the chosen classes. */
export const showPostingPupilsAction: CardActionHandler = async ({ deps, actor, data }) => {
  const target = targetOf(data);
  if (!target) return messageCard('This form is out of date. Type **request to post** to start a new one.');
  return postingRequestForm(deps, actor, { target, values: postingFormValues(data) });
};
