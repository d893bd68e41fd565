/** A leaver's safeguarding file (KCSIE): who needs one sent on, a transfer recorded. Names taken out: file-redaction.test.ts. */
import { may } from '../../../../bot/src/domain/authorization/permissions';
import type { Role } from '../../../../bot/src/domain/people/role';
import { needsTransfer, transferProblems } from '../../../../bot/src/domain/incidents/pupil-transfer';

describe('who needs a file sent on', () => {
  const linked = { kind: 'pupil' as const, linked: true };
  it.each([
    ['left yesterday, linked to an incident', { onRollTo: '2026-11-23' }, [linked], true],
    ["marked as left by today's import", { onRollTo: '2026-11-24' }, [linked], true],
    ['leaves next week', { onRollTo: '2026-12-01' }, [linked], false],
    ['on roll', {}, [linked], false],
    ['left, linked to nothing', { onRollTo: '2026-07-22' }, [], false],
    ['left, their only link unlinked', { onRollTo: '2026-07-22' }, [{ kind: 'pupil' as const, linked: false }], false],
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
