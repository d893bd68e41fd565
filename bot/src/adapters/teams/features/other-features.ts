import { classConsent } from '../../../app/class-consent';
import { today } from '../../../domain/calendar/zoned-time';
import { newConcernAction, reportConcernAction, showConcernPupilsAction } from '../actions/report-concern.action';
import { classConsentCard } from '../cards/class-consent-card';
import { VERB_NEW_CONCERN, VERB_REPORT_CONCERN, VERB_SHOW_CONCERN_PUPILS } from '../cards/incident-cards';
import { concernForm } from '../concern-form';
import { messageCard } from '../cards/simple-cards';
import { myRequests } from '../my-requests';
import { openWaitingItemAction, waitingForMe } from '../actions/waiting.action';
import { VERB_OPEN_WAITING } from '../cards/waiting-card';
import type { Feature } from './feature';
import { refusal } from '../../refusals';

/** Everything that waits for the person, across every kind of record (app/waiting). */
export const WAITING_FEATURE: Feature = {
  name: 'waiting for me',
  commands: [
    {
      pattern: /\bwaiting( for me)?\b|\binbox\b/,
      run: waitingForMe,
      help: {
        command: 'waiting for me',
        what: 'everything waiting for you to review, decide or do: requests, posts to take down, training to confirm',
      },
    },
  ],
  actions: { [VERB_OPEN_WAITING]: openWaitingItemAction },
};

/** The person's own requests of every type. */
export const MY_REQUESTS_FEATURE: Feature = {
  name: 'my requests',
  commands: [
    {
      pattern: /\bmy requests?\b|^(requests|status)$/,
      run: myRequests,
      help: { command: 'my requests', what: 'see the requests you have made and where each one is', needs: 'accessRequest.submit' },
    },
  ],
};

/** A class's photo and video consent, before pictures are taken (s.4). */
export const CONSENT_FEATURE: Feature = {
  name: 'consent',
  commands: [
    {
      pattern: /^consent\b/,
      help: {
        command: 'consent 4B',
        what: "see a class's photo and video consent before you take pictures (section 4)",
        needs: 'consent.viewClass',
      },
      async run(deps, person, typed) {
        const className = /^consent(?: for)?(?: class)? ?(.*)$/.exec(typed)?.[1] ?? '';
        if (!className) return messageCard('Which class? For example: **consent 4B**.');
        const result = await classConsent(deps, person, className, today(deps.clock));
        switch (result.status) {
          case 'not-permitted':
            return messageCard(refusal(result));
          case 'unknown-class':
            return messageCard(`I can't find class ${className.toUpperCase()}. Classes: ${result.classes.join(', ') || 'none yet'}.`);
          case 'ok':
            return classConsentCard(result.className, result.date, result.pupils);
        }
      },
    },
  ],
};

/** Reporting a concern (s.2, s.8): the form in the chat; the message action's dialog is the bot's own. */
export const CONCERNS_FEATURE: Feature = {
  name: 'concerns',
  commands: [
    {
      pattern: /\b(report (a )?concern|concern about|report an? (incident|issue))\b|^(concern|incident|report)$/,
      run: (deps) => concernForm(deps, { surface: 'chat' }),
      help: {
        command: 'report a concern',
        what: 'tell the DSL (or the right person) about abuse, bullying or anything worrying online (section 8)',
        needs: 'incident.report',
      },
    },
  ],
  actions: {
    [VERB_REPORT_CONCERN]: reportConcernAction,
    [VERB_NEW_CONCERN]: newConcernAction,
    [VERB_SHOW_CONCERN_PUPILS]: showConcernPupilsAction,
  },
};
