/**
 * The checks against what people really type (s.4: no pupil's full name alongside images or
 * videos, no personal details): texts that must be caught, and ordinary school posts that must
 * pass. `npm run bench` reports how many of each the checks get wrong.
 */
import { checkPost, type PostDraft } from '../../../../bot/src/domain/posting/posting-checks';
import { CAUGHT, PASSED, CORPUS_ROSTER } from '../../../fixtures/posting-corpus';

const draft = (text: string): PostDraft => ({ accountId: 'school-x', text, media: ['images'], pupilIds: [], postingDate: '2026-11-24' });
const context = { registeredAccountIds: new Set(['school-x']), roster: CORPUS_ROSTER, consent: [] };
const found = (text: string) => checkPost(draft(text), context).map((failure) => failure.check);

describe('the posting checks on what people really type (s.4)', () => {
  it('has at least 60 texts of each kind', () => {
    expect([CAUGHT.length >= 60, PASSED.length >= 60]).toEqual([true, true]);
  });

  it.each(CAUGHT)('catches %j as %s', (text, check) => {
    expect(found(text)).toContain(check);
  });

  it.each(PASSED)('lets %j through', (text) => {
    expect(found(text)).toEqual([]);
  });
});
