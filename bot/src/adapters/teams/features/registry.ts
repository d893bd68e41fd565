import { currentSchool } from '../../../app/settings/school-details';
import { may } from '../../../domain/authorization/permissions';
import { PERMISSION_TYPES, type PermissionType } from '../../../domain/permission/permission-request';
import type { Person } from '../../../domain/people/person';
import type { RecordType } from '../../../domain/records/record-type';
import type { CardActionHandler } from '../actions/card-action';
import { VERB_SHOW_PUPILS } from '../cards/posting-request-form-card';
import { showPostingPupilsAction } from '../actions/posting-form.action';
import { executeAction, type AdaptiveCard, type CardAction } from '../cards/card-elements';
import { helpCard } from '../cards/simple-cards';
import type { TeamsDeps } from '../teams-deps';
import type { CommandSpec, Feature, RecordFeature } from './feature';
import { CONCERNS_FEATURE, CONSENT_FEATURE, MY_REQUESTS_FEATURE, WAITING_FEATURE } from './other-features';
import { requestFeature } from './request-feature';
import { TAKEDOWN_FEATURE } from './takedown-feature';
import { TRAINING_FEATURE } from './training-feature';
import { POLICY_FEATURE } from './policy-feature';

/** Greetings and "help": the only answers given in a group chat or channel. */
export const HELP_PATTERNS: readonly RegExp[] = [
  /^(help|\?|what can you do|commands|menu)\b/,
  /^(hi|hello|hey|good (morning|afternoon))\b/,
];

/**
 * Every feature whose records people act on, by record type: a type missing here does not compile,
 * so notices, card updates and reminders can always find a record's cards.
 */
export const RECORD_FEATURES: Record<RecordType, RecordFeature> = {
  accessRequest: requestFeature('accessRequest'),
  postingRequest: requestFeature('postingRequest', { [VERB_SHOW_PUPILS]: showPostingPupilsAction }),
  ...(Object.fromEntries(PERMISSION_TYPES.map((type) => [type, requestFeature(type)])) as Record<PermissionType, RecordFeature>),
  takedown: TAKEDOWN_FEATURE,
  trainingRecord: TRAINING_FEATURE,
};

const HELP_FEATURE: Feature = {
  name: 'help',
  commands: HELP_PATTERNS.map((pattern, index) => ({
    pattern,
    run: async (deps: TeamsDeps, person: Person) => helpFor(deps, person, 'personal'),
    ...(index === 0 ? { help: { command: 'help', what: 'show this list' } } : {}),
  })),
};

/** Every feature, in the order the help card lists them. */
export const FEATURES: readonly Feature[] = [
  WAITING_FEATURE,
  RECORD_FEATURES.accessRequest,
  RECORD_FEATURES.postingRequest,
  ...PERMISSION_TYPES.map((type) => RECORD_FEATURES[type]),
  MY_REQUESTS_FEATURE,
  TAKEDOWN_FEATURE,
  CONSENT_FEATURE,
  CONCERNS_FEATURE,
  TRAINING_FEATURE,
  POLICY_FEATURE,
  HELP_FEATURE,
];

/** Card verb → handler, from every feature. A verb not here gets a polite "this card is out of date". */
export const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map(
  FEATURES.flatMap((feature) => Object.entries(feature.actions ?? {})),
);

/**
 * The command a typed message asks for: of the features' patterns, the one that matches earliest
 * in what was typed ("report a concern about a blocked site" is a concern), the first listed on a tie.
 */
export function commandFor(typed: string): CommandSpec | undefined {
  let best: { command: CommandSpec; at: number } | undefined;
  for (const command of FEATURES.flatMap((feature) => feature.commands ?? [])) {
    const at = command.pattern.exec(typed)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { command, at };
  }
  return best?.command;
}

/**
 * What the bot does, for this person: only what they may do (a governor is not offered forms they
 * could not send). In a group chat or channel it carries no buttons: a form or list opened there
 * would be shown to everyone in it.
 */
export async function helpFor(
  deps: Pick<TeamsDeps, 'stores'>,
  person: Person | undefined,
  where: 'personal' | 'shared',
): Promise<AdaptiveCard> {
  return helpCard((await currentSchool(deps.stores)).name, where, person, helpLines(person), helpButtons(person, where));
}

/** The commands this person may use, with what each does (everyone's, for someone the school has not added). */
export function helpLines(person: Person | undefined): { command: string; what: string }[] {
  return FEATURES.flatMap((feature) => feature.commands ?? [])
    .flatMap((command) => (command.help ? [command.help] : []))
    .filter((line) => !line.needs || !person || may(person, line.needs));
}

/** The forms this person may open from the help card: in the private chat only. */
export function helpButtons(person: Person | undefined, where: 'personal' | 'shared'): CardAction[] {
  if (!person || where !== 'personal') return [];
  return FEATURES.flatMap((feature) => feature.buttons ?? [])
    .filter((button) => may(person, button.needs))
    .map((button) => executeAction(button.title, button.verb, {}));
}
