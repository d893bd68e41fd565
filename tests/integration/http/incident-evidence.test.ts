/**
 * Evidence on an incident through the tabs' API, on both stores: attached by people who may act on
 * the incident, judged by its bytes, listed in the chronology (who, when, name, size), opened only
 * by people who may see the incident, removed only by the DSL with a reason; a failed upload
 * leaves nothing behind.
 */
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_LIBRARY } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { incident } from '../../contract/incident-contract';
import { jpegPhoto, mp4Video, officeDocument, pdfDocument, pngImage, program } from '../../fixtures/media-files';
import { RECORDS_SITE_ID } from '../../fixtures/sharepoint-site';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

type Evidence = {
  id: string;
  name: string;
  label: string;
  bytes: number;
  addedByName: string;
  removed?: { reason: string; byName: string };
};
type Detail = {
  incident: { evidence: Evidence[] };
  chronology: { kind: string; text: string; byName: string }[];
  canRemoveEvidence: boolean;
};

describe.each<StoreKind>(['sqlite', 'sharepoint'])('evidence on an incident (%s)', (store) => {
  let t: TestApp;
  const who = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
  }, 60_000);
  afterAll(() => t.stop());

  const as = (name: string) => ({ 'x-demo-person': who.get(name)! });
  const upload = (name: string, id: string, file: string, bytes: Buffer) =>
    fetch(`${t.app.url}/api/incidents/${id}/evidence`, {
      method: 'POST',
      headers: { ...as(name), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file) },
      body: bytes,
    });
  const open = (name: string, id: string, fileId: string) =>
    fetch(`${t.app.url}/api/incidents/${id}/evidence/${fileId}`, { headers: as(name) });
  const remove = (name: string, id: string, fileId: string, reason: string) =>
    fetch(`${t.app.url}/api/incidents/${id}/evidence/${fileId}/remove`, {
      method: 'POST',
      headers: { ...as(name), 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
  const detail = async (id: string, name = 'Patti Fernandez') =>
    (await (await fetch(`${t.app.url}/api/incidents/${id}`, { headers: as(name) })).json()) as Detail;
  const add = async (overrides: Parameters<typeof incident>[0] = {}) =>
    (await t.app.stores.incidents.insert(incident({ assigneeId: who.get('Patti Fernandez'), ...overrides }))).id;
  const storedFiles = () =>
    store === 'sqlite'
      ? readdirSync(join(t.dataFolder, 'evidence'))
      : t.graph!.driveItemNames(RECORDS_SITE_ID, EVIDENCE_LIBRARY.displayName);

  it('attaches a screenshot, lists it in the chronology with who, name and size, and gives it back whole', async () => {
    const id = await add();
    const screenshot = pngImage();
    const response = await upload('Sam Okafor', id, 'Instagram comments.png', screenshot);
    expect(response.status).toBe(201);
    const { file } = (await response.json()) as { file: Evidence };
    expect(file).toEqual(
      expect.objectContaining({ name: 'Instagram comments.png', label: 'PNG image', bytes: screenshot.length, addedByName: 'Sam Okafor' }),
    );
    expect(file).not.toHaveProperty('storageKey');

    const after = await detail(id);
    expect(after.incident.evidence.map((one) => one.name)).toEqual(['Instagram comments.png']);
    const line = after.chronology.find((entry) => entry.kind === 'evidence')!;
    expect(line).toEqual(
      expect.objectContaining({
        byName: 'Sam Okafor',
        text: `Evidence added: Instagram comments.png (PNG image, ${Math.round(screenshot.length / 1024)} KB)`,
      }),
    );

    const opened = await open('Adele Vance', id, file.id);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/png');
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await opened.arrayBuffer()).equals(screenshot)).toBe(true);
  });

  it('takes PDF and Word documents by their content, and refuses anything else before storing it', async () => {
    const id = await add();
    expect((await upload('Patti Fernandez', id, 'letter from parent.pdf', pdfDocument())).status).toBe(201);
    const word = await upload('Patti Fernandez', id, 'statement', officeDocument('docx'));
    expect(word.status).toBe(201);
    expect(((await word.json()) as { file: Evidence }).file.label).toBe('Word document');
    const before = storedFiles();
    for (const [name, bytes] of [
      ['photo.png', program()],
      ['archive.docx', officeDocument('plain zip')],
      ['broken.jpg', jpegPhoto().subarray(0, 600)],
    ] as const) {
      const refused = await upload('Patti Fernandez', id, name, bytes);
      expect([name, refused.status]).toEqual([name, 422]);
    }
    expect(storedFiles()).toEqual(before);
    expect((await detail(id)).incident.evidence.map((one) => one.label)).toEqual(['PDF document', 'Word document']);
  });

  it('opens evidence only for people who may see the incident: never for the headteacher when the concern is about the headteacher', async () => {
    const id = await add({
      involved: 'headteacher',
      aboutHeadteacher: true,
      routedTo: 'chairOfGovernors',
      assigneeId: who.get('Linda Davis'),
    });
    const { file } = (await (await upload('Patti Fernandez', id, 'message.png', pngImage(40, 30))).json()) as { file: Evidence };
    const answers = await Promise.all(
      ['Patti Fernandez', 'Sam Okafor', 'Linda Davis', 'Adele Vance', 'Alex Wilber', 'Lynne Robbins'].map(async (name) => [
        name,
        (await open(name, id, file.id)).status,
      ]),
    );
    expect(Object.fromEntries(answers)).toEqual({
      'Patti Fernandez': 200,
      'Sam Okafor': 200,
      'Linda Davis': 200,
      'Adele Vance': 404,
      'Alex Wilber': 403,
      'Lynne Robbins': 404,
    });
    expect((await upload('Adele Vance', id, 'more.png', pngImage(40, 30))).status).toBe(404);
    expect((await detail(id)).incident.evidence).toHaveLength(1);
  });

  it('removes evidence only by the DSL, with a reason kept in the chronology; the file is gone from the store', async () => {
    const id = await add();
    const { file } = (await (await upload('Patti Fernandez', id, 'wrong pupil.jpg', jpegPhoto(32, 24))).json()) as { file: Evidence };
    const before = storedFiles().length;
    expect((await remove('Sam Okafor', id, file.id, 'Not about this incident')).status).toBe(403);
    expect((await remove('Adele Vance', id, file.id, 'Not about this incident')).status).toBe(403);
    expect((await remove('Patti Fernandez', id, file.id, '  ')).status).toBe(400);
    expect((await remove('Patti Fernandez', id, file.id, 'Attached to the wrong incident by mistake')).status).toBe(200);
    expect(storedFiles()).toHaveLength(before - 1);
    expect((await open('Patti Fernandez', id, file.id)).status).toBe(410);
    const after = await detail(id);
    expect(after.incident.evidence[0]!.removed).toEqual(
      expect.objectContaining({ byName: 'Patti Fernandez', reason: 'Attached to the wrong incident by mistake' }),
    );
    expect(after.chronology.filter((entry) => entry.kind === 'evidence').map((entry) => entry.text)).toEqual([
      expect.stringMatching(/^Evidence added: wrong pupil\.jpg \(JPEG photo, \d+ KB\)$/),
      expect.stringMatching(
        /^Evidence removed: wrong pupil\.jpg \(JPEG photo, \d+ KB\)\. Reason: Attached to the wrong incident by mistake$/,
      ),
    ]);
  });

  it('leaves nothing when the file store fails', async () => {
    const id = await add();
    const folder = join(t.dataFolder, 'evidence');
    const before = storedFiles();
    if (store === 'sqlite') {
      // A file where the evidence folder should be: every write fails, as on a full or broken disk.
      renameSync(folder, `${folder}.aside`);
      writeFileSync(folder, '');
    } else t.graph!.failUploadSessions(true);
    try {
      const failed = await upload('Patti Fernandez', id, 'recording.mp4', mp4Video(5 * 1024 * 1024));
      expect(failed.status).toBe(503);
      expect(((await failed.json()) as { error: string }).error).toMatch(/NOT attached/);
    } finally {
      if (store === 'sqlite') {
        rmSync(folder, { force: true });
        renameSync(`${folder}.aside`, folder);
      } else t.graph!.failUploadSessions(false);
    }
    expect(storedFiles()).toEqual(before);
    // Nothing half-written either: no partial file in the folder, no upload session left open on SharePoint.
    expect(store === 'sqlite' ? storedFiles().filter((name) => name.startsWith('.partial-')) : t.graph!.openUploadSessions()).toEqual(
      store === 'sqlite' ? [] : 0,
    );
    const after = await detail(id);
    expect(after.incident.evidence).toEqual([]);
    expect(after.chronology.some((entry) => entry.kind === 'evidence')).toBe(false);
  });
});
