/** Roles and first days from Entra ID security groups (nested groups count), read through the Graph stand-in. */
import { EntraDirectory } from '../../../bot/src/adapters/graph/entra/entra-directory';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { FirstSeenDates } from '../../../bot/src/app/first-seen-dates';
import { trainingCompliance } from '../../../bot/src/app/training/training-compliance';
import { createGraphApi } from '../../../bot/src/main';
import type { Stores } from '../../../bot/src/ports/stores.port';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { provisionedSite, sharePointSettings, silentLog, SITE_ID, SITES, TEST_GRAPH } from '../../fixtures/sharepoint-site';
import { TERM_DATES } from '../../fixtures/term-dates';
import { STAFF_TRAINING } from '../../fixtures/training-requirements';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const HEAD = id(1);
const LEAD = id(2);
const TEACHER = id(3);
const VISITOR = id(4);

describe('the Entra ID directory', () => {
  let standIn: GraphStandIn;
  let directory: EntraDirectory;
  let now = new Date('2026-11-24T09:00:00Z');
  beforeAll(async () => {
    standIn = new GraphStandIn();
    const graph = createGraphApi(sharePointSettings(await standIn.start()), silentLog, TEST_GRAPH);
    standIn.addUser({ id: HEAD, displayName: 'Adele Vance', mail: 'adelev@school.example' });
    standIn.addUser({ id: LEAD, displayName: 'Megan Bowen', mail: 'meganb@school.example' });
    standIn.addUser({ id: TEACHER, displayName: 'Priya Shah', mail: 'priyas@school.example' });
    standIn.addUser({ id: VISITOR, displayName: 'A Visitor', mail: 'visitor@school.example' });
    standIn.addGroup('g-head', [HEAD]);
    standIn.addGroup('g-lead', [LEAD]);
    standIn.addGroup('g-teachers', [TEACHER]);
    // Staff is made of other groups: membership through nesting counts.
    standIn.addGroup('g-staff', ['g-teachers', 'g-head', 'g-lead']);
    standIn.addGroup('g-ict', []);
    directory = new EntraDirectory(
      graph,
      { staff: 'g-staff', onlineSafetyLead: 'g-lead', headteacher: 'g-head', ictTechnician: 'g-ict' },
      { now: () => now },
    );
  });
  afterAll(() => standIn.stop());

  it('gives a person every role whose group they are in, directly or through a nested group', async () => {
    expect(await directory.byAadObjectId(HEAD)).toEqual({
      id: HEAD,
      aadObjectId: HEAD,
      displayName: 'Adele Vance',
      email: 'adelev@school.example',
      roles: ['staff', 'headteacher'],
    });
    expect((await directory.byId(TEACHER))?.roles).toEqual(['staff']);
  });

  it('knows nobody outside the role groups, and nobody who does not exist', async () => {
    expect(await directory.byAadObjectId(VISITOR)).toBeUndefined();
    expect(await directory.byAadObjectId(id(99))).toBeUndefined();
    expect(await directory.byAadObjectId('not-a-guid')).toBeUndefined();
  });

  it('lists the holders of a role', async () => {
    expect((await directory.holdersOf('onlineSafetyLead')).map((person) => person.displayName)).toEqual(['Megan Bowen']);
    expect(await directory.holdersOf('ictTechnician')).toEqual([]);
    expect((await directory.everyone()).map((person) => person.displayName).sort()).toEqual(['Adele Vance', 'Megan Bowen', 'Priya Shah']);
  });

  it('reads the role groups once for a burst of lookups', async () => {
    now = new Date(now.getTime() + 5 * 60_000);
    const before = standIn.requests.length;
    await Promise.all([HEAD, LEAD, TEACHER, VISITOR, HEAD, LEAD].map((person) => directory.byAadObjectId(person)));
    await directory.holdersOf('headteacher');
    // Where to track changes from (one delta query), then each of the four role groups.
    expect(standIn.requests.slice(before).map((request) => (/\/groups\/delta/.test(request.url) ? 'delta' : 'members'))).toEqual([
      'delta',
      'members',
      'members',
      'members',
      'members',
    ]);
  });

  it('keeps the roles, asking Entra ID once a minute (one call) whether a role group changed, and reads them again at once when one did', async () => {
    await directory.byAadObjectId(LEAD);
    const before = standIn.requests.length;
    now = new Date(now.getTime() + 30_000);
    await directory.holdersOf('onlineSafetyLead');
    expect(standIn.requests.length).toBe(before);
    now = new Date(now.getTime() + 31_000);
    expect((await directory.holdersOf('onlineSafetyLead')).map((person) => person.displayName)).toEqual(['Megan Bowen']);
    expect(standIn.requests.slice(before).map((request) => request.url)).toEqual([
      expect.stringMatching(/^\/v1\.0\/groups\/delta\?\$deltatoken=/),
    ]);

    // Priya becomes an online safety lead: seen at the next minute's check.
    standIn.addGroup('g-lead', [LEAD, TEACHER]);
    now = new Date(now.getTime() + 61_000);
    expect((await directory.holdersOf('onlineSafetyLead')).map((person) => person.displayName).sort()).toEqual([
      'Megan Bowen',
      'Priya Shah',
    ]);
    // Megan is taken out of the group (through which she was also staff): a minute later she holds no role.
    standIn.addGroup('g-lead', [TEACHER]);
    now = new Date(now.getTime() + 61_000);
    expect(await directory.byAadObjectId(LEAD)).toBeUndefined();
    standIn.addGroup('g-lead', [LEAD]);
  });

  it('sees a change inside a nested group within five minutes, and reads everything again when the change tracking fails', async () => {
    now = new Date(now.getTime() + 5 * 60_000);
    await directory.everyone();
    standIn.addGroup('g-teachers', [TEACHER, VISITOR]);
    now = new Date(now.getTime() + 61_000);
    expect(await directory.byAadObjectId(VISITOR)).toBeUndefined();
    now = new Date(now.getTime() + 5 * 60_000);
    expect((await directory.byAadObjectId(VISITOR))?.roles).toEqual(['staff']);
    standIn.failNext(1, { status: 410 });
    now = new Date(now.getTime() + 61_000);
    const before = standIn.requests.length;
    await directory.everyone();
    expect(standIn.requests.slice(before).filter((request) => /transitiveMembers/.test(request.url))).toHaveLength(4);
  });

  it('sends the advanced-query header the transitive membership casts need', async () => {
    now = new Date(now.getTime() + 61_000);
    await directory.everyone();
    const memberships = standIn.requests.filter((request) => /transitive/.test(request.url));
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((request) => request.headers.consistencylevel === 'eventual')).toBe(true);
  });
});

/**
 * s.11 induction: a new starter's training is due a grace period after their first day, not on
 * their first day. The first day is their hire date in Entra ID where the school sets it, or else
 * the day they first appeared to the app, stored on the SharePoint site so it never moves.
 */
describe('first days of people from the Entra groups', () => {
  const HIRED = id(11);
  const HIRED_IN_SUMMER = id(12);
  const UNDATED = id(13);
  let site: Awaited<ReturnType<typeof provisionedSite>>;
  let stores: Stores;
  let now: Date;
  const clock = { now: () => now };
  const directory = () => new EntraDirectory(site.graph, { staff: 'g-staff' }, clock, new FirstSeenDates(stores.firstSeen, silentLog));

  beforeAll(async () => {
    site = await provisionedSite();
    stores = createSharePointStores(site.graph, SITES);
    site.standIn.addUser({ id: HIRED, displayName: 'Nadia Hired', mail: 'nadia@school.example', employeeHireDate: '2026-11-02T00:00:00Z' });
    // Midnight in British Summer Time, as Entra ID holds a date set in the UK in summer.
    site.standIn.addUser({
      id: HIRED_IN_SUMMER,
      displayName: 'Sam Summer',
      mail: 'sam@school.example',
      employeeHireDate: '2026-08-31T23:00:00Z',
    });
    site.standIn.addUser({ id: UNDATED, displayName: 'Una Undated', mail: 'una@school.example' });
    site.standIn.addGroup('g-staff', [HIRED, HIRED_IN_SUMMER, UNDATED]);
    now = new Date('2026-11-24T09:00:00Z');
  });
  afterAll(() => site.standIn.stop());

  it('reads the hire date (a school date, summer time allowed for), asking Graph for it by $select', async () => {
    const people = directory();
    expect((await people.byId(HIRED))?.startedOn).toBe('2026-11-02');
    expect((await people.byId(HIRED_IN_SUMMER))?.startedOn).toBe('2026-09-01');
    expect(
      site.standIn.requests.some((request) =>
        /transitiveMembers\/microsoft\.graph\.user\?.*\$select=[^&]*employeeHireDate/.test(decodeURIComponent(request.url)),
      ),
    ).toBe(true);
  });

  it('takes the day someone without a hire date first appears, and keeps it after a restart', async () => {
    expect((await directory().byId(UNDATED))?.startedOn).toBe('2026-11-24');
    expect((await stores.firstSeen.find({ where: { personId: UNDATED }, limit: 5 })).items.map((seen) => seen.firstSeenOn)).toEqual([
      '2026-11-24',
    ]);
    now = new Date('2026-12-10T09:00:00Z');
    expect((await directory().byId(UNDATED))?.startedOn).toBe('2026-11-24');
    expect((await stores.firstSeen.find({ limit: 10 })).items.map((seen) => seen.personId)).toEqual([UNDATED]);
  });

  it('makes induction training due the grace period after the first day, not on it', async () => {
    now = new Date('2026-11-24T09:00:00Z');
    const setup = { requirements: [STAFF_TRAINING], calendar: TERM_DATES };
    const rows = await trainingCompliance({ stores, directory: directory() }, '2026-11-24', setup);
    expect(Object.fromEntries(rows.map((row) => [row.subjectName, row.due]))).toEqual({
      'Nadia Hired': '2026-12-02',
      'Sam Summer': '2026-10-01',
      'Una Undated': '2026-12-24',
    });
  });
});
