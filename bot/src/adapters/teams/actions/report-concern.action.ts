import { announceConcern, type ConcernNoticeResult } from '../../../app/announce-concern';
import { reportIncident } from '../../../app/report-incident';
import { concernSavedCard, concernValues } from '../cards/incident-cards';
import { concernForm } from '../concern-form';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import type { TeamsDeps } from '../teams-deps';
import type { Person } from '../../../domain/people/person';
import { whoMay } from '../../../domain/authorization/permissions';
import type { IncidentReport } from '../../../domain/incidents/incident';
import { dataString, type CardActionHandler } from './card-action';

/** Teams wants an answer within about five seconds: telling people may go on after the reporter has theirs. */
export const ANNOUNCE_WAIT_MS = 3_000;

/**
 * Saves a concern sent from the form, in the chat or in the message action's dialog, and answers
 * with the card the reporter should see next (the form with its errors, or the confirmation). The
 * confirmation says what really happened: told, told the DSL instead, nobody told yet, or still
 * being sent (and if that ends with nobody told, the reporter gets a message in their chat).
 */
export async function submitConcern(
  deps: TeamsDeps,
  actor: Person,
  data: Record<string, unknown>,
  surface: 'chat' | 'dialog',
  messageCopy?: IncidentReport['sourceMessage'],
): Promise<AdaptiveCard> {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **report a concern** to start a new one.');
  const result = await reportIncident(deps, actor, data, submissionKey, messageCopy);
  const form = (banner: string, errors = {}) =>
    concernForm(deps, { submissionKey, values: concernValues(data), errors, banner: { text: banner, tone: 'attention' }, surface });
  switch (result.status) {
    case 'invalid':
      return form('Please correct the fields marked below. Nothing has been saved yet.', result.errors);
    case 'not-saved':
      return form(
        'Your concern was NOT saved because the school records could not be reached. Please try again in a few minutes, or tell the DSL in person now.',
      );
    case 'not-permitted':
      return messageCard(`Only ${whoMay('incident.report')} can report a concern here; please tell the DSL in person.`);
    case 'ok': {
      const saved = { reference: result.reference, routedToLabel: result.routedToLabel, aboutHeadteacher: result.aboutHeadteacher };
      if (result.alreadySaved) return concernSavedCard(saved, { outcome: 'alreadySaved' });
      return concernSavedCard(saved, await announceWithin(deps, actor, result.incidentId, result.reference));
    }
  }
}

async function announceWithin(
  deps: TeamsDeps,
  reporter: Person,
  incidentId: string,
  reference: string,
): Promise<ConcernNoticeResult | { outcome: 'stillSending' }> {
  let answered = false;
  const announcing = announceConcern(deps, incidentId);
  deps.background.run('announce a new concern', async () => {
    const { outcome } = await announcing;
    if (answered && outcome === 'nobodyTold') await tellReporterNobodyYet(deps, reporter, incidentId, reference);
  });
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<{ outcome: 'stillSending' }>(
    (done) => (timer = setTimeout(() => done({ outcome: 'stillSending' }), ANNOUNCE_WAIT_MS)),
  );
  const first = await Promise.race([announcing.catch((): ConcernNoticeResult => ({ outcome: 'nobodyTold' })), waited]);
  clearTimeout(timer);
  answered = first.outcome === 'stillSending';
  return first;
}

async function tellReporterNobodyYet(deps: TeamsDeps, reporter: Person, incidentId: string, reference: string): Promise<void> {
  await deps.announce(`concern ${incidentId} reporter`, [
    {
      person: reporter,
      reason: `concern-untold:${incidentId}`,
      period: 'reported',
      message: {
        title: `Your concern ${reference}`,
        lines: [
          'It is saved, but nobody could be told of it yet. I will keep trying until someone who deals with it is told.',
          'If a child is in immediate danger, call 999 now.',
        ],
        tone: 'warning',
      },
    },
  ]);
}

/** Only in the private chat: the bot refuses every card action in a group chat or channel before it gets here. */
export const reportConcernAction: CardActionHandler = async ({ deps, actor, data }) => submitConcern(deps, actor, data, 'chat');

export const newConcernAction: CardActionHandler = async ({ deps }) => concernForm(deps, { surface: 'chat' });

/** "Show pupils of these classes": the same form, as typed, with the roster of the chosen classes. Nothing is saved. */
export const showConcernPupilsAction: CardActionHandler = async ({ deps, data }) => {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **report a concern** to start a new one.');
  return concernForm(deps, { submissionKey, values: concernValues(data), surface: 'chat' });
};
