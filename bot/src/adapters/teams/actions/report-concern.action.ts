import { announceConcern, reportIncident } from '../../../app/report-incident';
import { concernFormCard, concernSavedCard, concernValues } from '../cards/incident-cards';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import type { TeamsDeps } from '../teams-deps';
import type { Person } from '../../../domain/people/person';
import { dataString, type CardActionHandler } from './card-action';

/**
 * Saves a concern sent from the form, in the chat or in the message action's dialog, and answers
 * with the card the reporter should see next (the form with its errors, or the confirmation).
 */
export async function submitConcern(deps: TeamsDeps, actor: Person, data: Record<string, unknown>, surface: 'chat' | 'dialog'): Promise<AdaptiveCard> {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **report a concern** to start a new one.');
  const result = await reportIncident(deps, actor, data, submissionKey);
  const form = (banner: string, errors = {}) =>
    concernFormCard({ submissionKey, today: deps.clock.now().toISOString(), values: concernValues(data), errors, banner: { text: banner, tone: 'attention' }, surface });
  switch (result.status) {
    case 'invalid':
      return form('Please correct the fields marked below. Nothing has been saved yet.', result.errors);
    case 'not-saved':
      return form(result.message);
    case 'not-permitted':
      return messageCard(result.message);
    case 'saved':
      if (!result.alreadySaved) deps.background.run('announce a new concern', () => announceConcern(deps, result.incidentId));
      return concernSavedCard(result.reference, result.routedToLabel, result.alreadySaved);
  }
}

/**
 * A card answered in a group chat or channel is shown to everyone there, so a concern is only
 * taken in the reporter's private chat with the bot (or in the message action's private dialog).
 */
const PRIVATE_ONLY = messageCard('For confidentiality, report concerns in your private chat with Online Safety Desk, or use "Report as a concern" on the message. Nothing was saved here.');
const isPrivate = (activity: { conversation?: { conversationType?: string } }) => (activity.conversation?.conversationType ?? 'personal') === 'personal';

export const reportConcernAction: CardActionHandler = async ({ deps, actor, data, activity }) => (isPrivate(activity) ? submitConcern(deps, actor, data, 'chat') : PRIVATE_ONLY);

export const newConcernAction: CardActionHandler = async ({ deps, activity }) =>
  isPrivate(activity) ? concernFormCard({ submissionKey: deps.newKey(), today: deps.clock.now().toISOString(), surface: 'chat' }) : PRIVATE_ONLY;
