import { accessReference, accessStateLabel, type AccessRequest } from '../../../domain/access/access-request';
import { postingReference, postingStateLabel, type PostingRequest } from '../../../domain/posting/posting-request';
import { adaptiveCard, executeAction, heading, richText, text, userText, type AdaptiveCard, type CardAction, type CardElement, type RichPart } from './card-elements';
import { formatDateTime } from './format';
import { may, type Action } from '../../../domain/authorization/permissions';
import type { Person } from '../../../domain/people/person';

export const VERB_OPEN_ACCESS = 'openAccessRequest';
export const VERB_NEW_ACCESS = 'newAccessRequest';
export const VERB_NEW_POSTING = 'newPostingRequest';

/** What the bot understands, and what a person needs to be able to do for it to be worth offering them. */
export const COMMANDS: { command: string; what: string; needs?: Action }[] = [
  { command: 'request access', what: 'ask for a blocked website to be opened (Social Media Policy, section 9)', needs: 'accessRequest.submit' },
  { command: 'request to post', what: 'ask permission to post on a school account, or to post a reminder for parents (sections 4 to 6)', needs: 'postingRequest.submit' },
  { command: 'my requests', what: 'see the requests you have made and where each one is', needs: 'accessRequest.submit' },
  { command: 'takedowns', what: 'for account owners: posts to take down after a parent withdrew consent (section 4)', needs: 'socialAccount.view' },
  { command: 'consent 4B', what: "see a class's photo and video consent before you take pictures (section 4)", needs: 'consent.viewClass' },
  { command: 'report a concern', what: 'tell the DSL (or the right person) about abuse, bullying or anything worrying online (section 8)', needs: 'incident.report' },
  { command: 'my training', what: "see your online safety training, and tell the online safety lead you've done it (section 11)", needs: 'training.logOwn' },
  { command: 'help', what: 'show this list' },
];

/** What the bot says to anything asked of it in a group chat or channel, where everyone there would see the answer. */
export const PRIVATE_CHAT_ONLY = 'Please use your private chat with Online Safety Desk for that (for a concern, you can also use "Report as a concern" on the message): in a channel or group chat everyone here would see the answer. Nothing was sent or saved.';

/**
 * What the bot does, for this person: only what they may do (a governor is not offered forms they
 * could not send). In a group chat or channel it carries no buttons: a form or list opened there
 * would be shown to everyone in it.
 */
export function helpCard(schoolName: string, where: 'personal' | 'shared', person?: Pick<Person, 'id' | 'roles' | 'displayName'>): AdaptiveCard {
  const offered = COMMANDS.filter((entry) => !entry.needs || !person || may(person, entry.needs));
  const buttons = person && where === 'personal' ? [
    ...(may(person, 'accessRequest.submit') ? [executeAction('Request access to a blocked site', VERB_NEW_ACCESS, {})] : []),
    ...(may(person, 'postingRequest.submit') ? [executeAction('Ask permission to post', VERB_NEW_POSTING, {})] : []),
  ] : [];
  const firstName = person?.displayName.split(' ')[0];
  return adaptiveCard(
    [
      firstName ? richText([{ text: `Hello ${firstName} — this is Online Safety Desk`, bold: true }], { size: 'Medium' }) : heading('Online Safety Desk'),
      richText(['I help staff at ', schoolName, ' follow the Social Media Policy. Type one of these:']),
      ...offered.map((entry) => text(`**${entry.command}** — ${entry.what}`, { spacing: 'Small' })),
      ...(where === 'shared' ? [text('Everything except **help** works in your private chat with me only, so that nobody else sees names or details.', { weight: 'Bolder' })] : []),
    ],
    buttons.length ? { actions: buttons } : {},
  );
}

export const VERB_OPEN_POSTING = 'openPostingRequest';

/** The person's own requests, newest first: blocked websites, then permission to post. */
export function myRequestsCard(requests: AccessRequest[], hasMore: boolean, posting: PostingRequest[] = []): AdaptiveCard {
  if (requests.length === 0 && posting.length === 0) {
    return adaptiveCard([heading('Your requests'), text('You have not made any requests yet. Type **request access** to ask for a blocked website to be opened, or **request to post** to ask permission to post.')]);
  }
  const row = (summary: string, detail: string, open: CardAction): CardElement => ({
    type: 'Container',
    separator: true,
    items: [text(summary, { spacing: 'None' }), { ...userText(shorten(detail, 120)), spacing: 'None' }],
    selectAction: open,
  });
  return adaptiveCard([
    heading('Your requests'),
    ...(requests.length ? [text('Blocked websites', { weight: 'Bolder' })] : []),
    ...requests.map((request) => row(`**${accessReference(request.id)}** · ${accessStateLabel(request.state, true)} · ${formatDateTime(request.submittedAt)}`, request.url, executeAction(`Open request ${request.id}`, VERB_OPEN_ACCESS, { requestId: request.id }))),
    ...(posting.length ? [text('Permission to post', { weight: 'Bolder' })] : []),
    ...posting.map((request) => row(`**${postingReference(request.id)}** · ${postingStateLabel(request.state, true)} · ${formatDateTime(request.submittedAt)}`, `${request.accountLabel}: ${request.text}`, executeAction(`Open posting request ${request.id}`, VERB_OPEN_POSTING, { requestId: request.id }))),
    ...(hasMore ? [text('Only your most recent requests are shown here. The My requests tab lists them all.', { subtle: true })] : []),
  ]);
}

/**
 * A short card for a reply that is only a message, with an optional heading. A string is our own
 * text (markdown allowed); lines of parts carry data such as names, shown as they are.
 */
export function messageCard(message: string | RichPart[][], title?: string): AdaptiveCard {
  const body = typeof message === 'string' ? [text(message)] : message.map((line) => richText(line));
  return adaptiveCard([...(title ? [heading(title)] : []), ...body]);
}

/**
 * A refusal that keeps what the person typed, so nothing they wrote is lost: they can copy it, or
 * pass it to someone who may send it.
 */
export function refusalKeepingText(message: string, typed: [label: string, value: string | undefined][]): AdaptiveCard {
  const kept = typed.filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()));
  return adaptiveCard([
    text(message),
    ...(kept.length ? [text('Nothing was saved. Here is what you typed, so it is not lost:', { subtle: true }), ...kept.map(([label, value]) => userText(value, { label }))] : []),
  ]);
}

function shorten(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
