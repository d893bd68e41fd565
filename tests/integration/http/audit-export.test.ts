/**
 * The audit log export (headteacher only) never tells the headteacher about a concern about the
 * headteacher (s.8): not who reported it, not where it went, not that the chair opened it, and
 * not the incident number of their own refused attempts to open it.
 */
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');

interface Row {
  who: string;
  action: string;
  recordType: string;
  record: string;
  summary: string;
}

describe.each<StoreKind>(['sqlite', 'sharepoint'])('the audit export (records in %s)', (store) => {
  let t: TestApp;
  const people = { head: '', chair: '', dsl: '' };
  const ids = { aboutHead: '', ordinary: '' };

  beforeAll(async () => {
    t = await new TestApp(store).start();
    const everyone = (await t.app.stores.people.find({ limit: 50 })).items;
    people.head = everyone.find((person) => person.roles.includes('headteacher'))!.id;
    people.chair = everyone.find((person) => person.roles.includes('chairOfGovernors'))!.id;
    people.dsl = everyone.find((person) => person.roles.includes('dsl'))!.id;
    await t.install(alex);
    const report = async (key: string, involved: string, category: string) => {
      const card = await t.click(alex, 'form', 'reportConcern', {
        submissionKey: key,
        whatHappened: 'Shouted at a colleague in the staff WhatsApp group',
        occurredOn: '2026-11-20',
        where: 'platform',
        platform: 'WhatsApp',
        involved,
        category,
      });
      return String(Number(/C-(\d{5})/.exec(allText(card))![1]));
    };
    ids.aboutHead = await report('about-head', 'headteacher', 'staffConduct');
    ids.ordinary = await report('ordinary', 'pupil', 'cyberbullying');
    // The chair opens the concern; the headteacher tries to, and is told it does not exist.
    expect((await api(people.chair, `/api/incidents/${ids.aboutHead}`)).status).toBe(200);
    expect((await api(people.head, `/api/incidents/${ids.aboutHead}`)).status).toBe(404);
    expect((await api(people.head, `/api/incidents/${ids.aboutHead}/steps`, { type: 'action', text: 'Looking' })).status).toBe(404);
    // What the headteacher may see is still in their export.
    expect((await api(people.head, `/api/incidents/${ids.ordinary}`)).status).toBe(200);
    expect((await api(people.dsl, '/api/incidents.csv')).status).toBe(200);
  });
  afterAll(() => t.stop());

  function api(personId: string, path: string, body?: object): Promise<Response> {
    return fetch(`${t.app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'x-demo-person': personId, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  async function exportedAs(personId: string): Promise<{ csv: string; rows: Row[] }> {
    const response = await api(personId, '/api/audit.csv');
    expect(response.status).toBe(200);
    const csv = await response.text();
    const rows = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => {
        const [, who, action, recordType, record, summary] = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!);
        return { who: who!, action: action!, recordType: recordType!, record: record!, summary: summary! };
      });
    return { csv, rows };
  }

  it('holds no row about a concern about the headteacher, nor any routing, for the headteacher', async () => {
    const { csv, rows } = await exportedAs(people.head);
    const incidentRows = rows.filter((row) => row.recordType === 'incident');
    expect(incidentRows.filter((row) => row.record === ids.aboutHead)).toEqual([]);
    expect(csv).not.toMatch(/chair of governors|routed/i);
    // Ordinary incidents the headteacher may see are there, with who did what.
    expect(incidentRows.filter((row) => row.record === ids.ordinary).map((row) => row.action)).toEqual(
      expect.arrayContaining(['incident.reported', 'incident.viewed']),
    );
  });

  it('says that the incident log was exported, never how many incidents: a count is about incidents too', async () => {
    const { rows } = await exportedAs(people.head);
    const exported = rows.find((row) => row.action === 'incident.exported');
    expect(exported?.summary).toBe('Incident log exported to CSV');
    expect(
      rows
        .filter((row) => row.recordType === 'incident')
        .map((row) => row.summary)
        .join('\n'),
    ).not.toMatch(/\d+ incidents?/);
  });

  it('keeps the record of the refused attempts for those who may see the incident', async () => {
    const entries = await t.app.stores.audit.forRecord('incident', ids.aboutHead);
    expect(entries.filter((entry) => entry.actorId === people.head).map((entry) => entry.action)).toEqual([
      'incident.view.denied',
      'incident.act.denied',
    ]);
    expect(entries.map((entry) => entry.summary).join('\n')).not.toMatch(/WhatsApp|colleague|chair/i);
  });
});
