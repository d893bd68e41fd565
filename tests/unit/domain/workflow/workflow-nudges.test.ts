/**
 * Nudges and escalation from each definition, on a fixed school week: the person who must act is
 * reminded after more than two working days (weekends and closures do not count), and again every
 * two; after three more, the role above (or whoever oversees them) is told, once.
 */
import { newAccessRequest, type AccessRequestState } from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { newPostingRequest, type PostingState } from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import { nudgeDue } from '../../../../bot/src/domain/workflow/workflow-nudges';

const CALENDAR: SchoolCalendar = {
  terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', start: '2026-11-27', end: '2026-11-27' }],
};
/** Waiting since Monday 23 November 2026, 10:00 in London. */
const SINCE = new Date('2026-11-23T10:00:00Z');
const requester = { personId: 'r', name: 'Priya Shah' };

const access = (state: AccessRequestState) => ({
  ...newAccessRequest({ url: 'https://example.org/', siteContent: 's', reasons: 'r', risksAndControls: 'c' }, requester, 'k', SINCE),
  id: '1',
  state,
});
const posting = (state: PostingState) => ({
  ...newPostingRequest(
    {
      kind: 'parentReminder',
      accountId: '1',
      accountLabel: 'X',
      text: 't',
      media: [],
      pupils: [],
      groupLabel: '',
      facesBlurred: false,
      postingDate: '2026-11-24',
    },
    [],
    requester,
    'k',
    SINCE,
  ),
  id: '2',
  state,
});

describe('a request to open a site, with the headteacher since Monday', () => {
  const request = access('withHeadteacher');
  it.each([
    ['2026-11-25', undefined, 'Wednesday: two working days, nothing yet'],
    ['2026-11-26', { party: 'headteacher', remind: 3 }, 'Thursday: the headteacher is reminded'],
    ['2026-11-27', undefined, 'Friday is an INSET day: no working day, no nudge'],
    ['2026-11-28', undefined, 'Saturday: nothing'],
    ['2026-11-30', { party: 'headteacher', remind: 4 }, 'Monday: four working days (the INSET day did not count)'],
    ['2026-12-01', { party: 'headteacher', remind: 5 }, 'Tuesday: five, still only the headteacher'],
    ['2026-12-02', { party: 'headteacher', remind: 6, escalate: 'chairOfGovernors' }, 'Wednesday: six, the chair of governors is told'],
  ] as [string, { party: string; remind: number; escalate?: string } | undefined, string][])('%s → %j (%s)', (today, expected) => {
    const due = nudgeDue(ACCESS_WORKFLOW, request, CALENDAR, today);
    expect(due && { party: due.party, remind: due.remind?.workingDays, ...(due.escalate ? { escalate: due.escalate.to } : {}) }).toEqual(
      expected,
    );
  });

  it('reminds again every two working days, and escalates once only', () => {
    const periods = ['2026-11-26', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((today) =>
      nudgeDue(ACCESS_WORKFLOW, request, CALENDAR, today),
    );
    expect(periods.map((due) => due?.remind?.period)).toEqual([
      'wait-2026-11-23-0',
      'wait-2026-11-23-0',
      'wait-2026-11-23-1',
      'wait-2026-11-23-1',
      'wait-2026-11-23-2',
      'wait-2026-11-23-2',
    ]);
    expect(new Set(periods.map((due) => due?.escalate?.period).filter(Boolean))).toEqual(new Set(['escalate-2026-11-23']));
  });
});

describe('who is told when it has waited six working days, by type and state', () => {
  it.each([
    [
      'a site approved but not opened: the ICT technician, then the online safety lead',
      access('approved'),
      'ictTechnician',
      'onlineSafetyLead',
    ],
    ['a request with the online safety lead: then the headteacher', access('withOnlineSafetyLead'), 'onlineSafetyLead', 'headteacher'],
    ['a request returned to its requester: reminded, never escalated', access('returnedToRequester'), 'requester', undefined],
    ['a post with the headteacher: then the chair of governors', posting('withHeadteacher'), 'headteacher', 'chairOfGovernors'],
    ['an approved post not yet posted: the requester only', posting('approved'), 'requester', undefined],
  ] as const)('%s', (_case, request, party, escalateTo) => {
    const workflow = 'url' in request ? ACCESS_WORKFLOW : POSTING_WORKFLOW;
    const due = nudgeDue(workflow, request, CALENDAR, '2026-12-02');
    expect([due?.party, due?.escalate?.to]).toEqual([party, escalateTo]);
  });

  it.each([
    ['a request to post that failed its checks (the requester may let it go)', posting('checksFailed')],
    ['a refused request', access('refused')],
    ['a post that is posted', posting('posted')],
  ] as const)('nothing for %s', (_case, request) => {
    const workflow = 'url' in request ? ACCESS_WORKFLOW : POSTING_WORKFLOW;
    expect(nudgeDue(workflow, request, CALENDAR, '2026-12-02')).toBeUndefined();
  });
});
