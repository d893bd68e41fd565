/**
 * Nudges from the permissions' definitions, on a fixed school week (Friday 27 November 2026 is an
 * INSET day). A password shared until a date waits on the requester from that date: they are
 * reminded to change it from the next working day, every working day until they confirm it, and
 * the headteacher is told after three more.
 */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import type { PermissionState, PermissionType } from '../../../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import { nudgeDue } from '../../../../bot/src/domain/workflow/workflow-nudges';

const CALENDAR: SchoolCalendar = {
  terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', start: '2026-11-27', end: '2026-11-27' }],
};
/** Its last step on Monday 23 November 2026, 10:00 in London. */
const SINCE = new Date('2026-11-23T10:00:00Z');

function request(type: PermissionType, state: PermissionState, details: Record<string, string> = {}) {
  const opened = PERMISSION_WORKFLOWS[type].submission.open(details, { personId: 'r', name: 'Priya Shah' }, 'k', SINCE);
  return { ...opened, id: '1', state };
}

const summary = (due: ReturnType<typeof nudgeDue>) =>
  due && { party: due.party, remind: due.remind?.workingDays, ...(due.escalate ? { escalate: due.escalate.to } : {}) };

describe('a password shared until Wednesday 25 November, approved on Monday', () => {
  const shared = request('accountPassword', 'approved', { until: '2026-11-25' });
  it.each([
    ['2026-11-24', undefined, 'Tuesday: it may still be used'],
    ['2026-11-25', undefined, 'Wednesday: its last day'],
    ['2026-11-26', { party: 'requester', remind: 1 }, 'Thursday: change the password'],
    ['2026-11-27', undefined, 'Friday is an INSET day: nothing'],
    ['2026-11-30', { party: 'requester', remind: 2 }, 'Monday: reminded again'],
    ['2026-12-01', { party: 'requester', remind: 3 }, 'Tuesday: and again'],
    ['2026-12-02', { party: 'requester', remind: 4, escalate: 'headteacher' }, 'Wednesday: the headteacher is told'],
  ] as [string, object | undefined, string][])('%s → %j (%s)', (today, expected) => {
    expect(summary(nudgeDue(PERMISSION_WORKFLOWS.accountPassword, shared, CALENDAR, today))).toEqual(expected);
  });

  it('is reminded once a day, each under its own period, and the headteacher told once', () => {
    const dues = ['2026-11-26', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'].map((today) =>
      nudgeDue(PERMISSION_WORKFLOWS.accountPassword, shared, CALENDAR, today),
    );
    expect(dues.map((due) => due?.remind?.period)).toEqual([
      'wait-2026-11-25-0',
      'wait-2026-11-25-1',
      'wait-2026-11-25-2',
      'wait-2026-11-25-3',
      'wait-2026-11-25-4',
    ]);
    expect(new Set(dues.map((due) => due?.escalate?.period).filter(Boolean))).toEqual(new Set(['escalate-2026-11-25']));
  });

  it('a password changed is never chased', () => {
    expect(
      nudgeDue(PERMISSION_WORKFLOWS.accountPassword, { ...shared, state: 'completed' as const }, CALENDAR, '2026-12-02'),
    ).toBeUndefined();
  });
});

describe('the others wait on the headteacher, then the online safety lead, from their last step', () => {
  it.each([
    ['staffPersonalAccount', 'withHeadteacher', 'headteacher', 'chairOfGovernors'],
    ['staffPersonalAccount', 'approved', 'onlineSafetyLead', 'headteacher'],
    ['pupilWifi', 'withHeadteacher', 'headteacher', 'chairOfGovernors'],
    ['pupilWifi', 'approved', 'onlineSafetyLead', 'headteacher'],
    ['accountPassword', 'withHeadteacher', 'headteacher', 'chairOfGovernors'],
  ] as const)('%s, %s: %s reminded on the third working day, %s told on the sixth', (type, state, party, escalateTo) => {
    const waiting = request(type, state, { until: '2026-11-20' });
    expect(nudgeDue(PERMISSION_WORKFLOWS[type], waiting, CALENDAR, '2026-11-25')).toBeUndefined();
    expect(summary(nudgeDue(PERMISSION_WORKFLOWS[type], waiting, CALENDAR, '2026-11-26'))).toEqual({ party, remind: 3 });
    expect(summary(nudgeDue(PERMISSION_WORKFLOWS[type], waiting, CALENDAR, '2026-12-02'))).toEqual({
      party,
      remind: 6,
      escalate: escalateTo,
    });
  });
});
