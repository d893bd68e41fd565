/**
 * The policy library through the tabs' API, on both stores: the headteacher publishes a version
 * (its document judged by its bytes), everyone the school added opens the version in force, those
 * who must read it are asked through the outbox and sign it once, and the online safety lead and
 * the headteacher see who has and has not (and export it). Earlier versions and approvals stay.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_LIBRARY } from '../../../bot/src/adapters/graph/sharepoint/lists';
import type { PolicyLibrary, PolicyVersionView, TellingView, VersionReaders } from '../../../bot/src/contracts/policy-library';
import { officeDocument, pdfDocument, program } from '../../fixtures/media-files';
import { SITE_ID } from '../../fixtures/sharepoint-site';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const DETAILS = {
  number: '3',
  approvedOn: '2026-11-20',
  changes: 'Section 4: photos and videos only on school devices the online safety lead approved.',
  mustRead: 'staff',
};

/** Everyone in the demo school who holds the staff role (the governors do not). */
const STAFF = [
  'Adele Vance',
  'Alex Wilber',
  'Isaiah Langer',
  'Lynne Robbins',
  'Megan Bowen',
  'Patti Fernandez',
  'Priya Shah',
  'Sam Okafor',
  "Tom O'Neill",
];

describe.each<StoreKind>(['sqlite', 'sharepoint'])('the policy library (%s)', (store) => {
  let t: TestApp;
  let policyId: string;
  const who = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    policyId = (await t.app.stores.policies.find({ limit: 50 })).items.find((policy) => policy.title === 'Social Media Policy')!.id;
  }, 60_000);
  afterAll(() => t.stop());

  const as = (name: string) => ({ 'x-demo-person': who.get(name)! });
  const publish = (name: string, file: string, bytes: Buffer, details: object = DETAILS, policy = policyId) =>
    fetch(`${t.app.url}/api/policy-library/${policy}/versions`, {
      method: 'POST',
      headers: {
        ...as(name),
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file),
        'x-version-details': encodeURIComponent(JSON.stringify(details)),
      },
      body: bytes,
    });
  const library = async (name: string) =>
    (await (await fetch(`${t.app.url}/api/policy-library`, { headers: as(name) })).json()) as PolicyLibrary;
  const sign = (name: string, versionId: string) =>
    fetch(`${t.app.url}/api/policy-library/versions/${versionId}/read`, { method: 'POST', headers: as(name) });
  const readers = (name: string, versionId: string, csv = false) =>
    fetch(`${t.app.url}/api/policy-library/versions/${versionId}/readers${csv ? '.csv' : ''}`, { headers: as(name) });
  const storedFiles = () =>
    store === 'sqlite' ? readdirSync(join(t.dataFolder, 'policies')) : t.graph!.driveItemNames(SITE_ID, POLICY_LIBRARY.displayName);
  let published: PolicyVersionView;

  it('publishes a version: in force in the library for everyone, with its approval added to the register and the earlier one kept', async () => {
    const document = pdfDocument('Social Media Policy version 3');
    const response = await publish('Adele Vance', 'Social Media Policy v3.pdf', document);
    expect(response.status).toBe(201);
    published = ((await response.json()) as { version: PolicyVersionView }).version;
    expect(published).toEqual(
      expect.objectContaining({
        number: '3',
        approvedOn: '2026-11-20',
        approvedByName: 'Adele Vance',
        mustRead: 'staff',
        file: { name: 'Social Media Policy v3.pdf', format: 'pdf', bytes: document.length },
      }),
    );
    expect(storedFiles()).toHaveLength(1);

    const policy = (await t.app.stores.policies.get(policyId))!;
    expect(policy.approvals.map((approval) => [approval.approvedOn, approval.note])).toEqual([
      ['2022-10-11', 'Entered in School settings'],
      ['2026-11-20', 'Version 3 published'],
    ]);

    for (const name of ['Mark Green', 'Alex Wilber']) {
      const entry = (await library(name)).entries.find((candidate) => candidate.policy.id === policyId)!;
      expect([name, entry.versions[0]!.number, entry.mine.mustRead]).toEqual([name, '3', name === 'Alex Wilber']);
      const opened = await fetch(`${t.app.url}/api/policy-library/versions/${published.id}/file`, { headers: as(name) });
      expect(opened.status).toBe(200);
      expect(opened.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await opened.arrayBuffer()).equals(document)).toBe(true);
    }
  });

  it('asks every member of staff to read it through the outbox, once each, and nobody else', async () => {
    await t.app.background.idle();
    const asked = (await t.app.stores.outbox.find({ where: { run: `policy-version ${published.id}` }, limit: 50 })).items;
    expect(asked.map((entry) => entry.personName).sort()).toEqual(STAFF);
    expect(new Set(asked.map((entry) => entry.key)).size).toBe(STAFF.length);
    expect(asked[0]!.message).toEqual(expect.objectContaining({ title: 'Please read the Social Media Policy (version 3)' }));
  });

  it('refuses what is not a PDF or Word document, a number used before, an approval before the one in force, or a date to come: nothing is stored', async () => {
    const before = storedFiles();
    const refusals: [string, Buffer, object, RegExp][] = [
      ['policy.exe', program(), { ...DETAILS, number: '4' }, /not a PDF or Word document/],
      ['budget.xlsx', officeDocument('xlsx'), { ...DETAILS, number: '4' }, /not a Word document/],
      ['again.pdf', pdfDocument(), DETAILS, /already has a version 3/],
      ['older.pdf', pdfDocument(), { ...DETAILS, number: '2.9', approvedOn: '2025-01-10' }, /approved on 2026-11-20/],
      ['later.pdf', pdfDocument(), { ...DETAILS, number: '4', approvedOn: '2026-12-01' }, /cannot be in the future/],
      ['empty details.pdf', pdfDocument(), {}, /Version number/],
    ];
    for (const [name, bytes, details, says] of refusals) {
      const response = await publish('Adele Vance', name, bytes, details);
      expect([name, response.status]).toEqual([name, 422]);
      expect((await response.json()) as { error: string }).toEqual(expect.objectContaining({ error: expect.stringMatching(says) }));
    }
    expect(storedFiles()).toEqual(before);
    expect((await publish('Megan Bowen', 'mine.pdf', pdfDocument(), { ...DETAILS, number: '4' })).status).toBe(403);
    expect((await publish('Adele Vance', 'nowhere.pdf', pdfDocument(), { ...DETAILS, number: '4' }, '999999')).status).toBe(404);
  });

  it('records "read and understood" once, signed with name and time, and shows the lead who has and has not (also as CSV)', async () => {
    const signed = await sign('Alex Wilber', published.id);
    expect(signed.status).toBe(200);
    const { readAt } = (await signed.json()) as { readAt: string };
    expect(readAt).toBe(t.clock.now().toISOString());
    expect(((await (await sign('Alex Wilber', published.id)).json()) as { readAt: string }).readAt).toBe(readAt);
    expect((await library('Alex Wilber')).entries.find((entry) => entry.policy.id === policyId)!.mine).toEqual({ mustRead: true, readAt });
    // A governor need not read a version for staff, and cannot sign it.
    expect((await sign('Mark Green', published.id)).status).toBe(409);

    const answer = (await (await readers('Megan Bowen', published.id)).json()) as VersionReaders;
    expect(answer.read).toEqual([{ personId: who.get('Alex Wilber'), name: 'Alex Wilber', at: readAt }]);
    expect(answer.notYet.map((person) => person.name)).toEqual(STAFF.filter((name) => name !== 'Alex Wilber'));
    const csv = await (await readers('Adele Vance', published.id, true)).text();
    expect(csv).toContain(`"Alex Wilber","Read and understood","${readAt}"`);
    expect(csv).toContain('"Priya Shah","Not yet",""');
    expect((await readers('Alex Wilber', published.id)).status).toBe(403);
  });

  it('keeps the earlier version when a Word document becomes the version in force; only the new one can be signed', async () => {
    const response = await publish('Adele Vance', 'Social Media Policy v4', officeDocument('docx'), {
      ...DETAILS,
      number: '4',
      mustRead: 'staffAndGovernors',
      approvedOn: '2026-11-24',
    });
    expect(response.status).toBe(201);
    const next = ((await response.json()) as { version: PolicyVersionView }).version;
    expect(next.file.format).toBe('docx');
    const entry = (await library('Mark Green')).entries.find((candidate) => candidate.policy.id === policyId)!;
    expect(entry.versions.map((version) => version.number)).toEqual(['4', '3']);
    expect(entry.mine).toEqual({ mustRead: true });
    expect((await sign('Priya Shah', published.id)).status).toBe(409);
    expect((await sign('Mark Green', next.id)).status).toBe(200);
  });

  it('confirms the version in force when a review keeps the policy as it was: its approval date stays, and staff are not told it changed', async () => {
    const review = await fetch(`${t.app.url}/api/policies/${policyId}/review`, {
      method: 'POST',
      headers: { ...as('Adele Vance'), 'content-type': 'application/json' },
      body: JSON.stringify({ reviewId: 'review-2', reviewedOn: '2026-11-24' }),
    });
    expect(review.status).toBe(200);
    expect(((await review.json()) as { staffTold: boolean }).staffTold).toBe(false);
    await t.app.background.idle();
    // s.12 asks that changes are communicated: a review that changed nothing sends nobody a notice.
    expect((await t.app.stores.outbox.find({ where: { run: `policy-changed ${policyId} review-2 2026-11-24` }, limit: 50 })).items).toEqual(
      [],
    );
    const [current, earlier] = (await library('Alex Wilber')).entries.find((entry) => entry.policy.id === policyId)!.versions;
    expect(current).toEqual(
      expect.objectContaining({
        number: '4',
        approvedOn: '2026-11-24',
        confirmations: [{ on: '2026-11-24', note: 'Reviewed: Governing board', byName: 'Adele Vance' }],
      }),
    );
    expect(earlier).toEqual(expect.objectContaining({ number: '3', approvedOn: '2026-11-20', confirmations: [] }));
  });

  it("drafts the texts for pupils and parents from the summary of changes, keeps the headteacher's wording, and records when and how they were told", async () => {
    const version = (await library('Adele Vance')).entries.find((entry) => entry.policy.id === policyId)!.versions[0]!;
    const path = `${t.app.url}/api/policy-library/versions/${version.id}/telling`;
    const call = (name: string, method: string, suffix = '', body?: object) =>
      fetch(`${path}${suffix}`, {
        method,
        headers: { ...as(name), 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const draft = (await (await call('Adele Vance', 'GET')).json()) as TellingView;
    expect(draft).toEqual(expect.objectContaining({ drafted: true, sent: [] }));
    expect(draft.pupilsText).toBe(
      `Our school has changed its Social Media Policy. What is different: ${DETAILS.changes} If anything online ever worries or upsets you, tell a trusted adult at school.`,
    );
    expect(draft.parentsText).toContain('(version 4, approved on 24 November 2026)');

    const edited = await call('Adele Vance', 'PUT', '', {
      pupilsText: 'We only take photos on school tablets.',
      parentsText: 'Photos are only taken on school devices.',
    });
    expect(edited.status).toBe(200);
    expect((await call('Adele Vance', 'PUT', '', { pupilsText: '', parentsText: 'x' })).status).toBe(422);
    const told = await call('Adele Vance', 'POST', '/sent', { audience: 'parents', how: 'newsletter', on: '2026-11-24' });
    expect(told.status).toBe(201);
    expect((await call('Adele Vance', 'POST', '/sent', { audience: 'parents', how: 'carrier pigeon', on: '2026-11-24' })).status).toBe(422);
    expect((await call('Adele Vance', 'POST', '/sent', { audience: 'pupils', how: 'classLessons', on: '2026-12-01' })).status).toBe(422);
    const after = (await (await call('Adele Vance', 'GET')).json()) as TellingView;
    expect(after).toEqual(
      expect.objectContaining({
        drafted: false,
        pupilsText: 'We only take photos on school tablets.',
        parentsText: 'Photos are only taken on school devices.',
        editedByName: 'Adele Vance',
        sent: [{ audience: 'parents', how: 'newsletter', on: '2026-11-24', byName: 'Adele Vance' }],
      }),
    );
    expect((await call('Megan Bowen', 'GET')).status).toBe(403);
  });
});
