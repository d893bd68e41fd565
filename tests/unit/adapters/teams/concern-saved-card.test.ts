/** What the reporter is told once a concern is saved: the truth about who was told, never more (s.8). */
import { concernSavedCard, type ConcernSavedOutcome } from '../../../../bot/src/adapters/teams/cards/incident-cards';
import type { Role } from '../../../../bot/src/domain/people/role';
import { allText } from '../../../fixtures/cards';

const ABOUT_HEAD = { reference: 'C-00042', routedToLabel: 'chair of governors', aboutHeadteacher: true };
const ORDINARY = { reference: 'C-00043', routedToLabel: 'designated safeguarding lead', aboutHeadteacher: false };

describe('the card a reporter gets', () => {
  it.each<[string, typeof ORDINARY, ConcernSavedOutcome, Role[] | undefined, RegExp, RegExp]>([
    ['routed and told', ORDINARY, 'told', undefined, /gone to the designated safeguarding lead/, /could not be reached/],
    [
      'told a deputy instead',
      ABOUT_HEAD,
      'toldInstead',
      ['deputyDsl'],
      /chair of governors could not be reached yet, so it has gone to the deputy DSL instead/,
      /gone to the DSL/,
    ],
    [
      'nobody told',
      ABOUT_HEAD,
      'nobodyTold',
      undefined,
      /saved as C-00042, but nobody could be told yet[\s\S]*keep trying/,
      /gone to|tell the DSL/,
    ],
    [
      'still being sent',
      ORDINARY,
      'stillSending',
      undefined,
      /being sent to the designated safeguarding lead now[\s\S]*in your chat with me/,
      /has gone to/,
    ],
    [
      'a concern about the headteacher points to 999, not to a DSL who may be the headteacher',
      ABOUT_HEAD,
      'told',
      undefined,
      /call 999 now/,
      /tell the DSL in person/,
    ],
  ])('%s', (_case, saved, outcome, toldRoles, says, neverSays) => {
    const text = allText(concernSavedCard(saved, { outcome, ...(toldRoles ? { toldRoles } : {}) }) as unknown as Record<string, unknown>);
    expect(text).toMatch(says);
    expect(text).not.toMatch(neverSays);
  });
});
