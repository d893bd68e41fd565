import { readKey, readReminderPeriod, readStatus } from '../../../../bot/src/domain/policies/policy-read';
import {
  checkPolicyFile,
  currentVersion,
  mustReadIt,
  POLICY_FILE_FORMATS,
  wordDocument,
  type MustRead,
} from '../../../../bot/src/domain/policies/policy-version';
import { versionInputSchema, versionProblem } from '../../../../bot/src/domain/policies/version-input';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';
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

  it('s.12: is the same whatever order the versions are listed in', () => {
    expect(currentVersion([versions[2]!, versions[0]!, versions[1]!])?.number).toBe('3.1');
    expect(currentVersion([versions[1]!, versions[2]!, versions[0]!])?.number).toBe('3.1');
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

  it.each<[string, string, string, { field: string; message: string } | undefined]>([
    ['a date in the future', '4', '2026-11-25', { field: 'approvedOn', message: 'The approval date cannot be in the future.' }],
    [
      'a number used before, in other capitals',
      'V2',
      '2026-11-24',
      {
        field: 'number',
        message: 'This policy already has a version V2. Versions are never replaced: give the new one its own number.',
      },
    ],
    [
      'an approval before the version in force (which would stay in force)',
      '4',
      '2026-11-19',
      { field: 'approvedOn', message: 'The version in force was approved on 2026-11-20; a new version is approved on that day or later.' },
    ],
  ])('s.12: refuses %s, saying why', (_case, number, approvedOn, problem) => {
    const numbered = versions.map((version) => ({ ...version, number: version.number === '2' ? 'v2' : version.number }));
    expect(versionProblem({ number, approvedOn }, numbered, '2026-11-24')).toEqual(problem);
  });

  it('s.12: the version in force is the latest approved whatever order the versions are listed in', () => {
    const listed = [versions[2]!, versions[0]!];
    expect(versionProblem({ number: '4', approvedOn: '2026-11-19' }, listed, '2026-11-24')?.message).toContain('2026-11-20');
  });
});

describe('what the headteacher types when publishing a version (s.12)', () => {
  const valid = { number: '3.1', approvedOn: '2026-11-20', changes: 'Section 5 on personal accounts', mustRead: 'staff' };
  it.each<[string, unknown, Record<string, string> | 'ok']>([
    ['a number as the document gives it', valid, 'ok'],
    ['letters, digits, dots and dashes', { ...valid, number: 'v2-1.b' }, 'ok'],
    ['a number with a space', { ...valid, number: '3 draft' }, { number: expect.stringContaining('digits, letters, dots') }],
    ['a number with a slash', { ...valid, number: '3/1' }, { number: expect.stringContaining('digits, letters, dots') }],
    ['a date that is not a date', { ...valid, approvedOn: '20/11/2026' }, { approvedOn: 'Approval date must be a date.' }],
    [
      'nothing filled in: each field says what it needs',
      {},
      {
        number: 'Version number is required.',
        approvedOn: 'Approval date is required.',
        changes: 'Summary of changes is required.',
        mustRead: 'Choose who must read it: nobody, staff, or staff and governors.',
      },
    ],
    [
      'who must read it, as something the form never offers',
      { ...valid, mustRead: 'everyone' },
      { mustRead: 'Choose who must read it: nobody, staff, or staff and governors.' },
    ],
  ])('%s', (_case, raw, expected) => {
    const read = readForm(versionInputSchema, raw);
    expect(read.ok ? 'ok' : read.errors).toEqual(expected);
  });
});

describe('who has and has not read it', () => {
  it('s.2: one signature per person per version', () => {
    expect(readKey('7', '12')).toBe('7:12');
  });

  it('s.2: lists each group by name, whatever order the directory gives', () => {
    const people = ['Priya Shah', 'Alex Wilber', 'Megan Bowen', 'Lee Gu'].map((displayName, i) => ({
      id: String(i),
      displayName,
      roles: ['staff' as const],
    }));
    const status = readStatus({ mustRead: 'staff' }, people, [
      { personId: '0', at: '2026-11-24T10:00:00.000Z' },
      { personId: '1', at: '2026-11-24T10:01:00.000Z' },
    ]);
    expect([status.read.map((entry) => entry.name), status.notYet.map((entry) => entry.name)]).toEqual([
      ['Alex Wilber', 'Priya Shah'],
      ['Lee Gu', 'Megan Bowen'],
    ]);
  });

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

describe("how a policy's document is stored and served (s.12)", () => {
  it('the type the browser is told, the file ending and the name in the audit line', () => {
    expect(POLICY_FILE_FORMATS).toEqual({
      pdf: { label: 'PDF document', contentType: 'application/pdf', extension: 'pdf' },
      docx: {
        label: 'Word document',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      },
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

  it.each<[string, string, Buffer, number, string]>([
    ['an empty file', 'policy.pdf', pdf, 0, 'policy.pdf is empty.'],
    [
      'a program',
      'C:\\Users\\head\\policy.pdf',
      exe,
      1000,
      'policy.pdf is not a PDF or Word document. Upload the policy as a PDF or a Word (.docx) file.',
    ],
    ['a file over 20 MB', 'policy.pdf', pdf, 25 * 1024 * 1024, 'policy.pdf is 25 MB; a policy document may be at most 20 MB.'],
    [
      'a name with a hidden character',
      'policy\u202Efdp.exe',
      pdf,
      1000,
      'The file name contains hidden control characters. Please retype it.',
    ],
  ])('refuses %s, saying why by its name', (_case, name, head, size, message) => {
    expect(checkPolicyFile({ name, head, size })).toEqual({ ok: false, refusal: expect.objectContaining({ message }) });
  });

  it('a zip is a policy document only when it is a Word document', () => {
    const office = (part: string) => Buffer.from(`PK\x03\x04[Content_Types].xml ${part}`, 'latin1');
    expect([wordDocument(office('word/document.xml')), wordDocument(office('xl/workbook.xml')), wordDocument(zip)]).toEqual([
      'docx',
      undefined,
      undefined,
    ]);
  });
});
