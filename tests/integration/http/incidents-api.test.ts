/** The Incidents tab's API (policy s.8): what the DSL records, and what it refuses. */
import { incident } from '../../contract/incident-contract';
import { TestApp } from '../../fixtures/test-app';

describe('the incident log API', () => {
  let t: TestApp;
  const who: Record<'dsl' | 'head' | 'chair' | 'osl', string> = { dsl: '', head: '', chair: '', osl: '' };
  beforeAll(async () => {
    t = await new TestApp().start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    const holder = (role: string) => people.find((person) => person.roles.includes(role as never))!.id;
    Object.assign(who, {
      dsl: holder('dsl'),
      head: holder('headteacher'),
      chair: holder('chairOfGovernors'),
      osl: holder('onlineSafetyLead'),
    });
  });
  afterAll(() => t.stop());

  const call = (persona: string, path: string, body?: object) =>
    fetch(`${t.app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-demo-person': persona },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const add = async (overrides: Parameters<typeof incident>[0] = {}) =>
    (await t.app.stores.incidents.insert(incident({ assigneeId: who.dsl, ...overrides }))).id;

  it('exports the filtered list as CSV with formula cells neutralised', async () => {
    await add({ whatHappened: '=HYPERLINK("https://evil.example","click")', category: 'illegalActivity', routedTo: 'headteacher' });
    const response = await call(who.dsl, '/api/incidents.csv?category=illegalActivity');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^"Reference","Reported","Happened on","Category"/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });

  it("keeps a concern about the headteacher out of the headteacher's CSV, list and summary", async () => {
    const id = await add({
      involved: 'headteacher',
      aboutHeadteacher: true,
      routedTo: 'chairOfGovernors',
      category: 'firewallCircumvention',
      assigneeId: who.chair,
      whatHappened: 'About the head: hidden',
    });
    expect(await (await call(who.head, '/api/incidents.csv')).text()).not.toContain('About the head');
    expect(await (await call(who.dsl, '/api/incidents.csv')).text()).toContain('About the head');
    const counts = async (persona: string) =>
      ((await (await call(persona, '/api/incidents/summary')).json()) as { byCategory: Record<string, number> }).byCategory
        .firewallCircumvention;
    expect(await counts(who.chair)).toBe(1);
    expect(await counts(who.head)).toBe((await counts(who.dsl))! - 1);
    expect((await call(who.head, `/api/incidents/${id}`)).status).toBe(404);
  });

  it('records an action, an assignment, status changes with reopen, the CPOMS reference and the police decision, each in the chronology', async () => {
    const id = await add();
    const step = (body: object) => call(who.dsl, `/api/incidents/${id}/steps`, body);
    expect((await step({ type: 'action', text: 'Spoke to the parent by phone' })).status).toBe(201);
    expect((await step({ type: 'assign', personId: who.head })).status).toBe(201);
    expect((await step({ type: 'status', to: 'actionTaken' })).status).toBe(201);
    expect((await step({ type: 'status', to: 'closed' })).status).toBe(201);
    expect((await step({ type: 'status', to: 'inProgress' })).status).toBe(201);
    expect((await step({ type: 'cpoms', reference: 'CP-2026/0042' })).status).toBe(201);
    expect((await step({ type: 'police', contacted: false, reason: 'Inadvertent: the pupil did not know it was illegal' })).status).toBe(
      201,
    );
    const detail = (await (await call(who.dsl, `/api/incidents/${id}`)).json()) as {
      incident: Record<string, unknown>;
      chronology: { text: string; byName: string }[];
    };
    expect(detail.incident).toMatchObject({
      status: 'inProgress',
      assigneeName: 'Adele Vance',
      cpomsReference: 'CP-2026/0042',
      police: { contacted: false, decidedBy: 'Patti Fernandez', decidedAs: 'dsl' },
    });
    expect(detail.chronology.map((entry) => entry.text)).toEqual([
      'Spoke to the parent by phone',
      'Assigned to Adele Vance',
      'Marked action taken',
      'Closed',
      'Reopened',
      'CPOMS reference recorded: CP-2026/0042',
      'Police not contacted (decided by Patti Fernandez as Designated safeguarding lead): Inadvertent: the pupil did not know it was illegal',
      // Opened in the tab for the first time just now (the steps above came straight to the API).
      'Opened for the first time',
    ]);
    expect(new Set(detail.chronology.map((entry) => entry.byName))).toEqual(new Set(['Patti Fernandez']));
  });

  it('refuses a status change the workflow does not allow, and a bad or empty step, saying why', async () => {
    const id = await add({ status: 'closed' });
    const step = (body: object) => call(who.dsl, `/api/incidents/${id}/steps`, body);
    const wrong = await step({ type: 'status', to: 'actionTaken' });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: string }).error).toBe('A closed incident cannot be marked action taken.');
    for (const body of [
      { type: 'action', text: '   ' },
      { type: 'police', contacted: 'yes', reason: 'y' },
      { type: 'cpoms', reference: '=cmd|' },
      { type: 'delete' },
      { type: 'assign', personId: '../1' },
    ]) {
      expect({ body, status: (await step(body)).status }).toEqual({ body, status: 400 });
    }
    expect((await step({ type: 'assign', personId: '999999' })).status).toBe(422);
    expect(await t.app.stores.incidentChronology.forIncident(id)).toEqual([]);
  });

  it('will not assign a concern about the headteacher to the headteacher or the online safety lead', async () => {
    const id = await add({ involved: 'headteacher', aboutHeadteacher: true, routedTo: 'chairOfGovernors', assigneeId: who.chair });
    for (const personId of [who.head, who.osl])
      expect((await call(who.chair, `/api/incidents/${id}/steps`, { type: 'assign', personId })).status).toBe(422);
    const detail = (await (await call(who.chair, `/api/incidents/${id}`)).json()) as { assignable: { displayName: string }[] };
    expect(detail.assignable.map((person) => person.displayName).sort()).toEqual(['Linda Davis', 'Patti Fernandez', 'Sam Okafor']);
  });

  it('lets the online safety lead see and act on the incident assigned to them, and nothing else', async () => {
    const mine = await add({
      routedTo: 'onlineSafetyLead',
      category: 'contentOnSchoolEquipment',
      assigneeId: who.osl,
      assigneeName: 'Megan Bowen',
    });
    const list = (await (await call(who.osl, '/api/incidents')).json()) as { items: { id: string; assigneeName: string }[] };
    expect(list.items.map((item) => item.id)).toContain(mine);
    expect(new Set(list.items.map((item) => item.assigneeName))).toEqual(new Set(['Megan Bowen']));
    expect((await call(who.osl, `/api/incidents/${mine}/steps`, { type: 'action', text: 'Site blocked on the filter' })).status).toBe(201);
    expect((await call(who.osl, `/api/incidents/${mine}/steps`, { type: 'assign', personId: who.dsl })).status).toBe(403);
    expect((await call(who.osl, '/api/incidents.csv')).status).toBe(403);
  });

  it('answers a bad filter with 400 and a list of what was wrong, never a crash', async () => {
    for (const query of ['status=open', 'sort=__proto__', 'from=yesterday', `q=${'x'.repeat(300)}`, 'offset=-1', 'routedTo=constructor']) {
      const response = await call(who.dsl, `/api/incidents?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    expect((await call(who.dsl, '/api/incidents?q=%25_%5C')).status).toBe(200);
    expect((await call(who.dsl, '/api/incidents/abc')).status).toBe(404);
  });
});
