/** Roles from Entra ID security groups (nested groups count), read through the Graph stand-in. */
import { EntraDirectory } from '../../../bot/src/adapters/graph/entra/entra-directory';
import { createGraphApi } from '../../../bot/src/main';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { sharePointSettings, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';

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
    directory = new EntraDirectory(graph, { staff: 'g-staff', onlineSafetyLead: 'g-lead', headteacher: 'g-head', ictTechnician: 'g-ict' }, { now: () => now });
  });
  afterAll(() => standIn.stop());

  it('gives a person every role whose group they are in, directly or through a nested group', async () => {
    expect(await directory.byAadObjectId(HEAD)).toEqual({ id: HEAD, aadObjectId: HEAD, displayName: 'Adele Vance', email: 'adelev@school.example', roles: ['staff', 'headteacher'] });
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
    now = new Date(now.getTime() + 61_000);
    const before = standIn.requests.length;
    await Promise.all([HEAD, LEAD, TEACHER, VISITOR, HEAD, LEAD].map((person) => directory.byAadObjectId(person)));
    await directory.holdersOf('headteacher');
    expect(standIn.requests.length - before).toBe(4);
  });

  it('caches answers for a minute, then asks again (so role changes show quickly)', async () => {
    await directory.byAadObjectId(LEAD);
    const before = standIn.requests.length;
    await directory.byAadObjectId(LEAD);
    expect(standIn.requests.length).toBe(before);
    now = new Date(now.getTime() + 61_000);
    await directory.byAadObjectId(LEAD);
    expect(standIn.requests.length).toBeGreaterThan(before);
  });

  it('sends the advanced-query header the transitive membership casts need', async () => {
    now = new Date(now.getTime() + 61_000);
    await directory.everyone();
    const memberships = standIn.requests.filter((request) => /transitive/.test(request.url));
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((request) => request.headers.consistencylevel === 'eventual')).toBe(true);
  });
});
