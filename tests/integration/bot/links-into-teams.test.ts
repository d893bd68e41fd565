/**
 * Links that open: a notice's button leads into the Teams app by the id the organisation's
 * catalogue gave it (not the manifest's), found through Graph; while the catalogue does not list
 * the app, it leads to the tab on the app's own address instead.
 */
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024');

const MANIFEST_ID = '6f0e1c2a-1b2c-4d5e-8f90-0a1b2c3d4e5f';
const CATALOGUE_ID = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const FORM = {
  whatHappened: 'A worrying message in a class chat',
  occurredOn: '2026-11-20',
  where: 'platform',
  platform: 'Snapchat',
  involved: 'pupil',
  category: 'pupilDisclosure',
};

async function noticeLinkFor(t: TestApp, key: string): Promise<string> {
  for (const user of [alex, patti]) await t.install(user);
  const before = t.connector.sent.length;
  await t.click(alex, 'form-1', 'reportConcern', { submissionKey: key, ...FORM });
  const notice = JSON.stringify(t.connector.sent.slice(before).find((entry) => entry.conversationId === patti.conversationId)!.activity);
  return /"url":"([^"]+)"/.exec(notice)![1]!;
}

describe('links in notices', () => {
  it('open the Teams app by its catalogue id once the organisation has published it', async () => {
    const t = await new TestApp('sharepoint', { TEAMS_APP_ID: MANIFEST_ID, PUBLIC_URL: 'https://osd.riverside.example' }, (graph) =>
      graph.teamsApps.publish({
        id: CATALOGUE_ID,
        externalId: MANIFEST_ID,
        displayName: 'Online Safety Desk',
        distributionMethod: 'organization',
      }),
    ).start();
    try {
      await t.app.background.idle();
      expect(await noticeLinkFor(t, 'concern-published')).toBe(`https://teams.microsoft.com/l/entity/${CATALOGUE_ID}/incidents`);
      // Looked up once at start, then kept: not once per notice.
      expect(t.graph!.countBy('GET', /^\/v1\.0\/appCatalogs\/teamsApps\?\$filter=externalId%20eq%20%276f0e1c2a/)).toBe(1);
    } finally {
      await t.stop();
    }
  });

  it('open the tab on the web while the catalogue does not list the app', async () => {
    const t = await new TestApp('sharepoint', { TEAMS_APP_ID: MANIFEST_ID, PUBLIC_URL: 'https://osd.riverside.example' }).start();
    try {
      await t.app.background.idle();
      expect(await noticeLinkFor(t, 'concern-unpublished')).toBe('https://osd.riverside.example/tab/?view=incidents');
    } finally {
      await t.stop();
    }
  });
});
