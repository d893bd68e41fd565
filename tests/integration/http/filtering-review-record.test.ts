/**
 * Recording the annual filtering and monitoring review through the tabs' API, on SQLite and on
 * SharePoint (through the Graph stand-in): who may record it, what is refused and why, a second
 * recording added (never overwriting) and one made meanwhile refused; each agreed action a task in
 * its assignee's Waiting for me, marked done with a note, and shown with its status in the pack.
 */
import type { FilteringReviewPackView } from '../../../bot/src/contracts/governance';
import type { Waiting } from '../../../bot/src/contracts/waiting';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

describe.each<StoreKind>(['sqlite', 'sharepoint'])('recording the filtering and monitoring review on %s', (store) => {
  const t = new TestApp(store);
  const who = new Map<string, string>();
  beforeAll(async () => {
    await t.start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
  });
  afterAll(() => t.stop());

  const call = async (name: string, method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await fetch(`${t.app.url}${path}`, {
      method,
      headers: { 'x-demo-person': who.get(name)!, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const pack = async (name: string) =>
    (await call(name, 'GET', '/api/filtering-review?year=2026-27')).body as unknown as FilteringReviewPackView;
  const recording = (overrides: object = {}) => ({
    year: '2026-27',
    reviewedOn: '2026-11-23',
    seniorLeaderId: who.get('Adele Vance')!,
    governorId: who.get('Mark Green')!,
    outcome: 'Filtering blocks what it should. Leo Murphy found a proxy site on a laptop: the proxy category is now blocked.',
    actions: [
      { description: 'Block the proxy category on the guest Wi-Fi too', assigneeId: who.get('Isaiah Langer')!, due: '2026-12-04' },
      { description: 'Tell staff how to report a site that gets through', assigneeId: who.get('Megan Bowen')!, due: '2026-11-24' },
    ],
    ...overrides,
  });

  it('offers the form to those who may record it, with the senior leaders and governors to choose from', async () => {
    const asGovernor = await pack('Mark Green');
    expect(asGovernor.can).toEqual({ record: true });
    expect(asGovernor.recorded).toEqual({ entries: [] });
    expect(asGovernor.choices!.seniorLeaders.map((one) => one.name).sort()).toEqual([
      'Adele Vance',
      'Megan Bowen',
      'Patti Fernandez',
      'Sam Okafor',
    ]);
    expect(asGovernor.choices!.governors.map((one) => one.name).sort()).toEqual(['Linda Davis', 'Mark Green']);
    const asDsl = await pack('Patti Fernandez');
    expect([asDsl.can, asDsl.choices]).toEqual([{ record: false }, undefined]);
  });

  it('says what is wrong, field by field, and saves nothing', async () => {
    const { status, body } = await call(
      'Mark Green',
      'POST',
      '/api/filtering-review/record',
      recording({
        reviewedOn: '2026-11-25',
        governorId: who.get('Priya Shah'),
        outcome: '  ',
        actions: [
          { description: '', assigneeId: 'nobody', due: '2026-11-23' },
          { description: 'Check the logs', assigneeId: who.get('Isaiah Langer'), due: '2026-11-28' },
        ],
      }),
    );
    expect(status).toBe(422);
    expect(body.fields).toEqual({
      reviewedOn: 'The date of the review cannot be in the future.',
      governorId: 'Choose the governor who reviewed it.',
      outcome: "Write the review's outcome.",
      'actions.0.description': 'Say what is to be done.',
      'actions.0.assigneeId': 'Choose who will do it.',
      'actions.0.due': 'The due date cannot be in the past.',
      'actions.1.due': 'Choose a school day (not a weekend or a holiday).',
    });
    expect((await pack('Mark Green')).recorded).toEqual({ entries: [] });
  });

  it('refuses those who may not record it: the DSL (who reads the pack) and a teacher', async () => {
    for (const name of ['Patti Fernandez', 'Priya Shah'])
      expect({ name, status: (await call(name, 'POST', '/api/filtering-review/record', recording())).status }).toEqual({
        name,
        status: 403,
      });
    expect((await pack('Mark Green')).recorded).toEqual({ entries: [] });
  });

  it('records the review with its actions as tasks, shown in the pack with no pupil named', async () => {
    const { status, body } = await call('Mark Green', 'POST', '/api/filtering-review/record', recording());
    expect(status).toBe(201);
    expect(body.actions).toEqual([expect.stringMatching(/^FR-\d+$/), expect.stringMatching(/^FR-\d+$/)]);
    const recorded = (await pack('Linda Davis')).recorded;
    expect(recorded.entries).toEqual([
      {
        reviewedOn: '2026-11-23',
        seniorLeader: 'Adele Vance',
        governor: 'Mark Green',
        outcome: 'Filtering blocks what it should. another pupil found a proxy site on a laptop: the proxy category is now blocked.',
        recordedBy: 'Mark Green',
        recordedOn: '2026-11-24',
        actions: [
          {
            reference: (body.actions as string[])[0],
            description: 'Block the proxy category on the guest Wi-Fi too',
            assignee: 'Isaiah Langer',
            due: '2026-12-04',
            status: 'open',
          },
          {
            reference: (body.actions as string[])[1],
            description: 'Tell staff how to report a site that gets through',
            assignee: 'Megan Bowen',
            due: '2026-11-24',
            status: 'open',
          },
        ],
      },
    ]);
    const audit = await t.app.stores.audit.forRecord(
      'filteringReview',
      (await t.app.stores.filteringReviews.find({ limit: 1 })).items[0]!.id,
    );
    expect(audit.map((entry) => [entry.action, entry.actorName])).toEqual([['filteringReview.record', 'Mark Green']]);
  });

  it('adds a second recording from the version shown, and refuses one made on an older page, overwriting nothing', async () => {
    const seen = (await pack('Adele Vance')).recorded.version!;
    const stale = await call('Adele Vance', 'POST', '/api/filtering-review/record', recording({ outcome: 'Older page', actions: [] }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/^Someone else recorded the review for 2026-27 while you had it open/);
    const added = await call('Adele Vance', 'POST', '/api/filtering-review/record', {
      ...recording({ outcome: 'Monitoring alerts checked with the DSL.', actions: [], governorId: who.get('Linda Davis') }),
      version: seen,
    });
    expect(added.status).toBe(201);
    const again = await call('Megan Bowen', 'POST', '/api/filtering-review/record', { ...recording({ actions: [] }), version: seen });
    expect(again.status).toBe(409);
    const entries = (await pack('Adele Vance')).recorded.entries;
    expect(entries.map((entry) => [entry.governor, entry.recordedBy, entry.actions.length])).toEqual([
      ['Mark Green', 'Mark Green', 2],
      ['Linda Davis', 'Adele Vance', 0],
    ]);
  });

  it("puts each action in its assignee's Waiting for me, done there with a note by them or the headteacher, by nobody else", async () => {
    const waiting = (await call('Isaiah Langer', 'GET', '/api/waiting')).body as unknown as Waiting;
    const item = waiting.items.find((one) => one.recordType === 'reviewAction')!;
    expect(item).toMatchObject({
      title: 'Block the proxy category on the guest Wi-Fi too',
      steps: ['done'],
      facts: { due: '4 December 2026', review: 'Filtering and monitoring 2026-27' },
    });
    expect(waiting.counts.reviewAction).toBe(1);
    const step = (name: string, note: string, version = item.version) =>
      call(name, 'POST', `/api/review-actions/${item.recordId}/steps`, { verb: 'done', note, version });
    expect((await step('Priya Shah', 'Done')).status).toBe(403);
    expect((await step('Mark Green', 'Done')).status).toBe(403);
    expect(await step('Isaiah Langer', ' ')).toMatchObject({ status: 422, body: { fields: { note: 'Say what was done.' } } });
    expect((await step('Isaiah Langer', 'Done', item.version + 1)).status).toBe(409);
    const done = await step('Isaiah Langer', 'Proxy category blocked on the guest Wi-Fi; tested from a tablet.');
    expect(done).toMatchObject({ status: 200, body: { task: { status: 'done' } } });
    expect((await step('Isaiah Langer', 'Again')).status).toBe(409);
    expect(((await call('Isaiah Langer', 'GET', '/api/waiting')).body as unknown as Waiting).counts.reviewAction).toBe(0);
    // The headteacher may close the online safety lead's.
    const megans = ((await call('Megan Bowen', 'GET', '/api/waiting')).body as unknown as Waiting).items.find(
      (one) => one.recordType === 'reviewAction',
    )!;
    const closed = await call('Adele Vance', 'POST', `/api/review-actions/${megans.recordId}/steps`, {
      verb: 'done',
      note: 'Told at the staff meeting.',
      version: megans.version,
    });
    expect(closed.status).toBe(200);
    const actions = (await pack('Mark Green')).recorded.entries[0]!.actions;
    expect(actions.map(({ status, done }) => ({ status, done }))).toEqual([
      {
        status: 'done',
        done: { on: '2026-11-24', note: 'Proxy category blocked on the guest Wi-Fi; tested from a tablet.', by: 'Isaiah Langer' },
      },
      { status: 'done', done: { on: '2026-11-24', note: 'Told at the staff meeting.', by: 'Adele Vance' } },
    ]);
  });
});
