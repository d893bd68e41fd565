/**
 * The go-live checklist's 'working-site' and 'records-site' items against the Graph stand-in:
 * what each finds on the sites, red for what the app cannot work without (or safeguarding records
 * anyone could browse), amber for what only SharePoint's own views or other apps' grants touch,
 * and always saying what an app with Sites.Selected cannot see.
 */
import { provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { listSpec, type ListSpec } from '../../../bot/src/adapters/graph/sharepoint/list-spec';
import { LISTS, listsOn, RECORDS_SITE_LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { GraphSiteInspector } from '../../../bot/src/adapters/graph/sharepoint/site-inspector';
import { NOT_CHECKED, recordsSiteCheck, workingSiteCheck } from '../../../bot/src/app/readiness/site-checks';
import type { GraphApi } from '../../../bot/src/adapters/graph/graph-api';
import type { GraphStandIn } from '../../fixtures/graph-stand-in';
import { emptySite, RECORDS_SITE_ID, SITE_ID, SITES } from '../../fixtures/sharepoint-site';

const APP_ID = 'client';

describe('the SharePoint sites on the go-live checklist', () => {
  let standIn: GraphStandIn;
  let graph: GraphApi;
  beforeEach(async () => ({ standIn, graph } = await emptySite()));
  afterEach(() => standIn.stop());

  const inspector = (sites = SITES) => new GraphSiteInspector(graph, sites, APP_ID);

  it('is green for sites provisioned as the app needs them, and says what it could not check', async () => {
    await provisionLists(graph, SITES);
    expect(await workingSiteCheck(inspector())).toMatchObject({
      level: 'green',
      found: `All ${Object.keys(LISTS).length - RECORDS_SITE_LISTS.length} lists on "Online Safety Desk" are as the app needs them.`,
    });
    const records = await recordsSiteCheck(inspector());
    expect(records.level).toBe('green');
    expect(records.found).toContain('The 7 safeguarding lists on "Online Safety Desk" are as the app needs them.');
    expect(records.found).toContain(
      'The apps granted the site were not checked: Microsoft Graph shows the apps granted a site only to an app with Sites.FullControl.All',
    );
    expect(records.found).toContain(NOT_CHECKED);
    expect(records.fix).toBeUndefined();
  });

  it('is red with "run provisioning" before the lists exist', async () => {
    standIn.addSite(SITE_ID, 'Riverside staff');
    standIn.addSite(RECORDS_SITE_ID, 'Riverside safeguarding records');
    const working = await workingSiteCheck(inspector());
    expect(working).toMatchObject({ level: 'red', fix: expect.stringMatching(/^Run provisioning with the app granted full control/) });
    expect(working.found).toMatch(/^On "Riverside staff": list missing: "Online Safety Desk - School"; .* and \d+ more\.$/);
    expect(await recordsSiteCheck(inspector())).toMatchObject({
      level: 'red',
      found: expect.stringContaining('list missing: "Online Safety Desk - Incidents"'),
    });
  });

  it("is red without the document libraries for the photos and videos of requests to post and for incidents' evidence", async () => {
    await provisionLists(graph, SITES, { working: listsOn('working'), records: listsOn('records') });
    const check = await recordsSiteCheck(inspector());
    expect(check).toMatchObject({
      level: 'red',
      found: expect.stringContaining('list missing: "Online Safety Desk - Photos and videos"'),
      fix: expect.stringContaining('Run provisioning'),
    });
    expect(check.found).toContain('list missing: "Online Safety Desk - Incident evidence"');
  });

  it('is red for a column the app writes that the list lacks', async () => {
    const { contactForAccess: _dropped, ...columns } = { name: 'text', contactForAccess: 'text' } as const;
    const older = listSpec<{ id: string; name: string }>(
      LISTS.school.name,
      LISTS.school.displayName,
      LISTS.school.description,
      columns,
      (school) => school.name,
    );
    await provisionLists(graph, SITES, {
      working: { ...listsOn('working'), school: older as ListSpec<never> },
      records: listsOn('records'),
    });
    // Lists chosen one by one are provisioned without the document libraries, and the older list has
    // the name only: every column added since is missing, and the policy library too.
    const missing = ['contactForAccess', 'filteringLead', 'filteringGovernor']
      .map((column) => `column missing: ${column} in "Online Safety Desk - School"`)
      .join('; ');
    expect(await workingSiteCheck(inspector())).toMatchObject({
      level: 'red',
      found: `On "Online Safety Desk": ${missing}; list missing: "Online Safety Desk - Policy library".`,
    });
  });

  it('is amber for an index the app does not filter on, and red for one it does', async () => {
    await provisionLists(graph, SITES);
    standIn.unindex(RECORDS_SITE_ID, LISTS.incidents.displayName, 'reportedAt');
    standIn.unindex(SITE_ID, LISTS.takedowns.displayName, 'ownerId');
    expect(await recordsSiteCheck(inspector())).toMatchObject({
      level: 'amber',
      found: expect.stringContaining('index missing: reportedAt in "Online Safety Desk - Incidents"'),
      fix: expect.stringContaining('Run provisioning'),
    });
    expect(await workingSiteCheck(inspector())).toMatchObject({
      level: 'red',
      found: expect.stringContaining('index missing: ownerId in "Online Safety Desk - Takedown tasks"'),
    });
  });

  it('is red when the safeguarding records are on the working site', async () => {
    const oneSite = { working: SITE_ID, records: SITE_ID };
    await provisionLists(graph, oneSite);
    expect(await recordsSiteCheck(inspector(oneSite))).toMatchObject({
      level: 'red',
      found: expect.stringContaining('the headteacher included, can read the incidents and the audit log'),
      fix: expect.stringContaining('SHAREPOINT_RECORDS_SITE_ID'),
    });
    // The working site itself is complete: one site for everything is the records item's problem.
    expect((await workingSiteCheck(inspector(oneSite))).level).toBe('green');
  });

  it('is red for safeguarding lists an earlier version left on the working site, with how to move them', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    await provisionLists(graph, SITES);
    const working = await workingSiteCheck(inspector());
    expect(working).toMatchObject({
      level: 'red',
      found: expect.stringContaining('safeguarding list on the working site: "Online Safety Desk - Incidents"'),
      fix: expect.stringMatching(/^Move those lists' items to the records site/),
    });
  });

  it('is red when a site cannot be opened (no such site, or no grant)', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    expect(await recordsSiteCheck(inspector())).toMatchObject({
      level: 'red',
      found: 'The records site could not be opened: Microsoft Graph found no site with that id.',
    });
  });

  describe('where Graph shows the apps granted the records site', () => {
    beforeEach(async () => {
      await provisionLists(graph, SITES);
      standIn.appHasFullControlAll = true;
    });

    it('is green when only this app has it, with write', async () => {
      standIn.grantApp(RECORDS_SITE_ID, { appId: APP_ID, displayName: 'Online Safety Desk', roles: ['write'] });
      expect(await recordsSiteCheck(inspector())).toMatchObject({
        level: 'green',
        found: expect.stringContaining('Only this app was granted the site, with write.'),
      });
    });

    it('is amber for another app, and for this app still holding full control after provisioning', async () => {
      standIn.grantApp(RECORDS_SITE_ID, { appId: APP_ID, displayName: 'Online Safety Desk', roles: ['fullcontrol'] });
      standIn.grantApp(RECORDS_SITE_ID, { appId: 'backup-app', displayName: 'Contoso Backup', roles: ['read'] });
      const records = await recordsSiteCheck(inspector());
      expect(records.level).toBe('amber');
      expect(records.found).toContain('Other apps were granted the records site: Contoso Backup (read).');
      expect(records.found).toContain('This app still has fullcontrol on the records site');
      expect(records.found).toContain(NOT_CHECKED);
    });
  });
});
