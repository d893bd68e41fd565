/** The text of training records (s.11): each field's name and limit in what the person who typed it is told. */
import { readText, trainingText } from '../../../../bot/src/domain/training/training-input';

describe('the text fields of training records', () => {
  it.each<[keyof typeof trainingText, number, string, string | undefined]>([
    // field                 limit  told when over it                                                    told when empty
    ['evidence', 1000, 'Evidence must be 1000 characters or fewer.', undefined],
    ['attendee', 120, "An attendee's name must be 120 characters or fewer.", undefined],
    ['refresherTitle', 200, 'What the refresher is about must be 200 characters or fewer.', 'What the refresher is about is required.'],
    ['group', 40, 'Group must be 40 characters or fewer.', undefined],
    ['notConfirmedBecause', 500, 'Why it is not confirmed must be 500 characters or fewer.', 'Why it is not confirmed is required.'],
  ])('%s: up to %i characters', (field, limit, tooLong, empty) => {
    const schema = trainingText[field];
    expect(readText(schema, 'x'.repeat(limit))).toEqual({ ok: true, value: 'x'.repeat(limit) });
    expect(readText(schema, 'x'.repeat(limit + 1))).toEqual({ ok: false, message: tooLong });
    expect(readText(schema, '  ')).toEqual(empty ? { ok: false, message: empty } : { ok: true, value: '' });
  });

  it('reads typed text trimmed, and refuses hidden characters with the reason', () => {
    expect(readText(trainingText.evidence, '  Certificate seen  ')).toEqual({ ok: true, value: 'Certificate seen' });
    expect(readText(trainingText.evidence, 'Certificate\u202E')).toEqual({
      ok: false,
      message: 'Evidence contains hidden control characters. Please retype it.',
    });
  });
});
