/**
 * The working site (which the school may let the headteacher and IT manage) holds no trace of a
 * concern about the headteacher: not the concern, not its reference, not the notice that went to
 * the chair of governors, nor that there was one. Whoever can open a site can read every list on it.
 */
import { SITE_ID, RECORDS_SITE_ID } from '../../fixtures/sharepoint-site';
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');

const SECRET = 'The head shared a pupil photo on a personal account';

describe('the working site after a concern about the headteacher', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp('sharepoint').start();
    for (const user of [alex, linda]) await t.install(user);
  });
  afterAll(() => t.stop());

  it('holds nothing that shows the concern, its reference or the notice to the chair; the records site holds them', async () => {
    const reply = await t.click(alex, 'form-1', 'reportConcern', {
      submissionKey: 'about-the-head',
      whatHappened: SECRET,
      occurredOn: '2026-11-20',
      where: 'platform',
      platform: 'Facebook',
      involved: 'headteacher',
      category: 'staffConduct',
    });
    const reference = /saved as (C-\d{5})/.exec(allText(reply))?.[1];
    expect(reference).toBeDefined();
    await t.app.background.idle();
    const incident = (await t.app.stores.incidents.find({ where: { submissionKey: 'about-the-head' }, limit: 1 })).items[0]!;
    // The chair was told (through the outbox), so a notice exists somewhere.
    expect(t.connector.sent.some((entry) => entry.conversationId === linda.conversationId)).toBe(true);

    const everything = (siteId: string) =>
      JSON.stringify(t.graph!.lists(siteId).map((list) => t.graph!.items(siteId, list.id).map((item) => item.fields)));
    const working = everything(SITE_ID);
    for (const trace of [SECRET, reference!, `concern:${incident.id}`, `concern ${incident.id}`, 'Facebook'])
      expect(working).not.toContain(trace);
    expect(working).not.toMatch(/concern/i);

    const records = everything(RECORDS_SITE_ID);
    expect(records).toContain(SECRET);
    expect(records).toContain(`concern:${incident.id}`);
  });
});
