/**
 * s.12: "Any changes made to this policy will be communicated to all staff, pupils and parents."
 * The app drafts the words for pupils and parents from the version's summary of changes; the
 * headteacher edits them and records when and how each was told.
 */
import { draftTexts, tellingTextsSchema, toldSchema } from '../../../../bot/src/domain/policies/telling';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

describe('the first drafts (s.12)', () => {
  // Made inside each test, so that mutation testing sees which test reads them.
  const drafts = () =>
    draftTexts('Social Media Policy', { number: '3.1', approvedOn: '2026-11-20', changes: 'Staff use only school accounts.' });

  it('for pupils: what changed, and who to tell if something online worries them', () => {
    expect(drafts().pupilsText).toBe(
      'Our school has changed its Social Media Policy. What is different: Staff use only school accounts. If anything online ever worries or upsets you, tell a trusted adult at school.',
    );
  });

  it('for parents: which version, when it was approved, what changed, and where to get a copy', () => {
    expect(drafts().parentsText).toBe(
      'We have updated our Social Media Policy (version 3.1, approved on 20 November 2026). What has changed: Staff use only school accounts. You can ask the school office for a copy of the policy.',
    );
  });
});

describe('what the headteacher saves (s.12)', () => {
  it.each<[string, unknown, Record<string, string> | 'ok']>([
    ['both texts', { pupilsText: 'We changed…', parentsText: 'We updated…' }, 'ok'],
    ['no text for pupils', { pupilsText: ' ', parentsText: 'We updated…' }, { pupilsText: 'The text for pupils is required.' }],
    [
      'a text for parents over 2000 characters',
      { pupilsText: 'We changed…', parentsText: 'x'.repeat(2001) },
      { parentsText: 'The text for parents must be 2000 characters or fewer.' },
    ],
  ])('texts: %s', (_case, raw, expected) => {
    const read = readForm(tellingTextsSchema, raw);
    expect(read.ok ? 'ok' : read.errors).toEqual(expected);
  });

  it.each<[string, unknown, Record<string, string> | 'ok']>([
    ['parents told in the newsletter', { audience: 'parents', how: 'newsletter', on: '2026-11-27' }, 'ok'],
    ['pupils told in class lessons', { audience: 'pupils', how: 'classLessons', on: '2026-11-27' }, 'ok'],
    [
      'staff (told by reading it, not here)',
      { audience: 'staff', how: 'website', on: '2026-11-27' },
      { audience: 'Say who was told: pupils or parents.' },
    ],
    [
      'told by text message',
      { audience: 'parents', how: 'sms', on: '2026-11-27' },
      { how: 'Say how: newsletter, website or class lessons.' },
    ],
    ['no date', { audience: 'parents', how: 'website' }, { on: 'The date is required.' }],
    ['a date that is not one', { audience: 'parents', how: 'website', on: '2026-02-30' }, { on: 'The date must be a date.' }],
  ])('told: %s', (_case, raw, expected) => {
    const read = readForm(toldSchema, raw);
    expect(read.ok ? 'ok' : read.errors).toEqual(expected);
  });
});
