/** A leaver's safeguarding file (KCSIE): who needs one sent on, a transfer recorded. Names taken out: file-redaction.test.ts. */
import { may } from '../../../../bot/src/domain/authorization/permissions';
import type { Role } from '../../../../bot/src/domain/people/role';
import {
  needsTransfer,
  TRANSFER_LIMITS,
  TRANSFER_METHODS,
  TRANSFER_NUDGE_AFTER_WORKING_DAYS,
  transferProblems,
} from '../../../../bot/src/domain/incidents/pupil-transfer';

describe('who needs a file sent on', () => {
  const linked = { kind: 'pupil' as const, linked: true };
  it.each([
    ['left yesterday, linked to an incident', { onRollTo: '2026-11-23' }, [linked], true],
    ["marked as left by today's import", { onRollTo: '2026-11-24' }, [linked], true],
    ['leaves next week', { onRollTo: '2026-12-01' }, [linked], false],
    ['on roll', {}, [linked], false],
    ['left, linked to nothing', { onRollTo: '2026-07-22' }, [], false],
    ['left, their only link unlinked', { onRollTo: '2026-07-22' }, [{ kind: 'pupil' as const, linked: false }], false],
    ['left, their only link not as a pupil', { onRollTo: '2026-07-22' }, [{ kind: 'staff' as const, linked: true }], false],
    ['left, a stored time after the date', { onRollTo: '2026-11-23T23:00:00.000Z' }, [linked], true],
  ])('%s: %s', (_, pupil, links, expected) => {
    expect(needsTransfer(pupil, links, '2026-11-24')).toBe(expected);
  });
});

describe('recording the file as sent', () => {
  const good = { on: '2026-11-24', toSchool: 'Oakfield Academy', toDsl: 'Jo Baxter', how: 'secureEmail' };
  it.each([
    ['everything given', good, {}],
    ['sent before the pupil left (shared in advance)', { ...good, on: '2026-07-01' }, {}],
    ['a date in the future', { ...good, on: '2026-11-25' }, { on: 'The date it was sent cannot be in the future.' }],
    ['not a day', { ...good, on: '2026-02-30' }, { on: expect.stringContaining('as a date') }],
    ['no school', { ...good, toSchool: '  ' }, { toSchool: 'Name the school it was sent to.' }],
    ['no DSL', { ...good, toDsl: '' }, { toDsl: expect.stringContaining('DSL') }],
    ['a school name too long', { ...good, toSchool: 'x'.repeat(201) }, { toSchool: expect.stringContaining('200') }],
    ['by ordinary post (not a way the app offers)', { ...good, how: 'post' }, { how: 'Choose how it was sent.' }],
  ])('%s', (_, input, expected) => {
    expect(transferProblems(input, '2026-11-24')).toEqual(expected);
  });
});

describe('who may see, produce and record a transfer', () => {
  it.each<[Role, boolean]>([
    ['dsl', true],
    ['deputyDsl', true],
    ['headteacher', false],
    // For the concerns about the headteacher, the only ones the chair sees (s.8).
    ['chairOfGovernors', true],
    ['dataProtectionLead', false],
    ['admin', false],
    ['onlineSafetyLead', false],
  ])('%s: %s', (role, expected) => {
    expect(may({ id: 'p1', roles: [role] }, 'incident.transfer')).toBe(expected);
  });
});

/** The DSL reads these word for word when recording a file sent on (s.2: the DSL keeps the log). */
describe('recording the file as sent: each message exactly (s.2)', () => {
  const good = { on: '2026-11-24', toSchool: 'Oakfield Academy', toDsl: 'Jo Baxter', how: 'secureEmail' };
  it.each<[string, typeof good, Record<string, string>]>([
    ['not a day', { ...good, on: '2026-02-30' }, { on: 'Give the date it was sent, as a date (for example 2026-11-24).' }],
    ['a date with a time', { ...good, on: '2026-11-20T10:00' }, { on: 'Give the date it was sent, as a date (for example 2026-11-24).' }],
    ['no DSL', { ...good, toDsl: '  ' }, { toDsl: "Name the receiving school's DSL it was sent to." }],
    [
      'a school name of 201 characters',
      { ...good, toSchool: 'x'.repeat(201) },
      { toSchool: "The school's name is at most 200 characters." },
    ],
    ['a DSL name of 201 characters', { ...good, toDsl: 'x'.repeat(201) }, { toDsl: "The DSL's name is at most 200 characters." }],
    ['a school name of 200 characters', { ...good, toSchool: 'x'.repeat(200) }, {}],
    ['a DSL name of 200 characters', { ...good, toDsl: 'x'.repeat(200) }, {}],
    ['by MyConcern', { ...good, how: 'myConcern' }, {}],
    ['by recorded delivery', { ...good, how: 'recordedDelivery' }, {}],
  ])('%s', (_, input, expected) => {
    expect(transferProblems(input, '2026-11-24')).toEqual(expected);
  });

  it('the ways a file may go, the limits, and the reminder after 3 working days', () => {
    expect(TRANSFER_METHODS).toEqual(['secureEmail', 'cpoms', 'myConcern', 'byHand', 'recordedDelivery']);
    expect(TRANSFER_LIMITS).toEqual({ school: 200, dsl: 200 });
    expect(TRANSFER_NUDGE_AFTER_WORKING_DAYS).toBe(3);
  });
});
