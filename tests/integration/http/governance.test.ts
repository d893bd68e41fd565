/**
 * The Governance page through the tabs' API, on SQLite and on SharePoint (through the Graph
 * stand-in): a governor, the chair and the headteacher each see the counts they may; nothing on
 * it names a pupil, a reporter or a requester, or tells what an incident was about.
 */
import { incident } from '../../contract/incident-contract';
import type { GovernanceView } from '../../../bot/src/contracts/governance';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { newPostingRequest } from '../../../bot/src/domain/posting/posting-request';
import { breachIncidentKey } from '../../../bot/src/domain/consent/takedown';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

/**
 * What each person is shown. The demo school has one incident of each kind but "other" and
 * "illegal activity" in July, September, October and November 2026 (its concern about the
 * headteacher, a staff-conduct one, in November); the test adds three cyberbullying incidents and
 * a concern about the headteacher in March 2026. `null` is "fewer than 3".
 */
const EXPECTED = {
  'Mark Green': {
    total: 10,
    byCategory: {
      abuseAboutSchool: null,
      cyberbullying: 4,
      pupilDisclosure: null,
      staffConduct: 0,
      friendFollowStaff: null,
      contentOnSchoolEquipment: null,
      firewallCircumvention: null,
      illegalActivity: 0,
      dataProtectionBreach: null,
      other: 0,
    },
    months: { '2026-03': 3, '2026-07': null, '2026-09': null, '2026-10': null, '2026-11': 4 },
    smallCountsHidden: true,
    includesConcernsAboutHeadteacher: false,
  },
  'Linda Davis': {
    total: 13,
    byCategory: {
      abuseAboutSchool: null,
      cyberbullying: 4,
      pupilDisclosure: null,
      staffConduct: null,
      friendFollowStaff: null,
      contentOnSchoolEquipment: null,
      firewallCircumvention: null,
      illegalActivity: 0,
      dataProtectionBreach: null,
      other: 0,
    },
    months: { '2026-03': 4, '2026-07': null, '2026-09': null, '2026-10': null, '2026-11': 6 },
    smallCountsHidden: true,
    includesConcernsAboutHeadteacher: true,
  },
  'Adele Vance': {
    total: 10,
    byCategory: {
      abuseAboutSchool: 1,
      cyberbullying: 4,
      pupilDisclosure: 1,
      staffConduct: 0,
      friendFollowStaff: 1,
      contentOnSchoolEquipment: 1,
      firewallCircumvention: 1,
      illegalActivity: 0,
      dataProtectionBreach: 1,
      other: 0,
    },
    months: { '2026-03': 3, '2026-07': 1, '2026-09': 1, '2026-10': 1, '2026-11': 4 },
    smallCountsHidden: false,
    includesConcernsAboutHeadteacher: false,
  },
} as const;

/** Names and words that must never reach this page: pupils, reporters, requesters, what happened. */
const NEVER_SHOWN = [
  'Leo Murphy',
  'Amelia Khan',
  'Priya Shah',
  "Tom O'Neill",
  'Alex Wilber',
  'VPN',
  'Roblox',
  'teaching assistant',
  'Secret March concern',
];

describe.each<StoreKind>(['sqlite', 'sharepoint'])('the Governance page on %s', (store) => {
  const t = new TestApp(store);
  const who = new Map<string, string>();
  beforeAll(async () => {
    await t.start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    for (const day of ['02', '09', '16']) {
      await t.app.stores.incidents.insert(
        incident({
          category: 'cyberbullying',
          reportedAt: `2026-03-${day}T10:00:00.000Z`,
          whatHappened: 'Secret March concern',
          assigneeId: who.get('Patti Fernandez')!,
        }),
      );
    }
    await t.app.stores.incidents.insert(
      incident({
        category: 'staffConduct',
        involved: 'headteacher',
        aboutHeadteacher: true,
        routedTo: 'chairOfGovernors',
        reportedAt: '2026-03-20T10:00:00.000Z',
        whatHappened: 'Secret March concern',
        assigneeId: who.get('Linda Davis')!,
      }),
    );
    // An unblock whose staff text names a pupil of the roster (surname first in one place).
    const requester = { personId: who.get('Alex Wilber')!, name: 'Alex Wilber' };
    await t.app.stores.accessRequests.insert({
      ...newAccessRequest(
        {
          url: 'https://maths.example.org/',
          siteContent: "Games Leo Murphy's group plays",
          reasons: 'Leo Murphy needs it for his maths catch-up',
          risksAndControls: 'Ads; Khan, Amelia sits with a teaching partner',
        },
        requester,
        'maths-unblock',
        new Date('2026-11-18T10:00:00Z'),
      ),
      state: 'unblocked',
      decision: {
        approved: true,
        reasons: 'Fine for LEO MURPHY and the group',
        signature: { personId: who.get('Adele Vance')!, name: 'Adele Vance', at: '2026-11-18T11:00:00.000Z' },
      },
    });
    // Two open takedowns: one tied to a concern about the headteacher (only the chair may count it), one not.
    for (const pupilId of ['p-takedown-1', 'p-takedown-2']) {
      const task = await t.app.stores.takedowns.insert({
        postId: '1',
        pupilId,
        media: 'images',
        noticeId: '1',
        taskKey: `1|${pupilId}|images`,
        ownerId: who.get('Patti Fernandez')!,
        status: 'to do',
        reason: '',
        updatedAt: '2026-11-20T10:00:00.000Z',
      });
      if (pupilId === 'p-takedown-1')
        await t.app.stores.incidents.insert(
          incident({
            category: 'dataProtectionBreach',
            involved: 'headteacher',
            aboutHeadteacher: true,
            routedTo: 'chairOfGovernors',
            submissionKey: breachIncidentKey(task.id),
            reportedAt: '2026-11-20T10:00:00.000Z',
            whatHappened: 'Secret March concern',
            assigneeId: who.get('Linda Davis')!,
          }),
        );
    }
    const alex = { personId: who.get('Alex Wilber')!, name: 'Alex Wilber' };
    const details = {
      kind: 'parentReminder' as const,
      accountId: '1',
      accountLabel: 'X @RiversidePrimary',
      text: 'Trip slips',
      media: [],
      pupils: [],
      groupLabel: '',
      facesBlurred: false,
      postingDate: '2026-11-19',
    };
    const signature = { personId: who.get('Adele Vance')!, name: 'Adele Vance', at: '2026-11-20T10:00:00.000Z' };
    for (const [key, approved] of [
      ['approved-1', true],
      ['approved-2', true],
      ['refused-1', false],
    ] as const) {
      await t.app.stores.postingRequests.insert({
        ...newPostingRequest(details, [], alex, key, new Date('2026-11-19T10:00:00Z')),
        state: approved ? 'approved' : 'refused',
        decision: { approved, reasons: 'Reasons', signature },
      });
    }
  });
  afterAll(() => t.stop());

  const view = async (name: string) => {
    const response = await fetch(`${t.app.url}/api/governance`, { headers: { 'x-demo-person': who.get(name)! } });
    return { status: response.status, text: await response.text() };
  };

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(
    'shows %s the incident counts they may see, small ones hidden for governors',
    async (name) => {
      const { status, text } = await view(name);
      expect(status).toBe(200);
      const body = JSON.parse(text) as GovernanceView;
      const expected = EXPECTED[name];
      expect(body.incidents.total).toBe(expected.total);
      expect(Object.fromEntries(body.incidents.byCategory.map((row) => [row.category, row.count]))).toEqual(expected.byCategory);
      expect(Object.fromEntries(body.incidents.byMonth.filter((row) => row.count !== 0).map((row) => [row.month, row.count]))).toEqual(
        expected.months,
      );
      expect(body.incidents.byMonth.map((row) => row.month)).toEqual([
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ]);
      expect([body.smallCountsHidden, body.includesConcernsAboutHeadteacher]).toEqual([
        expected.smallCountsHidden,
        expected.includesConcernsAboutHeadteacher,
      ]);
      for (const words of NEVER_SHOWN)
        expect({ name, shows: text.includes(words) ? words : undefined }).toEqual({ name, shows: undefined });
    },
  );

  it("lists the board's yearly review and the headteacher's two-yearly one separately, each with its own standing", async () => {
    const body = JSON.parse((await view('Mark Green')).text) as GovernanceView;
    const socialMedia = body.reviews.filter((review) => review.policyTitle === 'Social Media Policy');
    expect(
      socialMedia.map(({ reviewName, cycleMonths, nextReviewDue, standing }) => ({ reviewName, cycleMonths, nextReviewDue, standing })),
    ).toEqual([
      { reviewName: 'Headteacher with the online safety lead', cycleMonths: 24, nextReviewDue: '2024-09-01', standing: 'overdue' },
      { reviewName: 'Governing board', cycleMonths: 12, nextReviewDue: '2026-12-10', standing: 'dueSoon' },
    ]);
  });

  it("gives training as counts and percentages, the governors' own training among them, with no names", async () => {
    const body = JSON.parse((await view('Mark Green')).text) as GovernanceView;
    expect(body.training.find((group) => group.group === 'Governor, Chair of governors')).toEqual({
      audience: 'Staff',
      group: 'Governor, Chair of governors',
      upToDate: 0,
      dueSoon: 2,
      overdue: 0,
      percentUpToDate: 0,
    });
    expect(body.ownTraining).toEqual([{ requirementTitle: "Governors' online safety training", due: '2026-11-24', status: 'dueSoon' }]);
    const staff = body.training.find((group) => group.group === 'All staff')!;
    expect(staff.upToDate + staff.dueSoon + staff.overdue).toBe(9);
  });

  it('registers the site the headteacher unblocked with its reasons, and counts requests to post as decided', async () => {
    const body = JSON.parse((await view('Mark Green')).text) as GovernanceView;
    expect(body.unblockedSites.filter((site) => site.url.includes('bbc'))).toEqual([
      {
        reference: expect.stringMatching(/^A-\d+$/),
        url: 'https://www.bbc.co.uk/bitesize/topics/zd9d7p3',
        siteContent: 'BBC Bitesize videos on the Romans for Year 4 history.',
        reasons: 'The videos are blocked by the video category filter; we use them in lessons this half term.',
        risksAndControls: 'Embedded comments and related videos: teacher plays videos from the front screen only.',
        decisionReasons: 'Curriculum content with sensible controls.',
        approvedOn: '2026-11-17',
        // A governor is told the role, not the name.
        approvedBy: 'the headteacher',
        openedOn: '2026-11-17',
        // For how long and for whom it was opened: the demo school's unblock runs to the end of term, staff only.
        scope: '17 November 2026 to 19 December 2026, staff',
      },
    ]);
    expect([body.postingRequests.approved, body.postingRequests.refused]).toEqual([2, 1]);
  });

  it('names staff by their role for governors and the chair, by name for the headteacher', async () => {
    for (const [name, approvedBy] of [
      ['Mark Green', 'the headteacher'],
      ['Linda Davis', 'the headteacher'],
      ['Adele Vance', 'Adele Vance'],
    ] as const) {
      const { text } = await view(name);
      const body = JSON.parse(text) as GovernanceView;
      expect({ name, approvedBy: body.unblockedSites.map((site) => site.approvedBy) }).toEqual({
        name,
        approvedBy: [approvedBy, approvedBy],
      });
      if (name !== 'Adele Vance') expect({ name, named: /Adele|Vance/.test(text) }).toEqual({ name, named: false });
    }
  });

  it("takes the roster's pupils out of what staff wrote, however the name is written", async () => {
    const body = JSON.parse((await view('Mark Green')).text) as GovernanceView;
    const maths = body.unblockedSites.find((site) => site.url === 'https://maths.example.org/')!;
    expect([maths.siteContent, maths.reasons, maths.risksAndControls, maths.decisionReasons]).toEqual([
      "Games another pupil's group plays",
      'another pupil needs it for his maths catch-up',
      'Ads; another pupil sits with a teaching partner',
      'Fine for another pupil and the group',
    ]);
  });

  it('counts a takedown tied to a concern about the headteacher for the chair only', async () => {
    const takedowns = async (name: string) => (JSON.parse((await view(name)).text) as GovernanceView).takedowns;
    expect(await takedowns('Linda Davis')).toEqual({ open: 2, closed: 0 });
    expect(await takedowns('Mark Green')).toEqual({ open: 1, closed: 0 });
    expect(await takedowns('Adele Vance')).toEqual({ open: 1, closed: 0 });
  });

  it('refuses a teacher, saying who the page is for', async () => {
    const { status, text } = await view('Alex Wilber');
    expect(status).toBe(403);
    expect(JSON.parse(text)).toEqual({
      error: 'Only a governor or the chair of governors or the headteacher can open the Governance page.',
    });
  });
});
