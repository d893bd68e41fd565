/**
 * Who is told that a new concern needs attention (s.8): the person it is assigned to and the holders
 * of the role it was routed to first; the DSL, deputies and chair if none of them can be reached;
 * only ever people who may see it, so a headteacher who is also the DSL is never told of a concern
 * about the headteacher.
 */
import { concernRecipients, FALLBACK_ROLES } from '../../../../bot/src/domain/incidents/concern-notice';
import type { Person } from '../../../../bot/src/domain/people/person';
import type { Role } from '../../../../bot/src/domain/people/role';

const person = (id: string, ...roles: Role[]): Person => ({ id, displayName: id, roles: ['staff', ...roles] });
const dsl = person('dsl', 'dsl');
const deputy = person('deputy', 'deputyDsl');
const head = person('head', 'headteacher');
const headAndDsl = person('head-dsl', 'headteacher', 'dsl');
const chair = person('chair', 'chairOfGovernors', 'governor');
const lead = person('lead', 'onlineSafetyLead');

const ordinary = { aboutHeadteacher: false };
const aboutHead = { aboutHeadteacher: true };
const names = ({ first, fallback }: { first: Person[]; fallback: Person[] }) => ({
  first: first.map((p) => p.id),
  fallback: fallback.map((p) => p.id),
});

describe('who is told of a new concern', () => {
  it.each<[string, { aboutHeadteacher: boolean; assigneeId?: string }, Person[], Person[], { first: string[]; fallback: string[] }]>([
    [
      "a pupil's online behaviour, routed to the DSL: the DSL, then the deputies",
      ordinary,
      [dsl],
      [dsl, deputy],
      { first: ['dsl'], fallback: ['deputy'] },
    ],
    [
      'staff conduct, routed to the headteacher: the headteacher, then the DSL and deputies',
      ordinary,
      [head],
      [dsl, deputy],
      { first: ['head'], fallback: ['dsl', 'deputy'] },
    ],
    [
      'a concern about the headteacher: the chair, then the DSL and deputies',
      aboutHead,
      [chair],
      [dsl, deputy, chair],
      { first: ['chair'], fallback: ['dsl', 'deputy'] },
    ],
    [
      'a concern about the headteacher routed to a headteacher who is also the DSL: never them',
      aboutHead,
      [headAndDsl, chair],
      [headAndDsl, deputy, chair],
      { first: ['chair'], fallback: ['deputy'] },
    ],
    ['someone routed to who may not see concerns is not told', ordinary, [lead], [dsl], { first: [], fallback: ['dsl'] }],
    [
      'the person it is assigned to is told, whatever their role',
      { aboutHeadteacher: false, assigneeId: 'lead' },
      [lead],
      [dsl],
      { first: ['lead'], fallback: ['dsl'] },
    ],
    [
      'a person holding two routed roles is told once',
      ordinary,
      [headAndDsl, headAndDsl, dsl],
      [deputy, deputy],
      { first: ['head-dsl', 'dsl'], fallback: ['deputy'] },
    ],
  ])('%s', (_case, incident, routed, fallback, expected) => {
    expect(names(concernRecipients({ assigneeId: undefined, category: 'cyberbullying', ...incident }, routed, fallback))).toEqual(expected);
  });

  it('falls back to the DSL, the deputies and the chair of governors (s.8)', () => {
    expect(FALLBACK_ROLES).toEqual(['dsl', 'deputyDsl', 'chairOfGovernors']);
  });
});
