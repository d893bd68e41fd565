import type { PupilConsent } from '../../../app/class-consent';
import type { ConsentState } from '../../../domain/consent/consent';
import { adaptiveCard, heading, richText, text, type AdaptiveCard, type CardElement, type Tone } from './card-elements';
import { formatDate } from './format';

const MARKS: Record<ConsentState, { mark: string; tone: Tone }> = {
  given: { mark: '✓', tone: 'good' },
  refused: { mark: '✗', tone: 'attention' },
  withdrawn: { mark: 'withdrawn', tone: 'attention' },
  none: { mark: '✗ none recorded', tone: 'attention' },
};

/** The class at a glance: who may appear in photos and videos today (policy s.4). */
export function classConsentCard(className: string, date: string, pupils: PupilConsent[]): AdaptiveCard {
  const header: CardElement = {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [text('**Pupil**')] },
      { type: 'Column', width: 'auto', items: [text('**Images**')] },
      { type: 'Column', width: 'auto', items: [text('**Videos**')] },
    ],
  };
  const rows: CardElement[] = pupils.map((pupil) => ({
    type: 'ColumnSet',
    separator: true,
    columns: [
      { type: 'Column', width: 'stretch', items: [richText([pupil.displayName])] },
      { type: 'Column', width: 'auto', items: [text(MARKS[pupil.consent.images].mark, { color: MARKS[pupil.consent.images].tone })] },
      { type: 'Column', width: 'auto', items: [text(MARKS[pupil.consent.videos].mark, { color: MARKS[pupil.consent.videos].tone })] },
    ],
  }));
  const missing = pupils.filter((pupil) => pupil.consent.images !== 'given' || pupil.consent.videos !== 'given').length;
  return adaptiveCard([
    heading(`Photo and video consent — ${className}`),
    text(
      `On ${formatDate(`${date}T12:00:00Z`)}. Only pupils with ✓ may appear on school accounts in that medium (Social Media Policy, section 4).`,
      { subtle: true },
    ),
    ...(missing
      ? [
          text(`${missing} pupil${missing === 1 ? '' : 's'} without full consent — check before you take photos or videos.`, {
            color: 'warning',
            weight: 'Bolder',
          }),
        ]
      : []),
    header,
    ...rows,
  ]);
}
