/**
 * Training records through the real bot endpoint and the tabs' API (s.11, s.12): a staff member
 * logs their own training and the online safety lead confirms it on a card; the lead records a
 * session for many at once; the headteacher records a policy review and all staff are told.
 */
import { PLAYGROUND_DEFAULT_AAD_ID } from '../../../bot/src/app/demo-school';
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;
const alex = teamsUser('Alex Wilber', PLAYGROUND_DEFAULT_AAD_ID);
const megan = teamsUser('Megan Bowen', aad(1));
const adele = teamsUser('Adele Vance', aad(2));

describe('training records', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, adele]) await t.install(user);
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) ids.set(person.displayName, person.id);
  });
  afterAll(() => t.stop());

  const api = (as: string, path: string, body?: unknown) =>
    fetch(`${t.app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-demo-person': ids.get(as)! },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('lets a staff member log their training in the bot, and the online safety lead confirm it on a card', async () => {
    const { card } = await t.say(alex, "I've done my online safety training");
    expect(allText(card)).toContain('Your online safety training');
    const before = t.connector.sent.length;
    const thanks = await t.click(alex, 'training-form', 'logTraining', {
      completedOn: '2026-11-02',
      evidence: 'https://learning.example/certificate/123',
    });
    expect(allText(thanks)).toContain('sent to the online safety lead to confirm');

    const toMegan = t.connector.sent
      .slice(before)
      .find((entry) => entry.conversationId === megan.conversationId && entry.kind !== 'update');
    const confirmCard = cardOf(toMegan);
    expect(allText(confirmCard)).toContain('Alex Wilber says they completed online safety training on 2 November 2026');
    const recordId = (JSON.stringify(confirmCard).match(/"recordId":"(\d+)"/) ?? [])[1]!;

    // Only the online safety lead may confirm: Alex clicking the same button changes nothing.
    await t.post(cardActionInvoke(alex, t.serviceUrl, toMegan!.activityId, 'confirmTraining', { recordId }));
    expect((await t.app.stores.trainingRecords.get(recordId))!.status).toBe('awaitingConfirmation');

    const done = await t.click(megan, toMegan!.activityId, 'confirmTraining', { recordId });
    expect(allText(done)).toContain('Alex Wilber — confirmed');
    expect((await t.app.stores.trainingRecords.get(recordId))!).toMatchObject({
      status: 'confirmed',
      confirmedByName: 'Megan Bowen',
      evidence: 'https://learning.example/certificate/123',
    });
    expect(allText((await t.say(alex, 'my training')).card)).toContain('Up to date');
  });

  it('refuses a completion date in the future', async () => {
    const card = await t.click(alex, 'training-form', 'logTraining', { completedOn: '2999-01-01', evidence: '' });
    expect(allText(card)).toContain('cannot be in the future');
  });

  it('records a session for a whole class and for several staff at once, shown in compliance and history', async () => {
    const staff = ['Priya Shah', "Tom O'Neill"].map((name) => ids.get(name)!);
    expect(
      (
        await api('Megan Bowen', '/api/training/sessions', {
          requirementId: 'staff-online-safety',
          completedOn: '2026-11-20',
          evidence: 'INSET day',
          subjectIds: staff,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('Megan Bowen', '/api/training/sessions', {
          requirementId: 'pupil-online-safety',
          completedOn: '2026-11-18',
          evidence: 'PSHE lesson',
          subjectIds: ['4B'],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('Megan Bowen', '/api/training/sessions', {
          requirementId: 'parent-online-safety',
          completedOn: '2026-10-07',
          evidence: 'Parents evening',
          subjectIds: ['parents'],
          attendees: ["Mrs O'Connor", '=HYPERLINK("x")'],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('Alex Wilber', '/api/training/sessions', {
          requirementId: 'staff-online-safety',
          completedOn: '2026-11-20',
          evidence: 'x',
          subjectIds: staff,
        })
      ).status,
    ).toBe(403);

    const overview = (await (await api('Megan Bowen', '/api/training')).json()) as {
      rows: { subjectName: string; requirementId: string; status: string }[];
      groups: { group: string; upToDate: number }[];
    };
    expect(overview.rows.find((row) => row.subjectName === 'Priya Shah')!.status).toBe('upToDate');
    expect(overview.rows.find((row) => row.subjectName === 'Class 4B')!.status).not.toBe('overdue');
    expect(overview.groups.map((group) => group.group)).toEqual(expect.arrayContaining(['All staff', '4B', '6A', 'Parents']));

    const mine = (await (await api('Priya Shah', '/api/training')).json()) as { rows: { subjectName: string }[] };
    expect(new Set(mine.rows.map((row) => row.subjectName))).toEqual(new Set(['Priya Shah']));
    expect((await api('Priya Shah', `/api/training/history/${ids.get('Alex Wilber')}`)).status).toBe(403);
    const history = (await (await api('Megan Bowen', `/api/training/history/${ids.get('Priya Shah')}`)).json()) as {
      records: { evidence: string }[];
    };
    expect(history.records.map((record) => record.evidence)).toEqual(['INSET day']);

    const csv = await (await api('Megan Bowen', '/api/training.csv')).text();
    expect(csv).toMatch(/^"Audience","Who","Training"/);
    expect(csv).toContain(`"Mrs O'Connor; =HYPERLINK(""x"")"`);
    expect((await api('Priya Shah', '/api/training.csv')).status).toBe(403);
  });

  it("records the headteacher's review of the policy: its next date is set, the board's review keeps its own, and every staff member who can be reached is told", async () => {
    const policy = (await t.app.stores.policies.find({ limit: 1 })).items[0]!;
    expect((await api('Megan Bowen', `/api/policies/${policy.id}/review`, { reviewId: 'review-1', reviewedOn: '2026-11-20' })).status).toBe(
      403,
    );
    const before = t.connector.sent.length;
    const response = await api('Adele Vance', `/api/policies/${policy.id}/review`, { reviewId: 'review-1', reviewedOn: '2026-11-20' });
    expect(response.status).toBe(200);
    // The demo school's library holds no version of this policy, so the app cannot tell it did not change.
    expect((await response.json()) as { nextReviewDue: string; staffTold: boolean }).toEqual(
      expect.objectContaining({ nextReviewDue: '2028-11-20', staffTold: true }),
    );
    const stored = (await t.app.stores.policies.get(policy.id))!;
    expect(stored.reviews.map((review) => review.nextReviewDue)).toEqual(['2028-11-20', '2026-12-10']);
    expect(stored.approvals.map((approval) => approval.approvedOn)).toEqual(['2022-10-11', '2026-11-20']);
    await t.app.background.idle();
    const told = t.connector.sent.slice(before).filter((entry) => entry.kind !== 'update');
    expect(new Set(told.map((entry) => entry.conversationId))).toEqual(new Set([alex, megan, adele].map((user) => user.conversationId)));
    expect(allText(cardOf(told[0]))).toContain('The Social Media Policy has been reviewed');
  });
});
