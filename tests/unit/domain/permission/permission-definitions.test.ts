/**
 * What people see of the smaller permissions besides the form (s.5, s.7): the reference a card and
 * a reminder give, the one line naming a request in "waiting for me" and in a reminder, the audit
 * line of a new request (what happened, never what it says), and what an approval or a completion
 * keeps in the request's history (Appendix A: the decision, its reasons and its signature).
 */
import type { Person } from '../../../../bot/src/domain/people/person';
import type { PermissionRequest, PermissionState, PermissionType } from '../../../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import { applyStep } from '../../../../bot/src/domain/workflow/workflow-rules';

const SUBMITTED = new Date('2026-11-20T09:00:00Z');
const NOW = new Date('2026-11-24T10:30:00Z');
const head: Person = { id: 'p-head', displayName: 'Adele Vance', roles: ['staff', 'headteacher'], aadObjectId: 'aad-head' };
const lead: Person = { id: 'p-lead', displayName: 'Lee Gu', roles: ['staff', 'onlineSafetyLead'] };
const requester: Person = { id: 'p-requester', displayName: 'Priya Shah', roles: ['staff'] };
/** Who completes each once approved (s.5, s.7): the online safety lead applies the controls; the requester changes the password. */
const COMPLETER: Record<PermissionType, Person> = { staffPersonalAccount: lead, pupilWifi: lead, accountPassword: requester };
const TYPES = Object.keys(PERMISSION_WORKFLOWS) as PermissionType[];

function request(type: PermissionType, state: PermissionState, details: Record<string, string> = {}): PermissionRequest {
  const opened = PERMISSION_WORKFLOWS[type].submission.open(
    details,
    { personId: requester.id, name: requester.displayName },
    'k',
    SUBMITTED,
  );
  return { ...opened, id: '12', state };
}

describe('the reference a card and a reminder give: its own letters, never a bare number', () => {
  it.each([
    ['staffPersonalAccount', 'PA-12', 's.5 personal account at school'],
    ['pupilWifi', 'PW-12', 's.7 pupils on the school WiFi'],
    ['accountPassword', 'PS-12', 's.5 sharing a password'],
  ] as const)('%s → %s (%s)', (type, reference, _policy) => {
    expect(PERMISSION_WORKFLOWS[type].reference('12')).toBe(reference);
  });
});

describe('the one line naming a request in "waiting for me" and in a reminder', () => {
  it.each([
    ['staffPersonalAccount', 'the platform (s.5)', { platform: 'YouTube', device: 'iPad 14' }, 'YouTube'],
    [
      'pupilWifi',
      'the class on roll, by its name, and the platform (s.7)',
      { className: '3', classNameName: '6A', platform: 'Padlet' },
      '6A: Padlet',
    ],
    [
      'pupilWifi',
      'the group and the platform (s.7)',
      { group: 'Year 6 digital leaders', platform: 'Padlet' },
      'Year 6 digital leaders: Padlet',
    ],
    [
      'accountPassword',
      'the school account and who it is shared with, by name (s.5)',
      { accountId: '3', accountIdName: 'X @RiversidePrimary', sharedWithId: '9', sharedWithIdName: 'Megan Bowen' },
      'X @RiversidePrimary with Megan Bowen',
    ],
    // A record kept without a looked-up name (or a field) shows a blank there, never "undefined".
    ['staffPersonalAccount', 'no platform kept: blank (s.5)', {}, ''],
    ['pupilWifi', 'no class or group kept: blank before the platform (s.7)', { platform: 'Padlet' }, ': Padlet'],
    ['pupilWifi', 'no platform kept: blank after the group (s.7)', { group: 'Year 6 digital leaders' }, 'Year 6 digital leaders: '],
    ['accountPassword', "no account's name kept (s.5)", { sharedWithIdName: 'Megan Bowen' }, ' with Megan Bowen'],
    ['accountPassword', "no person's name kept (s.5)", { accountIdName: 'X @RiversidePrimary' }, 'X @RiversidePrimary with '],
  ] as const)('%s: %s', (type, _what, details, line) => {
    expect(PERMISSION_WORKFLOWS[type].summary(request(type, 'withHeadteacher', details))).toBe(line);
  });
});

describe("a new request's audit line names the kind of request, never what the form says (s.4)", () => {
  it.each([
    ['staffPersonalAccount', 'Personal account at school request submitted'],
    ['pupilWifi', 'Pupils on the school WiFi request submitted'],
    ['accountPassword', 'Sharing an account password request submitted'],
  ] as const)('%s: %j', (type, line) => {
    const draft = PERMISSION_WORKFLOWS[type].submission.open(
      { reason: 'Covering Ms Jones while she is on leave', platform: 'Padlet' },
      { personId: requester.id, name: requester.displayName },
      'k',
      SUBMITTED,
    );
    expect(PERMISSION_WORKFLOWS[type].submission.audit(draft)).toBe(line);
  });
});

describe("the history keeps the headteacher's reasons and the note of whoever completes it (Appendix A)", () => {
  const lastLine = (result: ReturnType<typeof applyStep<PermissionRequest, never>>) => (result.ok ? result.request.history.at(-1) : result);

  it.each(TYPES)('%s: an approval with reasons keeps them on the decision and in the history', (type) => {
    const result = applyStep(
      PERMISSION_WORKFLOWS[type],
      request(type, 'withHeadteacher'),
      { type: 'approve', reasons: 'For the Year 6 unit' },
      head,
      NOW,
    );
    expect(result.ok && result.request.decision?.reasons).toBe('For the Year 6 unit');
    expect(lastLine(result)).toEqual({
      at: NOW.toISOString(),
      personId: head.id,
      name: head.displayName,
      step: 'approve',
      note: 'For the Year 6 unit',
    });
  });

  it.each(TYPES)('%s: an approval without reasons is signed with empty reasons and a history line without a note', (type) => {
    const result = applyStep(PERMISSION_WORKFLOWS[type], request(type, 'withHeadteacher'), { type: 'approve' }, head, NOW);
    expect(result.ok && result.request.decision).toEqual({
      approved: true,
      reasons: '',
      signature: { personId: head.id, name: head.displayName, aadObjectId: 'aad-head', at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({ at: NOW.toISOString(), personId: head.id, name: head.displayName, step: 'approve' });
  });

  it.each(TYPES)('%s: completing it with a note keeps the note, signed, and in the history', (type) => {
    const who = COMPLETER[type];
    const result = applyStep(
      PERMISSION_WORKFLOWS[type],
      request(type, 'approved'),
      { type: 'complete', note: 'Filter rule 14 added' },
      who,
      NOW,
    );
    expect(result.ok && result.request.completed).toEqual({
      note: 'Filter rule 14 added',
      signature: { personId: who.id, name: who.displayName, at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({
      at: NOW.toISOString(),
      personId: who.id,
      name: who.displayName,
      step: 'complete',
      note: 'Filter rule 14 added',
    });
  });

  it.each(TYPES)('%s: completing it without a note keeps an empty note and a history line without one', (type) => {
    const who = COMPLETER[type];
    const result = applyStep(PERMISSION_WORKFLOWS[type], request(type, 'approved'), { type: 'complete' }, who, NOW);
    expect(result.ok && result.request.completed).toEqual({
      note: '',
      signature: { personId: who.id, name: who.displayName, at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({ at: NOW.toISOString(), personId: who.id, name: who.displayName, step: 'complete' });
  });
});

describe('a form that is not a set of fields gets a message on every required field, not an error page', () => {
  it.each([
    ['nothing sent (null)', null],
    ['nothing sent (undefined)', undefined],
    ['a list', ['3', '9']],
    ['a line of text', 'X @RiversidePrimary'],
  ])('sharing a password (s.5): %s', (_what, form) => {
    const result = PERMISSION_WORKFLOWS.accountPassword.submission.read(form, '2026-11-24');
    expect(result).toEqual({
      ok: false,
      errors: {
        accountId: 'School account is required.',
        sharedWithId: 'Shared with is required.',
        reason: 'Why is required.',
        until: 'Until is required.',
      },
    });
  });
});
