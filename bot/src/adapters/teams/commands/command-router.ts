import type { Person } from '../../../domain/people/person';
import { newAccessRequestForm } from '../access-request-view';
import { postingRequestForm } from '../posting-request-view';
import type { AdaptiveCard } from '../cards/card-elements';
import { helpCard, messageCard, PRIVATE_CHAT_ONLY } from '../cards/simple-cards';
import { myRequests } from '../my-requests';
import { openTakedowns } from '../actions/takedown.action';
import { classConsentCard } from '../cards/class-consent-card';
import { classConsent } from '../../../app/class-consent';
import { currentSchool } from '../../../app/settings/school-details';
import type { TeamsDeps } from '../teams-deps';
import { concernFormCard } from '../cards/incident-cards';
import { myTraining } from '../actions/training.action';

type Command = (deps: TeamsDeps, person: Person) => Promise<AdaptiveCard>;

const requestAccess: Command = async (deps, person) => newAccessRequestForm(deps, person);
const requestToPost: Command = async (deps, person) => postingRequestForm(deps, person);

const reportConcern: Command = async (deps) => concernFormCard({ submissionKey: deps.newKey(), today: deps.clock.now().toISOString(), surface: 'chat' });

const help = (where: 'personal' | 'shared'): Command => async (deps, person) => helpCard((await currentSchool(deps.stores)).name, where, person);

const consentForClass = async (deps: TeamsDeps, person: Person, typed: string): Promise<AdaptiveCard> => {
  const className = /^consent(?: for)?(?: class)? ?(.*)$/.exec(typed)?.[1] ?? '';
  if (!className) return messageCard('Which class? For example: **consent 4B**.');
  const result = await classConsent(deps, person, className, deps.clock.now().toISOString().slice(0, 10));
  switch (result.status) {
    case 'not-permitted':
      return messageCard(result.message);
    case 'unknown-class':
      return messageCard(`I can't find class ${className.toUpperCase()}. Classes: ${result.classes.join(', ') || 'none yet'}.`);
    case 'ok':
      return classConsentCard(result.className, result.date, result.pupils);
  }
};

/** Help and greetings: the only answers given in a channel or group chat. */
const HELP_PATTERNS: RegExp[] = [/^(help|\?|what can you do|commands|menu)\b/, /^(hi|hello|hey|good (morning|afternoon))\b/];

/** Phrases staff actually type, matched loosely; the first matching rule wins. */
const RULES: { pattern: RegExp; command: Command }[] = [
  ...HELP_PATTERNS.map((pattern) => ({ pattern, command: help('personal') })),
  { pattern: /\bmy requests?\b|^(requests|status)$/, command: myRequests },
  { pattern: /\bmy training\b|\b(done|did|completed|finished) my (online safety )?training\b/, command: (deps, person) => myTraining(deps, person) },
  { pattern: /\b(my )?take ?downs?\b/, command: openTakedowns },
  { pattern: /\b(report (a )?concern|concern about|report an? (incident|issue))\b|^(concern|incident|report)$/, command: reportConcern },
  { pattern: /\b(request access|unblock|blocked (site|website|content|page)|open a (site|website))\b/, command: requestAccess },
  { pattern: /\b(request to post|permission to post|ask to post|post on|new post|reminder for parents|parent reminder)\b|^post$/, command: requestToPost },
];

/**
 * Answers a typed command. In a team channel or group chat only help is given: requests, consent
 * lists and concerns carry names and details that everyone there would see.
 */
export async function runCommand(deps: TeamsDeps, person: Person, typed: string, where: 'personal' | 'shared' = 'personal'): Promise<AdaptiveCard> {
  const text = normalise(typed);
  if (where === 'shared') return HELP_PATTERNS.some((pattern) => pattern.test(text)) ? help('shared')(deps, person) : messageCard(PRIVATE_CHAT_ONLY);
  if (/^consent\b/.test(text)) return consentForClass(deps, person, text);
  const rule = RULES.find((candidate) => candidate.pattern.test(text));
  if (rule) return rule.command(deps, person);
  return messageCard('Sorry, I didn\'t understand that. Try **request access** to ask for a blocked website, **request to post** to ask permission to post, **my requests** to see yours, or **help** for everything I can do.');
}

/** Drops the bot's @mention and punctuation so "@Online Safety Desk Help!" is "help". */
export function normalise(typed: string): string {
  return typed
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
