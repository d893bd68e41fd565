/** Recording the annual filtering and monitoring review (DfE standards): what is refused, and where an action stands. */
import {
  actionStanding,
  doneNoteProblem,
  reviewActionReference,
  reviewProblems,
  reviewTaskKey,
  type ReviewInput,
} from '../../../../bot/src/domain/governance/filtering-review-record';

const CALENDAR = {
  terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
  closures: [{ name: 'Training day', start: '2026-11-27', end: '2026-11-27' }],
};
const PEOPLE = [
  { id: 'head', roles: ['staff', 'headteacher'] as const },
  { id: 'lead', roles: ['staff', 'onlineSafetyLead'] as const },
  { id: 'teacher', roles: ['staff'] as const },
  { id: 'gov', roles: ['governor'] as const },
  { id: 'chair', roles: ['governor', 'chairOfGovernors'] as const },
].map((person) => ({ ...person, roles: [...person.roles] }));
const CONTEXT = { year: '2026-27', today: '2026-11-24', calendar: CALENDAR, people: PEOPLE };
const GOOD: ReviewInput = {
  reviewedOn: '2026-11-24',
  seniorLeaderId: 'head',
  governorId: 'gov',
  outcome: 'Filtering works.',
  actions: [{ description: 'Check the guest Wi-Fi', assigneeId: 'teacher', due: '2026-11-24' }],
};

describe('recording the review', () => {
  it.each<[string, Partial<ReviewInput> & { year?: string }, Record<string, string>]>([
    ['a complete recording, an action due today', {}, {}],
    ['the online safety lead with the chair, no actions', { seniorLeaderId: 'lead', governorId: 'chair', actions: [] }, {}],
    ['a year written wrongly', { year: '2026' }, { year: 'Choose the school year the review is for.' }],
    ['a review tomorrow', { reviewedOn: '2026-11-25' }, { reviewedOn: 'The date of the review cannot be in the future.' }],
    ['no such day', { reviewedOn: '2026-02-30' }, { reviewedOn: 'Give the date of the review.' }],
    [
      'a teacher as the senior leader',
      { seniorLeaderId: 'teacher' },
      { seniorLeaderId: 'Choose the senior leader who reviewed it (the headteacher, the online safety lead or the DSL).' },
    ],
    ['the headteacher as the governor', { governorId: 'head' }, { governorId: 'Choose the governor who reviewed it.' }],
    ['no outcome', { outcome: ' \n ' }, { outcome: "Write the review's outcome." }],
    [
      'an outcome with a hidden character',
      { outcome: 'Fine\u202E' },
      { outcome: 'The outcome contains hidden control characters. Please retype it.' },
    ],
    [
      'an action with nothing said, nobody, due yesterday',
      { actions: [{ description: '', assigneeId: 'x', due: '2026-11-23' }] },
      {
        'actions.0.description': 'Say what is to be done.',
        'actions.0.assigneeId': 'Choose who will do it.',
        'actions.0.due': 'The due date cannot be in the past.',
      },
    ],
    [
      'due on a Saturday',
      { actions: [{ ...GOOD.actions[0]!, due: '2026-11-28' }] },
      { 'actions.0.due': 'Choose a school day (not a weekend or a holiday).' },
    ],
    [
      'due on a training day',
      { actions: [{ ...GOOD.actions[0]!, due: '2026-11-27' }] },
      { 'actions.0.due': 'Choose a school day (not a weekend or a holiday).' },
    ],
    ['an outcome of exactly 4,000 characters', { outcome: 'x'.repeat(4000) }, {}],
    ['an outcome of 4,001 characters', { outcome: 'x'.repeat(4001) }, { outcome: 'The outcome must be 4000 characters or fewer.' }],
    ['20 actions at once', { actions: Array.from({ length: 20 }, () => GOOD.actions[0]!) }, {}],
    [
      '21 actions at once',
      { actions: Array.from({ length: 21 }, () => GOOD.actions[0]!) },
      { actions: 'Record at most 20 actions at a time.' },
    ],
    [
      'an action of exactly 500 characters, spaces around it',
      { actions: [{ ...GOOD.actions[0]!, description: ` ${'x'.repeat(500)}  ` }] },
      {},
    ],
    [
      'an action of 501 characters',
      { actions: [{ ...GOOD.actions[0]!, description: 'x'.repeat(501) }] },
      { 'actions.0.description': 'An action must be 500 characters or fewer.' },
    ],
    [
      'an action with a hidden character',
      { actions: [{ ...GOOD.actions[0]!, description: 'Check\u202E' }] },
      { 'actions.0.description': 'The action contains hidden control characters. Please retype it.' },
    ],
    ['an action due "soon"', { actions: [{ ...GOOD.actions[0]!, due: 'soon' }] }, { 'actions.0.due': 'Give the day it is due.' }],
    [
      'due in the Christmas holiday',
      { actions: [{ ...GOOD.actions[0]!, due: '2026-12-21' }] },
      { 'actions.0.due': 'Choose a school day (not a weekend or a holiday).' },
    ],
  ])('%s', (_, change, expected) => {
    const { year, ...input } = change;
    expect(reviewProblems({ ...GOOD, ...input }, { ...CONTEXT, ...(year ? { year } : {}) })).toEqual(expected);
  });

  it.each([
    ['', 'Say what was done.'],
    ['Done and tested', undefined],
    ['x'.repeat(1001), 'The note must be 1000 characters or fewer.'],
    [` ${'x'.repeat(1000)}  `, undefined],
    ['Done\u202E', 'The note contains hidden control characters. Please retype it.'],
  ])('a done note %j: %j', (note, expected) => {
    expect(doneNoteProblem(note)).toBe(expected);
  });
});

describe('where an action stands', () => {
  it.each([
    ['open', '2026-11-25', '2026-11-24', 'open'],
    ['open', '2026-11-24', '2026-11-24', 'dueToday'],
    ['open', '2026-11-23', '2026-11-24', 'overdue'],
    ['done', '2026-11-23', '2026-11-24', 'done'],
  ] as const)('%s, due %s, on %s: %s', (status, due, today, expected) => {
    expect(actionStanding({ status, due }, today)).toBe(expected);
  });
});

describe('how an agreed action is named', () => {
  it('is "FR-4" to people, and one task per agreed action, by review, entry and action, counted from 1', () => {
    expect(reviewActionReference('4')).toBe('FR-4');
    expect(reviewTaskKey('r7', 0, 2)).toBe('r7|1|3');
  });
});
