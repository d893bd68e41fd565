import { readReminderPeriod, readStatus } from '../../../../bot/src/domain/policies/policy-read';
import { checkPolicyFile, currentVersion, mustReadIt, type MustRead } from '../../../../bot/src/domain/policies/policy-version';
import { versionProblem } from '../../../../bot/src/domain/policies/version-input';
import type { Role } from '../../../../bot/src/domain/people/role';

describe('who must read a version', () => {
  it.each<[MustRead, Role[], boolean]>([
    ['staff', ['staff'], true],
    ['staff', ['governor'], false],
    ['staff', ['headteacher', 'staff'], true],
    ['staffAndGovernors', ['chairOfGovernors'], true],
    ['staffAndGovernors', ['governor'], true],
    ['staffAndGovernors', ['admin'], false],
    ['nobody', ['staff'], false],
  ])('%s, a person holding %j: %s', (mustRead, roles, expected) => {
    expect(mustReadIt({ roles }, { mustRead })).toBe(expected);
  });
});

describe('the reminder due to those who have not signed', () => {
  it.each<[string, string, string | undefined]>([
    ['2026-11-24', '2026-11-24', undefined],
    ['2026-11-24', '2026-11-30', undefined],
    ['2026-11-24', '2026-12-01', 'reminder-1'],
    // Published on a Saturday: the week's reminder goes on the Monday after the interval, once.
    ['2026-11-21', '2026-11-30', 'reminder-1'],
    ['2026-11-24', '2026-12-08', 'reminder-2'],
  ])('published %s, today %s: %s', (publishedOn, today, expected) => {
    expect(readReminderPeriod(publishedOn, today)).toBe(expected);
  });
});

describe('the version in force and a new version', () => {
  const versions = [
    { number: '2', approvedOn: '2024-09-01', publishedAt: '2024-09-02T09:00:00.000Z' },
    { number: '3', approvedOn: '2026-11-20', publishedAt: '2026-11-24T09:00:00.000Z' },
    { number: '3.1', approvedOn: '2026-11-20', publishedAt: '2026-11-24T11:00:00.000Z' },
  ];

  it('is the one approved latest, and published latest on the same day', () => {
    expect(currentVersion(versions)?.number).toBe('3.1');
    expect(currentVersion([])).toBeUndefined();
  });

  it.each<[string, string, string | undefined]>([
    ['4', '2026-11-24', undefined],
    ['4', '2026-11-20', undefined],
    ['4', '2026-11-25', 'approvedOn'],
    ['4', '2026-11-19', 'approvedOn'],
    ['3.1', '2026-11-24', 'number'],
    ['2', '2026-11-24', 'number'],
  ])('version %s approved %s: refused on %s', (number, approvedOn, field) => {
    expect(versionProblem({ number, approvedOn }, versions, '2026-11-24')?.field).toBe(field);
  });
});

describe('who has and has not read it', () => {
  it('lists those who must read it, by name, signed or not; someone who left is not listed', () => {
    const people = [
      { id: '1', displayName: 'Priya Shah', roles: ['staff' as const] },
      { id: '2', displayName: 'Alex Wilber', roles: ['staff' as const] },
      { id: '3', displayName: 'Mark Green', roles: ['governor' as const] },
    ];
    const status = readStatus({ mustRead: 'staff' }, people, [
      { personId: '1', at: '2026-11-24T10:00:00.000Z' },
      { personId: '9', at: '2026-11-24T10:01:00.000Z' },
    ]);
    expect(status).toEqual({
      read: [{ personId: '1', name: 'Priya Shah', at: '2026-11-24T10:00:00.000Z' }],
      notYet: [{ personId: '2', name: 'Alex Wilber' }],
    });
  });
});

describe("a policy's document, judged before it is stored", () => {
  const pdf = Buffer.from('%PDF-1.7\n');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
  const exe = Buffer.from('MZ\x90\x00', 'latin1');
  it.each<[string, Buffer, number, string]>([
    ['policy.pdf', pdf, 1000, 'pdf'],
    ['policy.docx', zip, 1000, 'zip'],
    ['policy.pdf', pdf, 20 * 1024 * 1024, 'pdf'],
    ['policy.pdf', pdf, 20 * 1024 * 1024 + 1, 'too-big'],
    ['policy.pdf', exe, 1000, 'type'],
    ['policy.pdf', pdf, 0, 'empty'],
    ['policy\u202Efdp.exe', pdf, 1000, 'name'],
  ])('%s (%d bytes): %s', (name, head, size, expected) => {
    const verdict = checkPolicyFile({ name, head, size });
    expect(verdict.ok ? verdict.format : verdict.refusal.code).toBe(expected);
  });
});
