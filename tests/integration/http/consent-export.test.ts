/** Exporting the consent register as CSV through the tabs' API (policy s.4). */
import { parseCsv } from '../../../bot/src/domain/school/csv';
import { TestApp } from '../../fixtures/test-app';

describe('consent register export', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await new TestApp().start();
    admin = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('admin'))!.id;
  });
  afterAll(() => t.stop());

  const download = (query: string) => fetch(`${t.app.url}/api/consent.csv${query}`, { headers: { 'x-demo-person': admin } });
  const rowsOf = async (response: Response) => {
    const parsed = parseCsv(await response.text());
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.rows;
  };

  it('gives one class as at a date: given, refused, withdrawn or none for images and videos', async () => {
    const response = await download('?className=4b&date=2026-06-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="consent-4B-2026-06-01.csv"');
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual(['Pupil', 'Class', 'Images as at 2026-06-01', 'Videos as at 2026-06-01']);
    expect(rows).toHaveLength(8);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Amelia Khan', '4B', 'given', 'given'],
        ['Freya Jones', '4B', 'withdrawn', 'given'],
        ['Oliver Bennett', '4B', 'given', 'refused'],
        ['Zain Ahmed', '4B', 'none', 'none'],
      ]),
    );
  });

  it('answers for the date asked: before the written withdrawal, consent was given', async () => {
    const rows = await rowsOf(await download('?className=4B&date=2026-03-09'));
    expect(rows.find((row) => row[0] === 'Freya Jones')).toEqual(['Freya Jones', '4B', 'given', 'given']);
  });

  it('gives the whole school, class by class, and only the pupils on roll on the date', async () => {
    const response = await download('?date=2026-06-01');
    expect(response.headers.get('content-disposition')).toContain('consent-whole-school-2026-06-01.csv');
    const [, ...rows] = await rowsOf(response);
    expect(rows.map((row) => row[1])).toEqual([...Array(8).fill('4B'), ...Array(8).fill('6A')]);
    // 4B joined on 5 September 2022: a day before, only 6A was at the school.
    expect((await rowsOf(await download('?date=2022-09-04'))).slice(1).map((row) => row[1])).toEqual(Array(8).fill('6A'));
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    await t.app.stores.pupils.insert({
      misReference: 'OLD-1',
      displayName: '=HYPERLINK("http://evil.example","Click")',
      className: '4B',
      yearGroup: 'Year 4',
      onRollFrom: '2022-09-05',
    });
    const text = await (await download('?className=4B')).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")","4B","none","none"`);
    expect(text).not.toMatch(/(^|,)"=/m);
  });

  it('says clearly when the class or the date is wrong', async () => {
    const unknown = await download('?className=9Z');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: expect.stringContaining('No pupils of class 9Z'), classes: ['4B', '6A'] });
    for (const date of ['2026-02-30', '01/06/2026', 'today']) expect((await download(`?date=${date}`)).status).toBe(400);
  });

  it('writes who exported what in the audit log, without the register itself', async () => {
    const entries = (await t.app.stores.audit.page({ limit: 500 })).items.filter((entry) => entry.action === 'consent.exported');
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries[0]).toMatchObject({
      actorName: 'Lynne Robbins',
      recordType: 'class',
      recordId: '4B',
      summary: 'Consent register exported as at 2026-06-01 (8 pupils)',
    });
    expect(JSON.stringify(entries)).not.toMatch(/Freya|Amelia/);
  });
});
