import type { Person } from '../../../domain/people/person';
import { REQUEST_TYPES } from '../../../domain/records/record-type';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard, PRIVATE_CHAT_ONLY } from '../cards/simple-cards';
import { commandFor, HELP_PATTERNS, helpFor } from '../features/registry';
import { specOf } from '../requests/request-specs';
import type { TeamsDeps } from '../teams-deps';

/**
 * Answers a typed command, as the features declare them (features/registry.ts). In a team channel
 * or group chat only help is given: requests, consent lists and concerns carry names and details
 * that everyone there would see.
 */
export async function runCommand(
  deps: TeamsDeps,
  person: Person,
  typed: string,
  where: 'personal' | 'shared' = 'personal',
): Promise<AdaptiveCard> {
  const text = normalise(typed);
  if (where === 'shared')
    return HELP_PATTERNS.some((pattern) => pattern.test(text)) ? helpFor(deps, person, 'shared') : messageCard(PRIVATE_CHAT_ONLY);
  const command = commandFor(text);
  if (command) return command.run(deps, person, text);
  const forms = REQUEST_TYPES.map((type) => `**${specOf(type).command.typed}**`).join(' or ');
  return messageCard(
    `Sorry, I didn't understand that. Try **waiting for me** to see what needs you, ${forms} to ask for something, **my requests** to see yours, or **help** for everything I can do.`,
  );
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
