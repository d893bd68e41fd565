import { richText, type AdaptiveCard, type CardElement } from './card-elements';

/**
 * What a card may weigh, with room to spare. Teams documents the bot message limit as 40 KB of
 * UTF-16 (100 KB on newer pages), and its connectors stop at about 28 KB; text in a multi-byte
 * script weighs far more in UTF-8 than in UTF-16, so both are kept under.
 */
export const CARD_BUDGET = { utf16Bytes: 36 * 1024, utf8Bytes: 27 * 1024 } as const;

/** No text is cut shorter than this: enough to recognise what it was. */
const SHORTEST = 120;

export function cardWeight(card: AdaptiveCard): { utf16Bytes: number; utf8Bytes: number } {
  const message = JSON.stringify({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
  return { utf16Bytes: message.length * 2, utf8Bytes: Buffer.byteLength(message, 'utf8') };
}

/** Whether Teams takes the card as it is. */
export function fits(card: AdaptiveCard): boolean {
  const weight = cardWeight(card);
  return weight.utf16Bytes <= CARD_BUDGET.utf16Bytes && weight.utf8Bytes <= CARD_BUDGET.utf8Bytes;
}

/**
 * A card that would be too big for Teams is shortened rather than sent broken: the longest pieces of
 * shown text (what people typed, which cards always put in TextRuns) are cut, longest first, until
 * it fits, and the card says so with a link to the whole record in the tab. What someone is typing
 * into an input is never cut.
 */
export function fitCard(card: AdaptiveCard, fullRecord?: { label: string; url: string }): AdaptiveCard {
  if (fits(card)) return card;
  const shortened = structuredClone(card);
  const runs = textRuns(shortened.body);
  while (!fits(shortened)) {
    const longest = runs.reduce<{ text: string } | undefined>(
      (best, run) => (run.text.length > (best?.text.length ?? SHORTEST) ? run : best),
      undefined,
    );
    if (!longest) break;
    longest.text = `${longest.text.slice(0, Math.max(SHORTEST, Math.floor(longest.text.length * 0.6)) - 1)}…`;
  }
  const note = richText([
    'Some long text is shortened here to fit in Teams. ',
    fullRecord ? 'Open it in the tab to read all of it.' : 'The tab shows all of it.',
  ]);
  const open = fullRecord ? [{ type: 'Action.OpenUrl', title: fullRecord.label, url: fullRecord.url }] : [];
  return {
    ...shortened,
    body: [note, ...shortened.body],
    ...(open.length ? { actions: [...(shortened.actions ?? []), ...open] } : {}),
  } as AdaptiveCard;
}

/** Every TextRun in the card, to be shortened in place. */
function textRuns(elements: readonly CardElement[] | undefined): { text: string }[] {
  const found: { text: string }[] = [];
  for (const element of elements ?? []) {
    if (element.type === 'RichTextBlock')
      for (const inline of (element.inlines as { type: string; text: string }[]) ?? []) if (inline.type === 'TextRun') found.push(inline);
    found.push(...textRuns(element.items as CardElement[] | undefined));
    found.push(...textRuns((element.columns as { items?: CardElement[] }[] | undefined)?.flatMap((column) => column.items ?? [])));
  }
  return found;
}
