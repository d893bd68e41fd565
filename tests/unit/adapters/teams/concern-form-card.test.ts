/**
 * The report form's pupil picker (s.8): the pupils of the chosen classes are offered; when a long
 * message was brought in and not every pupil fits in a card Teams takes, fewer are offered, those
 * already ticked always stay, and the form says to choose one class at a time.
 */
import { concernFormCard } from '../../../../bot/src/adapters/teams/cards/incident-cards';
import { cardWeight, CARD_BUDGET } from '../../../../bot/src/adapters/teams/cards/fit-card';
import { allText } from '../../../fixtures/cards';

const pupils = Array.from({ length: 90 }, (_, i) => ({
  id: String(100 + i),
  displayName: `Pupil-With-A-Long-Name ${i} O'Sullivan-Smythe`,
  className: `Class ${i % 3}`,
}));
const offered = (card: object) => (JSON.stringify(card).match(/"value":"(1\d\d)"/g) ?? []).map((match) => match.slice(9, -1));
const ticked = ['150', '188', '189'];

describe('the pupils offered in the report form', () => {
  it('offers every pupil of the chosen classes when they fit', () => {
    const card = concernFormCard({
      submissionKey: 'k',
      today: '2026-11-24T10:00:00Z',
      surface: 'chat',
      values: { classes: 'Class 0,Class 1,Class 2' },
      pupils: { classes: ['Class 0', 'Class 1', 'Class 2'], pupilChoices: pupils },
    });
    expect(offered(card)).toHaveLength(90);
    expect(allText(card as unknown as Record<string, unknown>)).not.toMatch(/choose one class at a time/);
  });

  it('offers fewer, keeps every pupil already ticked, and says so, when a long message leaves no room', () => {
    const card = concernFormCard({
      submissionKey: 'k',
      today: '2026-11-24T10:00:00Z',
      surface: 'dialog',
      values: {
        whatHappened: 'x'.repeat(4000),
        sourceAuthor: 'y'.repeat(200),
        sourceLink: `https://teams.microsoft.com/l/message/${'z'.repeat(2000)}`,
        classes: 'Class 0,Class 1,Class 2',
        pupilIds: ticked.join(','),
      },
      pupils: { classes: ['Class 0', 'Class 1', 'Class 2'], pupilChoices: pupils },
    });
    const weight = cardWeight(card);
    expect(weight.utf16Bytes).toBeLessThanOrEqual(CARD_BUDGET.utf16Bytes);
    expect(offered(card).length).toBeLessThan(90);
    expect(offered(card)).toEqual(expect.arrayContaining(ticked));
    expect(allText(card as unknown as Record<string, unknown>)).toMatch(
      /Not every pupil of these classes fits on this form: choose one class at a time/,
    );
  });
});
