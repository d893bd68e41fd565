/**
 * A leaver's safeguarding file through the tabs' API, on both stores: the pupil import marks a
 * pupil linked to a concern as left and the DSL has a task; the file comes as a PDF (other pupils
 * "another pupil", their parts kept, named nowhere in the free text) and as a zip (the PDF, the
 * evidence of the pupil's incidents, a manifest); the transfer is recorded once — the second of two
 * DSLs is told — and the pupil's record says where the file went. Only the DSL and the deputies,
 * and the chair of governors for concerns about the headteacher.
 */
import AdmZip from 'adm-zip';
import { readAll } from '../../../bot/src/app/read-all';
import { incident } from '../../contract/incident-contract';
import { linkKey, type LinkRole } from '../../../bot/src/domain/incidents/incident-people';
import { incidentReference } from '../../../bot/src/domain/incidents/incident';
import { demoSchoolWithout } from '../../fixtures/pupil-files';
import { pngImage } from '../../fixtures/media-files';
import { pdfText } from '../../fixtures/pdf-text';
import { TestApp, type StoreKind } from '../../fixtures/test-app';
import type { TransferListJson } from '../../../bot/src/contracts/incidents';

describe.each<StoreKind>(['sqlite', 'sharepoint'])("a leaver's safeguarding file (%s)", (store) => {
  let t: TestApp;
  const who = new Map<string, string>();
  const pupils = new Map<string, { id: string; displayName: string; className: string; yearGroup: string }>();
  const ids = { bullying: '', aboutHead: '', other: '' };
  let headAndDsl = '';

  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    for (const pupil of (await t.app.stores.pupils.find({ limit: 100 })).items) pupils.set(pupil.displayName, pupil);
    headAndDsl = (await t.app.stores.people.insert({ displayName: 'Dana Price', roles: ['staff', 'headteacher', 'dsl'] })).id;
    const link = async (incidentId: string, name: string, role: LinkRole) => {
      const pupil = pupils.get(name)!;
      await t.app.stores.incidentLinks.insert({
        incidentId,
        kind: 'pupil',
        linkKey: linkKey(incidentId, 'pupil', pupil.id),
        pupilId: pupil.id,
        name,
        className: pupil.className,
        yearGroup: pupil.yearGroup,
        role,
        linked: true,
        updatedAt: t.clock.now().toISOString(),
      });
    };
    ids.bullying = (
      await t.app.stores.incidents.insert(
        incident({
          category: 'cyberbullying',
          involved: 'pupil',
          whatHappened: 'Zain Ahmed sent Amelia Khan unkind messages; Oliver Bennett saw them',
          assigneeId: who.get('Patti Fernandez'),
        }),
      )
    ).id;
    ids.aboutHead = (
      await t.app.stores.incidents.insert(
        incident({
          involved: 'headteacher',
          aboutHeadteacher: true,
          routedTo: 'chairOfGovernors',
          assigneeId: who.get('Linda Davis'),
          whatHappened: 'About the head: shouted at a pupil online',
        }),
      )
    ).id;
    ids.other = (await t.app.stores.incidents.insert(incident({ whatHappened: 'Only about Freya Jones' }))).id;
    await link(ids.bullying, 'Amelia Khan', 'affected');
    await link(ids.bullying, 'Zain Ahmed', 'causedHarm');
    await link(ids.aboutHead, 'Amelia Khan', 'witness');
    await link(ids.other, 'Freya Jones', 'affected');
    await t.app.stores.incidentChronology.append({
      incidentId: ids.bullying,
      at: '2026-11-20T11:00:00.000Z',
      byId: 'x',
      byName: 'Patti Fernandez',
      kind: 'action',
      text: 'Spoke to Zain and to Amelia; Zain Ahmed (pupil, 4B) apologised',
    });
    // Classmates on the roster, linked to nothing, named by first name only; and a parent linked by name.
    await t.app.stores.incidentChronology.append({
      incidentId: ids.bullying,
      at: '2026-11-20T12:00:00.000Z',
      byId: 'x',
      byName: 'Patti Fernandez',
      kind: 'action',
      text: 'Leo pushed him; noah saw it; they may tell Grace',
    });
    await t.app.stores.incidentLinks.insert({
      incidentId: ids.bullying,
      kind: 'other',
      linkKey: linkKey(ids.bullying, 'other', 'mrs murphy'),
      name: "Mrs Murphy (Leo's mother)",
      role: 'witness',
      linked: true,
      updatedAt: t.clock.now().toISOString(),
    });
    await t.app.stores.incidentChronology.append({
      incidentId: ids.bullying,
      at: '2026-11-20T13:00:00.000Z',
      byId: 'x',
      byName: 'Patti Fernandez',
      kind: 'action',
      text: "Linked Mrs Murphy (Leo's mother) (named) as witness; Mrs Murphy phoned",
    });
    const upload = await fetch(`${t.app.url}/api/incidents/${ids.bullying}/evidence`, {
      method: 'POST',
      headers: {
        ...as('Patti Fernandez'),
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Zain Ahmed messages.png'),
      },
      body: pngImage(),
    });
    expect(upload.status).toBe(201);
    const second = await fetch(`${t.app.url}/api/incidents/${ids.bullying}/evidence`, {
      method: 'POST',
      headers: {
        ...as('Patti Fernandez'),
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Noah phone.png'),
      },
      body: pngImage(),
    });
    expect(second.status).toBe(201);
  }, 60_000);
  afterAll(() => t.stop());

  function as(name: string): Record<string, string> {
    return { 'x-demo-person': who.get(name) ?? name };
  }
  const get = (name: string, path: string) => fetch(`${t.app.url}${path}`, { headers: as(name) });
  const list = async (name = 'Patti Fernandez') => (await (await get(name, '/api/incidents/transfers')).json()) as TransferListJson;
  const record = (name: string, pupilId: string, body: object) =>
    fetch(`${t.app.url}/api/incidents/transfers/${pupilId}/sent`, {
      method: 'POST',
      headers: { ...as(name), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** The school's file from the MIS, without the pupils who have left. */
  async function importWithout(...leavers: string[]) {
    const csv = demoSchoolWithout(...leavers);
    const started = await fetch(`${t.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { ...as('Lynne Robbins'), 'content-type': 'application/json' },
      body: JSON.stringify({ csv, apply: true }),
    });
    expect(started.status).toBe(202);
    const location = started.headers.get('location')!;
    for (;;) {
      const job = (await (await get('Lynne Robbins', location)).json()) as { state: string; result?: { status: string; counts: object } };
      if (job.state !== 'running') return job.result ?? job;
      await t.app.background.idle();
    }
  }

  it('gives the DSL a task when the import marks a pupil linked to a concern as left, and none for a leaver linked to nothing', async () => {
    expect((await list()).rows).toEqual([]);
    const job = await importWithout('Amelia Khan', 'Isla Nowak');
    expect(job).toEqual(expect.objectContaining({ status: 'imported', counts: expect.objectContaining({ leave: 2 }) }));
    const { rows, methods } = await list();
    expect(rows).toEqual([
      expect.objectContaining({
        pupilId: pupils.get('Amelia Khan')!.id,
        displayName: 'Amelia Khan',
        className: '4B',
        leftOn: t.today,
        status: 'toSend',
        incidents: 2,
        sent: null,
      }),
    ]);
    expect(methods.map((method) => method.value)).toEqual(['secureEmail', 'cpoms', 'myConcern', 'byHand', 'recordedDelivery']);
    // Importing the same file again makes no second task.
    await importWithout('Amelia Khan', 'Isla Nowak');
    expect((await list()).rows).toHaveLength(1);
  });

  it('gives the DSL a task when a pupil who has left is linked to an earlier incident', async () => {
    const isla = pupils.get('Isla Nowak')!.id;
    expect((await list()).rows.map((row) => row.pupilId)).not.toContain(isla);
    const seen = ((await (await get('Patti Fernandez', `/api/incidents/${ids.other}`)).json()) as { incident: { version: number } })
      .incident.version;
    const linked = await fetch(`${t.app.url}/api/incidents/${ids.other}/steps`, {
      method: 'POST',
      headers: { ...as('Patti Fernandez'), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'link', who: { pupilId: isla }, role: 'witness', version: seen }),
    });
    expect(linked.status).toBe(201);
    expect((await list()).rows.find((row) => row.pupilId === isla)).toEqual(
      expect.objectContaining({ displayName: 'Isla Nowak', status: 'toSend', incidents: 1 }),
    );
  });

  it('produces the PDF: her incidents and chronology, other pupils as "another pupil" with their part, and nobody else named', async () => {
    const amelia = pupils.get('Amelia Khan')!.id;
    const response = await get('Sam Okafor', `/api/incidents/transfers/${amelia}/file.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="safeguarding-file-${amelia}-${t.today}.pdf"`);
    const { title, pages } = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(title).toBe('Safeguarding file - Amelia Khan');
    const text = pages.flat().join(' ');
    expect(text).toContain('Safeguarding file: Amelia Khan');
    expect(text).toContain(`${incidentReference(ids.bullying)} - Cyberbullying`);
    expect(text).toContain(`${incidentReference(ids.aboutHead)} - `);
    expect(text).toContain("Amelia Khan's part: affected");
    expect(text).toContain('another pupil sent Amelia Khan unkind messages; another pupil saw them');
    expect(text).toContain('- another pupil (pupil): alleged to have caused harm');
    expect(text).toContain('Spoke to another pupil and to Amelia; another pupil apologised');
    expect(text).toMatch(/- another pupil messages\.png \(PNG image, \d+ KB\), added .* by Patti Fernandez/);
    expect(text).toContain('another pupil pushed him; another pupil saw it; they may tell another pupil');
    expect(text).toContain('- someone outside school: witness');
    expect(text).toContain('Linked someone outside school (named) as witness; someone outside school phoned');
    expect(text).toMatch(/- another pupil phone\.png \(PNG image/);
    expect(text).not.toMatch(/\b(Zain|Ahmed|Oliver|Bennett|Freya|Leo|Noah|Grace|Murphy)\b/);
    expect(text).not.toContain(incidentReference(ids.other));
  });

  it('produces the zip: the PDF, a manifest, and the evidence of her incidents, each under its incident', async () => {
    const amelia = pupils.get('Amelia Khan')!.id;
    const response = await get('Patti Fernandez', `/api/incidents/transfers/${amelia}/file.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = new AdmZip(Buffer.from(await response.arrayBuffer()));
    const names = zip.getEntries().map((entry) => entry.entryName);
    expect(names).toEqual([
      `safeguarding-file-${amelia}-${t.today}.pdf`,
      'manifest.txt',
      expect.stringMatching(new RegExp(`^evidence/${incidentReference(ids.bullying)}/[\\w-]+-another-pupil-messages\\.png$`)),
      expect.stringMatching(new RegExp(`^evidence/${incidentReference(ids.bullying)}/[\\w-]+-another-pupil-phone\\.png$`)),
    ]);
    expect(zip.readFile(names[2]!)!.equals(pngImage())).toBe(true);
    expect(pdfText(zip.readFile(names[0]!)!).pages.flat().join(' ')).toContain('Safeguarding file: Amelia Khan');
    const manifest = zip.readAsText('manifest.txt');
    expect(manifest).toContain(`${names[2]} - ${incidentReference(ids.bullying)}: another pupil messages.png (PNG image`);
    expect(manifest).toContain(`${names[3]} - ${incidentReference(ids.bullying)}: another pupil phone.png (PNG image`);
    expect(manifest).not.toMatch(/\b(Zain|Ahmed|Noah)\b/);
  });

  it('leaves out what the producer may not see without a trace: a DSL who is also the headteacher learns nothing of a concern about them', async () => {
    const amelia = pupils.get('Amelia Khan')!.id;
    const row = (await list(headAndDsl)).rows.find((one) => one.displayName === 'Amelia Khan');
    expect(row).toEqual(expect.objectContaining({ incidents: 1 }));
    expect(Object.keys(row!)).not.toContain('leftOut');
    const response = await get(headAndDsl, `/api/incidents/transfers/${amelia}/file.pdf`);
    expect([...response.headers.keys()].filter((name) => /left|withheld|hidden/i.test(name))).toEqual([]);
    const text = pdfText(Buffer.from(await response.arrayBuffer()))
      .pages.flat()
      .join(' ');
    expect(text).not.toContain(incidentReference(ids.aboutHead));
    expect(text).not.toContain('About the head');
    expect(text).not.toMatch(/not in this file|may not see them/);
    // Every file says whose the rest are, whatever the pupil's record holds and whoever produces it.
    const plainDsl = await get('Patti Fernandez', `/api/incidents/transfers/${amelia}/file.pdf`);
    const sentence = 'A headteacher never sees a concern about themselves';
    expect(text).toContain(sentence);
    expect(
      pdfText(Buffer.from(await plainDsl.arrayBuffer()))
        .pages.flat()
        .join(' '),
    ).toContain(sentence);
  });

  it('lets the chair of governors send on what concerns the headteacher (s.8), and nothing else', async () => {
    const amelia = pupils.get('Amelia Khan')!.id;
    expect((await list('Linda Davis')).rows).toEqual([expect.objectContaining({ pupilId: amelia, incidents: 1 })]);
    const response = await get('Linda Davis', `/api/incidents/transfers/${amelia}/file.pdf`);
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()))
      .pages.flat()
      .join(' ');
    expect(text).toContain(`${incidentReference(ids.aboutHead)} - `);
    expect(text).not.toContain(incidentReference(ids.bullying));
    expect(text).not.toContain('unkind messages');
    // Isla's only concern is not about the headteacher: not the chair's to see, so not there.
    const isla = pupils.get('Isla Nowak')!.id;
    expect((await get('Linda Davis', `/api/incidents/transfers/${isla}/file.pdf`)).status).toBe(404);
  });

  it.each(['Adele Vance', 'Lynne Robbins', 'Megan Bowen', 'Alex Wilber'])('refuses %s the list, the file and the record', async (name) => {
    const amelia = pupils.get('Amelia Khan')!.id;
    expect((await get(name, '/api/incidents/transfers')).status).toBe(403);
    expect((await get(name, `/api/incidents/transfers/${amelia}/file.pdf`)).status).toBe(403);
    expect((await get(name, `/api/incidents/transfers/${amelia}/file.zip`)).status).toBe(403);
    expect(
      (await record(name, amelia, { on: t.today, toSchool: 'Oakfield', toDsl: 'Jo Baxter', how: 'secureEmail', version: 1 })).status,
    ).toBe(403);
  });

  it('refuses a transfer recorded with something missing, saying what, and changes nothing', async () => {
    const row = (await list()).rows.find((one) => one.displayName === 'Amelia Khan')!;
    const response = await record('Patti Fernandez', row.pupilId, {
      on: '2026-11-25',
      toSchool: ' ',
      toDsl: 'Jo Baxter',
      how: 'post',
      version: row.version,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fields: string[]; problems: Record<string, string> };
    expect(body.fields.sort()).toEqual(['how', 'on', 'toSchool']);
    expect(body.problems.on).toBe('The date it was sent cannot be in the future.');
    expect((await list()).rows.find((one) => one.pupilId === row.pupilId)!.status).toBe('toSend');
  });

  it("records it sent once: the second of two DSLs is told who recorded it, and the pupil's record says where it went", async () => {
    const row = (await list()).rows.find((one) => one.displayName === 'Amelia Khan')!;
    const first = await record('Patti Fernandez', row.pupilId, {
      on: t.today,
      toSchool: 'Oakfield Academy',
      toDsl: 'Jo Baxter',
      how: 'secureEmail',
      version: row.version,
    });
    expect(first.status).toBe(200);
    const second = await record('Sam Okafor', row.pupilId, {
      on: t.today,
      toSchool: 'Elm Park School',
      toDsl: 'Raj Patel',
      how: 'byHand',
      version: row.version,
    });
    expect(second.status).toBe(409);
    const stale = (await second.json()) as { error: string; detail: { status: string } };
    expect(stale.error).toContain('Patti Fernandez recorded it sent on');
    expect(stale.detail.status).toBe('sent');
    expect((await list()).rows.find((one) => one.pupilId === row.pupilId)).toEqual(
      expect.objectContaining({
        status: 'sent',
        sent: expect.objectContaining({
          on: t.today,
          toSchool: 'Oakfield Academy',
          toDsl: 'Jo Baxter',
          howLabel: 'Secure (encrypted) email',
          recordedByName: 'Patti Fernandez',
        }),
      }),
    );
    const chronology = (await (await get('Patti Fernandez', `/api/incidents/pupils/${row.pupilId}`)).json()) as {
      transfer: { status: string; sent: { toSchool: string } };
    };
    expect(chronology.transfer).toEqual({
      status: 'sent',
      sent: { on: t.today, toSchool: 'Oakfield Academy', toDsl: 'Jo Baxter', howLabel: 'Secure (encrypted) email' },
    });
    // The headteacher's view of her chronology does not say a file went.
    expect(
      ((await (await get('Adele Vance', `/api/incidents/pupils/${row.pupilId}`)).json()) as { transfer: unknown }).transfer,
    ).toBeNull();
  });

  it('audits producing and recording by the pupil, never with her name or the school', async () => {
    const entries = (await readAll((cursor) => t.app.stores.audit.page({ limit: 500, ...(cursor ? { cursor } : {}) }))).filter((entry) =>
      entry.action.startsWith('incident.transfer'),
    );
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set(['incident.transfer.produced', 'incident.transfer.recorded', 'incident.transfer.denied']),
    );
    expect(JSON.stringify(entries)).not.toMatch(/Amelia|Khan|Oakfield|Jo Baxter/);
  });

  it('lists no leaver, makes no file and takes no record for a headteacher-DSL whose only concern about the pupil is about them', async () => {
    // A pupil linked to no incident yet, then only to the concern about the headteacher.
    const linked = new Set((await t.app.stores.incidentLinks.find({ limit: 500 })).items.map((one) => one.pupilId));
    const mia = [...pupils.values()].find((pupil) => !linked.has(pupil.id) && !/Amelia|Zain|Isla|Freya|Oliver/.test(pupil.displayName))!;
    await t.app.stores.incidentLinks.insert({
      incidentId: ids.aboutHead,
      kind: 'pupil',
      linkKey: linkKey(ids.aboutHead, 'pupil', mia.id),
      pupilId: mia.id,
      name: mia.displayName,
      className: mia.className,
      yearGroup: mia.yearGroup,
      role: 'witness',
      linked: true,
      updatedAt: t.clock.now().toISOString(),
    });
    const task = await t.app.stores.pupilTransfers.insert({
      pupilId: mia.id,
      status: 'toSend',
      leftOn: '2026-11-20',
      createdAt: t.clock.now().toISOString(),
      updatedAt: t.clock.now().toISOString(),
    });
    // The DSL sees a concern about the headteacher, so the leaver is theirs to send on.
    expect((await list('Patti Fernandez')).rows.map((row) => row.displayName)).toContain(mia.displayName);
    for (const person of [headAndDsl]) {
      expect((await list(person)).rows.map((row) => row.displayName)).not.toContain(mia.displayName);
      expect((await get(person, `/api/incidents/transfers/${mia.id}/file.pdf`)).status).toBe(404);
      expect((await get(person, `/api/incidents/transfers/${mia.id}/file.zip`)).status).toBe(404);
      const sent = await record(person, mia.id, {
        on: '2026-11-24',
        toSchool: 'Oakfield',
        toDsl: 'Jo Baxter',
        how: 'secureEmail',
        version: task.version,
      });
      expect(sent.status).toBe(404);
    }
  });
});
