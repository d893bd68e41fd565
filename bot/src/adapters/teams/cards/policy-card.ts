import { READ_POLICY_VERB } from '../../../app/policies/read-requests';
import { longDate } from '../../../domain/calendar/dates';
import {
  adaptiveCard,
  executeAction,
  heading,
  notice,
  text,
  userText,
  type AdaptiveCard,
  type CardAction,
  type Tone,
} from './card-elements';

export const VERB_READ_POLICY = READ_POLICY_VERB;

/** What the policy card shows of a library entry (app/policies/policy-library.ts). */
export interface PolicyCardView {
  title: string;
  version: { id: string; number: string; approvedOn: string; approvedByName: string; changes: string };
  mustRead: boolean;
  readAt?: string;
}

/**
 * A policy's version in force, in the private chat (`policy social media`): open it in the policy
 * library, then (for those who must read it) say "I have read and understood it".
 */
export function policyCard(view: PolicyCardView, libraryUrl: string, banner?: { text: string; tone: Tone }): AdaptiveCard {
  const actions: CardAction[] = [{ type: 'Action.OpenUrl', title: 'Open it in the policy library', url: libraryUrl }];
  if (view.mustRead && !view.readAt)
    actions.push(executeAction('I have read and understood it', VERB_READ_POLICY, { versionId: view.version.id }, { style: 'positive' }));
  return adaptiveCard(
    [
      ...(banner ? [notice(banner.text, banner.tone)] : []),
      heading(view.title),
      text(`Version ${view.version.number}, approved on ${longDate(view.version.approvedOn)} by ${view.version.approvedByName}.`),
      userText(view.version.changes, { label: 'What changed' }),
      ...(view.readAt
        ? [notice(`You said you have read and understood it on ${longDate(view.readAt.slice(0, 10))}.`, 'good')]
        : view.mustRead
          ? [text('Please read it, then say you have understood it (policy section 2).')]
          : []),
    ],
    { actions },
  );
}

/** The policies in the library, when the one typed is not found. */
export function policyListCard(typed: string, titles: string[]): AdaptiveCard {
  const found = titles.length === 0 ? 'No policy has a document in the library yet.' : `The library holds: ${titles.join(', ')}.`;
  return adaptiveCard([
    heading('Policies'),
    text(
      typed
        ? `I can't find a policy called "${typed}" in the library. ${found}`
        : `Which policy? For example: **policy social media**. ${found}`,
    ),
  ]);
}
