/**
 * The annual filtering and monitoring review pack through the tabs' API, on SQLite and on
 * SharePoint (through the Graph stand-in): a school year's access decisions with their reasons,
 * the sites open now, the incidents filtering should have stopped (counts; references only for
 * those who may open them), training and the policies in force; the reviewers named in settings.
 */
import { incident } from '../../contract/incident-contract';
import type { FilteringReviewPackView } from '../../../bot/src/contracts/governance';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { pdfText } from '../../fixtures/pdf-text';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

/**
 * What each person is shown of 2026-27 (from 1 August 2026): the demo school's laptop video
 * (on school equipment, routed to the online safety lead) and VPN (round the firewall), and three
 * more VPN incidents the test adds. `null` is "fewer than 3"; references are the incidents the
 * person may open.
 */
const INCIDENTS = {
  'Patti Fernandez': { counts: [1, 4], seesReferences: [true, true] },
  'Mark Green': { counts: [null, 4], seesReferences: [false, false] },
  'Megan Bowen': { counts: [null, 4], seesReferences: [true, true] },
} as const;

describe.each<StoreKind>(['sqlite', 'sharepoint'])('the filtering and monitoring review pack on %s', (store) => {
  const t = new TestApp(store);
  const who = new Map<string, string>();
  beforeAll(async () => {
    await t.start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    const school = (await t.app.stores.school.find({ limit: 1 })).items[0]!;
    await t.app.stores.school.update({ ...school, filteringLead: 'Adele Vance (headteacher)', filteringGovernor: 'Mark Green' });
    for (const day of ['2026-09-14', '2026-10-05', '2026-11-02']) {
      await t.app.stores.incidents.insert(
        incident({
          category: 'firewallCircumvention',
          routedTo: 'onlineSafetyLead',
          reportedAt: `${day}T10:00:00.000Z`,
          whatHappened: 'Proxy site on a laptop',
          assigneeId: who.get('Megan Bowen')!,
        }),
      );
    }
    const priya = { personId: who.get('Priya Shah')!, name: 'Priya Shah' };
    const decide = async (key: string, url: string, approved: boolean, at: string) => {
      const draft = newAccessRequest(
        { url, siteContent: 'Videos', reasons: `Lessons (${key})`, risksAndControls: 'Teacher screen only' },
        priya,
        key,
        new Date(at),
      );
      await t.app.stores.accessRequests.insert({
        ...draft,
        state: approved ? 'unblocked' : 'refused',
        decision: {
          approved,
          reasons: approved ? 'Fine for lessons' : 'Chat cannot be switched off',
          signature: { personId: who.get('Adele Vance')!, name: 'Adele Vance', at },
        },
      });
    };
    await decide('march', 'https://chat.example.org/', false, '2026-03-10T11:00:00.000Z');
    await t.app.stores.accessRequests.insert({
      ...newAccessRequest(
        {
          url: 'https://phonics.example.org/',
          siteContent: 'Phonics games',
          reasons: 'Amelia Khan and Murphy, Leo practise at lunchtime',
          risksAndControls: 'Adverts',
        },
        priya,
        'april',
        new Date('2026-04-20T10:00:00.000Z'),
      ),
      state: 'refused',
      decision: {
        approved: false,
        reasons: 'Zain Ahmed can use the class tablets instead',
        signature: { personId: who.get('Adele Vance')!, name: 'Adele Vance', at: '2026-04-21T11:00:00.000Z' },
      },
    });
    await decide('june', 'https://videos.example.org/', true, '2026-06-22T11:00:00.000Z');
  });
  afterAll(() => t.stop());

  const pack = async (name: string, year?: string) => {
    const response = await fetch(`${t.app.url}/api/filtering-review${year ? `?year=${year}` : ''}`, {
      headers: { 'x-demo-person': who.get(name)! },
    });
    return { status: response.status, body: (await response.json()) as FilteringReviewPackView & { error?: string } };
  };

  it("lists the chosen year's decisions, opened and kept blocked, with their reasons, oldest first", async () => {
    const { status, body } = await pack('Mark Green', '2025-26');
    expect(status).toBe(200);
    expect([body.from, body.to]).toEqual(['2025-08-01', '2026-07-31']);
    expect(
      body.decisions.map(({ url, approved, reasons, decisionReasons, decidedOn, decidedBy }) => ({
        url,
        approved,
        reasons,
        decisionReasons,
        decidedOn,
        decidedBy,
      })),
    ).toEqual([
      {
        url: 'https://chat.example.org/',
        approved: false,
        reasons: 'Lessons (march)',
        decisionReasons: 'Chat cannot be switched off',
        decidedOn: '2026-03-10',
        // Governors are shown roles, not staff names.
        decidedBy: 'the headteacher',
      },
      {
        url: 'https://phonics.example.org/',
        approved: false,
        // No pupil's name in what staff wrote, however it is written.
        reasons: 'another pupil and another pupil practise at lunchtime',
        decisionReasons: 'another pupil can use the class tablets instead',
        decidedOn: '2026-04-21',
        decidedBy: 'the headteacher',
      },
      {
        url: 'https://videos.example.org/',
        approved: true,
        reasons: 'Lessons (june)',
        decisionReasons: 'Fine for lessons',
        decidedOn: '2026-06-22',
        decidedBy: 'the headteacher',
      },
    ]);
    expect(JSON.stringify([body.decisions, body.openUnblocks])).not.toMatch(/Adele|Vance|Amelia|Khan|Murphy|Zain/);
    // The headteacher, who works with the staff, sees their names.
    const asHead = (await pack('Adele Vance', '2025-26')).body;
    expect(asHead.decisions.map((decision) => [decision.decidedBy, decision.reasons])).toEqual([
      ['Adele Vance', 'Lessons (march)'],
      ['Adele Vance', 'another pupil and another pupil practise at lunchtime'],
      ['Adele Vance', 'Lessons (june)'],
    ]);
    // Sites open now, whenever they were decided: June's and the demo school's BBC Bitesize.
    expect(body.openUnblocks.map((site) => site.url)).toEqual([
      'https://www.bbc.co.uk/bitesize/topics/zd9d7p3',
      'https://videos.example.org/',
    ]);
    // The pack names no requester (the form's list of people to give an action to is the school's directory).
    expect(JSON.stringify({ ...body, choices: undefined })).not.toContain('Priya Shah');
  });

  it('opens on this school year, with the reviewers named in School settings and the policies in force', async () => {
    const { body } = await pack('Adele Vance');
    expect([body.year, body.years.slice(0, 2)]).toEqual(['2026-27', ['2026-27', '2025-26']]);
    expect(body.reviewers).toEqual({ lead: 'Adele Vance (headteacher)', governor: 'Mark Green' });
    expect(body.decisions.map((decision) => decision.url)).toEqual(['https://www.bbc.co.uk/bitesize/topics/zd9d7p3']);
    expect(body.policies.find((policy) => policy.title === 'Social Media Policy')).toEqual({
      title: 'Social Media Policy',
      approvedOn: '2022-10-11',
      nextReviewDue: '2024-09-01',
    });
    expect(body.training.find((group) => group.group === 'All staff')).toMatchObject({ percentUpToDate: 0 });
  });

  it.each(Object.keys(INCIDENTS) as (keyof typeof INCIDENTS)[])(
    'counts the incidents on school equipment and round the firewall for %s',
    async (name) => {
      const { body } = await pack(name);
      const expected = INCIDENTS[name];
      expect(body.incidents.map((row) => row.category)).toEqual(['contentOnSchoolEquipment', 'firewallCircumvention']);
      expect(body.incidents.map((row) => row.count)).toEqual(expected.counts);
      expect(body.incidents.map((row) => row.references.length > 0)).toEqual(expected.seesReferences);
      for (const row of body.incidents) for (const reference of row.references) expect(reference).toMatch(/^C-\d{5}$/);
      expect(JSON.stringify(body)).not.toMatch(/Proxy site|VPN|violent video/);
    },
  );

  it('gives the pack as a PDF with the same rules as the page: roles not staff names, no pupil named, small counts hidden', async () => {
    const pdf = async (name: string, year = '2025-26') =>
      fetch(`${t.app.url}/api/filtering-review/pdf?year=${year}`, { headers: { 'x-demo-person': who.get(name)! } });
    const response = await pdf('Mark Green');
    expect([response.status, response.headers.get('content-type'), response.headers.get('content-disposition')]).toEqual([
      200,
      'application/pdf',
      'attachment; filename="filtering-review-2025-26.pdf"',
    ]);
    const { title, pages } = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(title).toBe('Filtering and monitoring review 2025-26');
    const text = pages.flat().join(' ');
    expect(text).toContain('Kept blocked by the headteacher on 21 April 2026: another pupil can use the class tablets instead');
    expect(text).toContain('Why it was asked for: another pupil and another pupil practise at lunchtime (Phonics games)');
    expect(text).not.toMatch(/Adele Vance on|Amelia|Murphy|Zain|Proxy site/);
    const thisYear = pdfText(Buffer.from(await (await pdf('Mark Green', '2026-27')).arrayBuffer()))
      .pages.flat()
      .join(' ');
    expect(thisYear).toContain('Inappropriate content reached on school equipment: fewer than 3');
    expect((await pdf('Priya Shah')).status).toBe(403);
    expect((await pdf('Mark Green', '2025')).status).toBe(400);
  });

  it('says how to write the year when it cannot be read, and refuses a teacher', async () => {
    expect(await pack('Mark Green', '2025')).toEqual({ status: 400, body: { error: 'Choose a school year written like 2026-27.' } });
    expect((await pack('Priya Shah')).status).toBe(403);
  });
});
