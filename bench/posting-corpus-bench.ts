import { checkPost } from '../bot/src/domain/posting/posting-checks';
import { CAUGHT, CORPUS_ROSTER, PASSED } from '../tests/fixtures/posting-corpus';
import { row } from './support';

/**
 * How often the posting checks get what people really type wrong (s.4): the test corpus's texts
 * that must be caught (full names, phone numbers, emails, postcodes, addresses) and ordinary school
 * posts that must pass. The target for both is none.
 */
export async function postingCorpusBench(): Promise<void> {
  console.log(`\nPosting checks on what people really type (${CAUGHT.length} texts to catch, ${PASSED.length} ordinary posts)`);
  const checks = (text: string) =>
    checkPost(
      { accountId: 'x', text, media: ['images'], pupilIds: [], postingDate: '2026-11-24' },
      { registeredAccountIds: new Set(['x']), roster: CORPUS_ROSTER, consent: [] },
    ).map((failure) => failure.check);
  const missed = CAUGHT.filter(([text, check]) => !checks(text).includes(check)).length;
  const flagged = PASSED.filter((text) => checks(text).length > 0).length;
  row('false negatives (missed)', `${missed} of ${CAUGHT.length}`.padStart(9), { value: 1, measured: missed, text: 'none' });
  row('false positives (ordinary posts flagged)', `${flagged} of ${PASSED.length}`.padStart(9), {
    value: 1,
    measured: flagged,
    text: 'none',
  });
}
