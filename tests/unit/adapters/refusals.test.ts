/**
 * A refused person is told who may do it, from the permissions table, in words the adapters own:
 * the use cases only say which action was refused.
 */
import { refusal } from '../../../bot/src/adapters/refusals';
import { refused } from '../../../bot/src/app/outcome';
import { PERMISSIONS, type Action } from '../../../bot/src/domain/authorization/permissions';

describe('what a refused person reads', () => {
  it.each<[Action, string]>([
    ['device.manage', 'Only the online safety lead can approve or retire a device (Social Media Policy, section 4).'],
    ['consent.record', 'Only the admin team can record consent.'],
    ['policy.recordReview', 'Only the headteacher can record a policy review.'],
    ['training.logOwn', 'Only staff or a governor or the chair of governors can log their own training.'],
    [
      'socialAccount.manage',
      'Only the DSL or designated social media staff can add or change a school account (Social Media Policy, section 5).',
    ],
    ['settings.termDates', 'Only the headteacher or the admin team can change the term dates.'],
  ])('%s', (action, sentence) => {
    expect(refusal(refused(action))).toBe(sentence);
  });

  it('someone refused on their own record is told nobody decides their own, and who does instead', () => {
    expect(refusal(refused('training.confirm', 'own record'))).toBe(
      'Nobody decides on their own request or record, so you cannot confirm training on your own record: another online safety lead does, or the headteacher if there is none.',
    );
  });

  it('every action has its words: a sentence naming who may, never a bare "no"', () => {
    const sentences = (Object.keys(PERMISSIONS) as Action[]).map((action) => refusal(refused(action)));
    expect(sentences.filter((sentence) => !/^Only .+ can [a-z].+\.$/.test(sentence) || sentence.includes('undefined'))).toEqual([]);
  });
});
