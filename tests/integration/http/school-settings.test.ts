/**
 * School settings through the real HTTP API and the bot endpoint: the school's name and contact
 * show on the next card without a restart; the policy register, the term dates (typed or from a
 * local authority's CSV) and the training requirements are saved, checked and audited; two people
 * editing at once never overwrite each other; a teacher is refused.
 */
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

interface Stored {
  id: string;
  version: number;
}

describe('School settings', () => {
  let t: TestApp;
  let ids: Record<'head' | 'admin' | 'lead' | 'teacher', string>;
  beforeAll(async () => {
    t = await new TestApp().start();
    const everyone = (await t.app.stores.people.find({ limit: 50 })).items;
    const byName = (name: string) => everyone.find((person) => person.displayName === name)!.id;
    ids = { head: byName('Adele Vance'), admin: byName('Lynne Robbins'), lead: byName('Megan Bowen'), teacher: byName('Priya Shah') };
  });
  afterAll(() => t.stop());

  const call = async (method: string, path: string, as: string, body?: object) => {
    const response = await fetch(`${t.app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-demo-person': ids[as as keyof typeof ids] ?? as },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const settings = async (as = 'head') => (await call('GET', '/api/settings', as)).body;

  it("shows the school's new name on the next card, and the new contact to people it does not know, without a restart", async () => {
    const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
    await t.install(alex);
    expect(allText((await t.say(alex, 'help')).card)).toContain('Riverside Community Primary School (demo)');
    const school = (await settings()).school as Stored;
    const saved = await call('PUT', '/api/settings/school', 'admin', {
      name: 'Twiss Green Community Primary School',
      contactForAccess: 'Mrs Robbins in the school office',
      version: school.version,
    });
    expect(saved.status).toBe(200);
    expect(allText((await t.say(alex, 'help')).card)).toContain(
      'I help staff at Twiss Green Community Primary School follow the Social Media Policy',
    );
    const stranger = teamsUser('Someone New', '00000000-0000-0000-0000-000000009999');
    expect(allText((await t.say(stranger, 'help')).card)).toContain('Please ask Mrs Robbins in the school office to add you');
    const audit = await t.app.stores.audit.forRecord('school', school.id);
    // The audit log keeps the history: what each detail was before, and what it became.
    expect(audit.map((entry) => [entry.actorName, entry.summary])).toContainEqual([
      'Lynne Robbins',
      'School details changed: name "Riverside Community Primary School (demo)" → "Twiss Green Community Primary School"; who staff should ask "the school office (Lynne Robbins)" → "Mrs Robbins in the school office"',
    ]);
  });

  it("tells the second of two people editing at once, keeps the first one's change, and saves the second once they have seen it", async () => {
    const read = (await settings('head')).school as Stored & { name: string };
    expect(
      (
        await call('PUT', '/api/settings/school', 'head', {
          name: 'Twiss Green Primary',
          contactForAccess: 'the school office',
          version: read.version,
        })
      ).status,
    ).toBe(200);
    const late = await call('PUT', '/api/settings/school', 'admin', {
      name: 'Twiss Green CP School',
      contactForAccess: 'the school office',
      version: read.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ name: 'Twiss Green Primary', version: read.version + 1 });
    expect((await t.app.stores.school.find({ limit: 5 })).items.map((school) => school.name)).toEqual(['Twiss Green Primary']);
    expect(
      (
        await call('PUT', '/api/settings/school', 'admin', {
          name: 'Twiss Green CP School',
          contactForAccess: 'the school office',
          version: late.body.current.version,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses an empty name or hidden characters next to the field, and saves nothing', async () => {
    const before = (await settings()).school as Stored & { name: string };
    const refused = await call('PUT', '/api/settings/school', 'head', {
      name: ' ',
      contactForAccess: 'the office\u202E',
      version: before.version,
    });
    expect(refused).toEqual({
      status: 422,
      body: {
        error: expect.any(String),
        errors: {
          name: 'School name is required.',
          contactForAccess: 'Who staff should ask contains hidden control characters. Please retype it.',
        },
      },
    });
    expect((await settings()).school).toMatchObject({ name: before.name, version: before.version });
  });

  it('keeps a policy with both its reviews and every approval; a change made on an out-of-date copy is refused', async () => {
    const added = await call('POST', '/api/settings/policies', 'admin', {
      title: 'Online Safety Policy (2026)',
      owner: 'Online safety lead',
      approvedOn: '2026-10-01',
      reviews: [
        {
          name: 'Headteacher with the online safety lead',
          reviewers: ['headteacher', 'onlineSafetyLead'],
          cycleMonths: 24,
          nextReviewDue: '2028-10-01',
        },
        { name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: 12, nextReviewDue: '2027-10-01' },
      ],
    });
    expect(added.status).toBe(201);
    const policy = added.body.record as Stored & { reviews: { id: string }[] };
    expect(policy.reviews.map((review) => review.id)).toEqual(['review-1', 'review-2']);
    const changed = await call('PUT', `/api/settings/policies/${policy.id}`, 'head', {
      ...added.body.record,
      approvedOn: '2026-11-20',
      version: policy.version,
    });
    expect(changed.status).toBe(200);
    expect(
      changed.body.record.approvals.map((approval: { approvedOn: string; recordedByName: string }) => [
        approval.approvedOn,
        approval.recordedByName,
      ]),
    ).toEqual([
      ['2026-10-01', 'Lynne Robbins'],
      ['2026-11-20', 'Adele Vance'],
    ]);
    const stale = await call('PUT', `/api/settings/policies/${policy.id}`, 'admin', {
      ...added.body.record,
      approvedOn: '',
      retired: true,
      version: policy.version,
    });
    expect(stale.status).toBe(409);
    expect((await t.app.stores.policies.get(policy.id))!.retiredOn).toBeUndefined();
    const duplicate = await call('POST', '/api/settings/policies', 'admin', {
      title: 'online safety policy (2026)',
      owner: 'x',
      approvedOn: '',
      reviews: [],
    });
    expect(duplicate.body.errors).toEqual({ title: 'There is already a policy called "online safety policy (2026)" in the register.' });
  });

  it('imports term dates from a CSV: a preview first (nothing saved), then the save; a file with a wrong line saves nothing', async () => {
    const csv =
      'Name,Start,End,Type\nAutumn term,02/09/2028,15/12/2028,term\nHalf term,23/10/2028,27/10/2028,closure\nSpring term,03/01/2029,29/03/2029,term';
    const before = (await settings()).termDates as { version: number; years: string[] };
    expect(before.years).toEqual(['2025-26', '2026-27', '2027-28']);
    const preview = await call('POST', '/api/settings/term-dates/import', 'admin', { csv });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      preview: { years: ['2028-29'], replacing: 0, entries: [{ name: 'Autumn term' }, { name: 'Half term' }, { name: 'Spring term' }] },
      version: before.version,
    });
    expect((await settings()).termDates.years).toEqual(before.years);

    const broken = await call('POST', '/api/settings/term-dates/import', 'admin', {
      csv: csv.replace('27/10/2028', '32/10/2028'),
      apply: true,
      version: before.version,
    });
    expect(broken).toEqual({
      status: 422,
      body: {
        error: expect.stringContaining('Nothing was saved'),
        problems: [{ line: 3, message: expect.stringContaining('"32/10/2028" is not a date') }],
      },
    });

    const saved = await call('POST', '/api/settings/term-dates/import', 'admin', { csv, apply: true, version: before.version });
    expect(saved.status).toBe(200);
    expect((await settings()).termDates.years).toEqual(['2025-26', '2026-27', '2027-28', '2028-29']);
    const again = await call('POST', '/api/settings/term-dates/import', 'head', { csv, apply: true, version: before.version });
    expect(again.status).toBe(409);
    const audit = await t.app.stores.audit.forRecord('termDates', saved.body.record.id);
    expect(audit.at(-1)).toMatchObject({
      actorName: 'Lynne Robbins',
      summary:
        'Term dates imported from a CSV file for 2028-29 (3 lines, replacing 0); added: Autumn term 2028-09-02 to 2028-12-15, Spring term 2029-01-03 to 2029-03-29, Half term 2028-10-23 to 2028-10-27',
    });
  });

  it('saves term dates typed on the page, with each problem next to its line and field', async () => {
    const current = (await settings()).termDates as {
      version: number;
      entries: { kind: string; name: string; start: string; end: string }[];
    };
    const entries = [...current.entries, { kind: 'term', name: 'Summer term', start: '2029-03-20', end: '2029-07-20' }];
    const refused = await call('PUT', '/api/settings/term-dates', 'head', { entries, version: current.version });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual({
      [`entries.${entries.length - 1}.start`]: 'Overlaps the term "Spring term" (3 January 2029 to 29 March 2029).',
    });
    entries[entries.length - 1]!.start = '2029-04-16';
    const saved = await call('PUT', '/api/settings/term-dates', 'head', { entries, version: current.version });
    expect(saved.status).toBe(200);
    const history = (await t.app.stores.audit.forRecord('termDates', saved.body.record.id)).map((entry) => entry.summary);
    expect(history.at(-1)).toMatch(/; added: Summer term 2029-04-16 to 2029-07-20$/);
  });

  it('adds a requirement for governors (s.2), which the online safety lead then sees for each governor', async () => {
    const added = await call('POST', '/api/settings/training-requirements', 'lead', {
      title: 'Online safety for governors',
      audience: 'staff',
      roles: ['governor', 'chairOfGovernors'],
      frequency: 'every',
      months: 12,
      policy: 's.2',
    });
    expect(added.status).toBe(201);
    expect(added.body.record).toMatchObject({ requirementId: 'online-safety-for-governors', rule: { kind: 'every', months: 12 } });
    const training = (await call('GET', '/api/training', 'lead')).body as {
      rows: { requirementId: string; subjectName: string; group: string }[];
    };
    expect(
      training.rows.filter((row) => row.requirementId === 'online-safety-for-governors').map((row) => [row.subjectName, row.group]),
    ).toEqual([
      ['Linda Davis', 'Governor, Chair of governors'],
      ['Mark Green', 'Governor, Chair of governors'],
    ]);
    const changed = await call('PUT', `/api/settings/training-requirements/${added.body.record.id}`, 'head', {
      ...added.body.record,
      frequency: 'every',
      months: 24,
    });
    expect(changed.status).toBe(200);
    const history = (await t.app.stores.audit.forRecord('trainingRequirement', added.body.record.id)).map((entry) => entry.summary);
    expect(history).toContain(
      'Training requirement changed: Online safety for governors: rule {"kind":"every","months":12} → {"kind":"every","months":24}',
    );
    const retired = await call('PUT', `/api/settings/training-requirements/${added.body.record.id}`, 'head', {
      ...changed.body.record,
      frequency: 'every',
      months: 24,
      retired: true,
    });
    expect(retired.status).toBe(200);
    const after = (await call('GET', '/api/training', 'lead')).body as { rows: { requirementId: string }[] };
    expect(after.rows.some((row) => row.requirementId === 'online-safety-for-governors')).toBe(false);
  });

  it('lets the online safety lead see the page but change only the training requirements', async () => {
    expect((await settings('lead')).can).toEqual({ school: false, policies: false, termDates: false, trainingRequirements: true });
    const school = (await settings('lead')).school as Stored;
    expect(
      (await call('PUT', '/api/settings/school', 'lead', { name: 'Not allowed', contactForAccess: 'x', version: school.version })).status,
    ).toBe(403);
  });

  it('refuses a teacher the page and every change, and audits each refusal', async () => {
    expect((await call('GET', '/api/settings', 'teacher')).status).toBe(403);
    expect((await call('PUT', '/api/settings/term-dates', 'teacher', { entries: [] })).status).toBe(403);
    expect(
      (await call('POST', '/api/settings/training-requirements', 'teacher', { title: 'x', audience: 'parents', frequency: 'termly' }))
        .status,
    ).toBe(403);
    const refusals = (await t.app.stores.audit.page({ limit: 1000 })).items.filter(
      (entry) => entry.actorId === ids.teacher && entry.action.startsWith('settings.'),
    );
    expect(refusals.map((entry) => entry.action)).toEqual([
      'settings.view.denied',
      'settings.termDates.denied',
      'settings.trainingRequirements.denied',
    ]);
  });

  it('names the senior leader and the governor for filtering and monitoring, audited, and clears them when emptied', async () => {
    const school = (await settings()).school as Stored & { name: string; contactForAccess: string };
    const named = await call('PUT', '/api/settings/school', 'head', {
      name: school.name,
      contactForAccess: school.contactForAccess,
      filteringLead: 'Adele Vance (headteacher)',
      filteringGovernor: 'Mark Green',
      version: school.version,
    });
    expect(named.status).toBe(200);
    expect((await settings('admin')).school).toMatchObject({ filteringLead: 'Adele Vance (headteacher)', filteringGovernor: 'Mark Green' });
    const audit = await t.app.stores.audit.forRecord('school', school.id);
    expect(audit.map((entry) => entry.summary)).toContainEqual(
      'School details changed: senior leader for filtering and monitoring none → "Adele Vance (headteacher)"; governor for filtering and monitoring none → "Mark Green"',
    );
    const emptied = await call('PUT', '/api/settings/school', 'head', {
      name: school.name,
      contactForAccess: school.contactForAccess,
      filteringLead: '',
      filteringGovernor: '',
      version: named.body.record.version,
    });
    expect(emptied.status).toBe(200);
    expect((await settings()).school).not.toHaveProperty('filteringLead');
    const tooLong = await call('PUT', '/api/settings/school', 'head', {
      name: school.name,
      contactForAccess: school.contactForAccess,
      filteringGovernor: 'x'.repeat(121),
      version: emptied.body.record.version,
    });
    expect([tooLong.status, tooLong.body.errors]).toEqual([
      422,
      { filteringGovernor: 'Governor for filtering and monitoring must be 120 characters or fewer.' },
    ]);
  });
});
