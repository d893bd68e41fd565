import { adaptiveCard, heading, richText, text, userText, type AdaptiveCard, type CardAction, type RichPart } from './card-elements';
import type { Person } from '../../../domain/people/person';

/** What the bot says to anything asked of it in a group chat or channel, where everyone there would see the answer. */
export const PRIVATE_CHAT_ONLY =
  'Please use your private chat with Online Safety Desk for that (for a concern, you can also use "Report as a concern" on the message): in a channel or group chat everyone here would see the answer. Nothing was sent or saved.';

/** The help card: what to type (the lines offered to this person), with buttons in the private chat only. */
export function helpCard(
  schoolName: string,
  where: 'personal' | 'shared',
  person: Pick<Person, 'displayName'> | undefined,
  offered: readonly { command: string; what: string }[],
  buttons: CardAction[] = [],
): AdaptiveCard {
  const firstName = person?.displayName.split(' ')[0];
  return adaptiveCard(
    [
      firstName
        ? richText([{ text: `Hello ${firstName} — this is Online Safety Desk`, bold: true }], { size: 'Medium' })
        : heading('Online Safety Desk'),
      richText(['I help staff at ', schoolName, ' follow the Social Media Policy. Type one of these:']),
      ...offered.map((entry) => text(`**${entry.command}** — ${entry.what}`, { spacing: 'Small' })),
      ...(where === 'shared'
        ? [
            text('Everything except **help** works in your private chat with me only, so that nobody else sees names or details.', {
              weight: 'Bolder',
            }),
          ]
        : []),
    ],
    buttons.length ? { actions: buttons } : {},
  );
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
    ...(kept.length
      ? [
          text('Nothing was saved. Here is what you typed, so it is not lost:', { subtle: true }),
          ...kept.map(([label, value]) => userText(value, { label })),
        ]
      : []),
  ]);
}
