/**
 * Going live, rehearsed end to end as a school would do it: an empty SharePoint (two sites in the
 * Graph stand-in) → provisioning → the school's settings entered through the API → the go-live
 * checklist all green → the next morning's jobs send a governor the policy review reminder and a
 * new starter the induction reminder, each exactly once, with two instances of the app running.
 * Roles come from Entra ID groups; the app's Graph credential is the managed identity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { createGraphApi, startApp, type RunningApp } from '../../../bot/src/main';
import type { Role } from '../../../bot/src/domain/people/role';
import { schoolSchedules } from '../../../bot/src/domain/jobs/schedule';
import { ConnectorStandIn } from '../../fixtures/connector-stand-in';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { sharePointSettings, silentLog, SITE_ID, RECORDS_SITE_ID, SITES, TEST_GRAPH } from '../../fixtures/sharepoint-site';
import { installActivity, teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { testConfig } from '../../fixtures/test-app';

const aad = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const MANIFEST_ID = '6f0e1c2a-1b2c-4d5e-8f90-0a1b2c3d4e5f';
const CATALOGUE_ID = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';

/** The school's people in Entra ID, and the group of each role. */
const PEOPLE = [
  { n: 1, name: 'Adele Vance', groups: ['staff', 'headteacher'] },
  { n: 2, name: 'Megan Bowen', groups: ['staff', 'onlineSafetyLead'] },
  { n: 3, name: 'Isaiah Langer', groups: ['staff', 'ictTechnician'] },
  { n: 4, name: 'Patti Fernandez', groups: ['staff', 'dsl'] },
  { n: 5, name: 'Lynne Robbins', groups: ['staff', 'admin'] },
  { n: 6, name: 'Priya Shah', groups: ['staff'] },
  { n: 7, name: 'Linda Davis', groups: ['governor', 'chairOfGovernors'] },
  { n: 8, name: 'Mark Green', groups: ['governor'] },
  // Starts on Tuesday: her account and groups are ready a day early, as a school's IT does it.
  { n: 9, name: 'Nadia Hussain', groups: ['staff'], hired: TUESDAY },
] as const satisfies readonly { n: number; name: string; groups: readonly Role[]; hired?: string }[];
const ROLE_GROUPS: Partial<Record<Role, string>> = Object.fromEntries(
  [...new Set(PEOPLE.flatMap((person) => person.groups))].map((role) => [role, `g-${role}`]),
);
const users = new Map<string, TeamsUser>(PEOPLE.map((person) => [person.name, teamsUser(person.name, aad(person.n))]));

describe('going live in a school, rehearsed', () => {
  let standIn: GraphStandIn;
  let connector: ConnectorStandIn;
  let serviceUrl: string;
  let now = Date.parse(`${MONDAY}T07:00:00Z`);
  const clock = { now: () => new Date(now) };
  const instances: { app: RunningApp; dir: string }[] = [];
  let web1: RunningApp;
  let web2: RunningApp;
  let provision: () => Promise<string[]>;

  beforeAll(async () => {
    standIn = new GraphStandIn();
    const settings = {
      ...sharePointSettings(await standIn.start()),
      credential: {
        kind: 'managedIdentity' as const,
        managedIdentityClientId: 'mi-client',
        identityEndpoint: 'http://127.0.0.1:1/msi',
        identityHeader: 'unused',
      },
    };
    standIn.addSite(SITE_ID, 'Riverside Primary');
    standIn.addSite(RECORDS_SITE_ID, 'Safeguarding records');
    for (const person of PEOPLE)
      standIn.addUser({
        id: aad(person.n),
        displayName: person.name,
        mail: `${person.name.split(' ')[0]!.toLowerCase()}@school.example`,
        ...('hired' in person ? { employeeHireDate: `${person.hired}T00:00:00Z` } : {}),
      });
    for (const [role, group] of Object.entries(ROLE_GROUPS))
      standIn.addGroup(
        group!,
        PEOPLE.filter((person) => (person.groups as readonly string[]).includes(role)).map((person) => aad(person.n)),
      );
    standIn.teamsApps.publish({
      id: CATALOGUE_ID,
      externalId: MANIFEST_ID,
      displayName: 'Online Safety Desk',
      distributionMethod: 'organization',
    });
    connector = new ConnectorStandIn();
    serviceUrl = await connector.start();
    provision = () => provisionLists(createGraphApi(settings, silentLog, TEST_GRAPH), SITES);

    const start = async (name: string) => {
      const dir = mkdtempSync(join(tmpdir(), `osd-golive-${name}-`));
      const config = {
        ...testConfig(dir, { TEAMS_APP_ID: MANIFEST_ID }),
        store: settings,
        directory: { kind: 'entra' as const, roleGroups: ROLE_GROUPS },
      };
      const app = await startApp({ config, clock, graph: TEST_GRAPH, instanceId: name, log: silentLog });
      instances.push({ app, dir });
      return app;
    };
    [web1, web2] = await Promise.all([start('web-1'), start('web-2')]);
  });
  afterAll(async () => {
    for (const { app, dir } of instances) {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
    await connector.stop();
    await standIn.stop();
  });

  /** The API as a person, on either instance: the load balancer sends each request where it likes. */
  const call = async (app: RunningApp, name: string, method: string, path: string, body?: object) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { 'x-demo-person': users.get(name)!.aadObjectId, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const readiness = async () =>
    (await call(web2, 'Adele Vance', 'GET', '/api/readiness')).body as {
      overall: string;
      items: { id: string; level: string; found: string; fix?: string }[];
    };
  const runJobs = async () => {
    for (const { job } of schoolSchedules('07:30')) {
      // A cloud timer that reaches both instances: the job runs once, on one of them.
      const answers = await Promise.all([web1, web2].map((app) => fetch(`${app.url}/api/jobs/${job}`, { method: 'POST' })));
      expect({ job, started: answers.filter((answer) => answer.status === 202).length }).toEqual({ job, started: 1 });
      await Promise.all([web1.background.idle(), web2.background.idle()]);
    }
  };
  const sentTo = (user: TeamsUser) =>
    connector.sent
      .filter((entry) => entry.kind !== 'update' && entry.conversationId === user.conversationId)
      .map((entry) => JSON.stringify(entry.activity));

  it('starts on the empty sites, says the lists are missing, and works once provisioning has made them, without a restart', async () => {
    const empty = await readiness();
    expect(empty.overall).toBe('red');
    expect(empty.items.filter((item) => item.id.endsWith('-site')).map((item) => [item.id, item.level, item.fix])).toEqual([
      ['working-site', 'red', expect.stringContaining('Run provisioning')],
      ['records-site', 'red', expect.stringContaining('Run provisioning')],
    ]);
    expect(await provision()).not.toEqual([]);

    const provisioned = await readiness();
    expect(provisioned.items.filter((item) => item.id.endsWith('-site')).map((item) => item.level)).toEqual(['green', 'green']);
    // What only the school can enter is still red, each with its fix.
    expect(Object.fromEntries(provisioned.items.filter((item) => item.level === 'red').map((item) => [item.id, item.fix]))).toEqual({
      school: expect.stringContaining('School settings'),
      'policy-register': expect.stringContaining('Social Media Policy'),
      'term-dates': expect.any(String),
      'training-requirements': expect.any(String),
      reach: expect.any(String),
    });
  });

  it("takes the school's settings through the API, and everyone opens the app once", async () => {
    const head = 'Adele Vance';
    expect(
      (
        await call(web1, head, 'PUT', '/api/settings/school', {
          name: 'Riverside Community Primary School',
          contactForAccess: 'Mrs Robbins in the school office',
        })
      ).status,
    ).toBe(200);
    const policy = await call(web2, 'Lynne Robbins', 'POST', '/api/settings/policies', {
      title: 'Social Media Policy',
      owner: 'Headteacher',
      approvedOn: '2025-02-24',
      reviews: [
        // s.12: the headteacher with the online safety lead, every two years.
        {
          name: 'Headteacher with the online safety lead',
          reviewers: ['headteacher', 'onlineSafetyLead'],
          cycleMonths: 24,
          nextReviewDue: '2027-09-30',
        },
        // s.2: the governing board, every year — due ninety days after Tuesday.
        { name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: 12, nextReviewDue: '2027-02-22' },
      ],
    });
    expect(policy.status).toBe(201);
    const csv = [
      'Name,Start,End,Type',
      'Autumn term,02/09/2026,18/12/2026,term',
      'Half term,26/10/2026,30/10/2026,closure',
      'Spring term,04/01/2027,25/03/2027,term',
      'Half term,15/02/2027,19/02/2027,closure',
      'Summer term,12/04/2027,21/07/2027,term',
      'Autumn term,02/09/2027,17/12/2027,term',
      'Spring term,04/01/2028,24/03/2028,term',
    ].join('\n');
    expect((await call(web1, 'Lynne Robbins', 'POST', '/api/settings/term-dates/import', { csv, apply: true })).status).toBe(200);
    const induction = await call(web2, 'Megan Bowen', 'POST', '/api/settings/training-requirements', {
      title: 'Staff online safety training',
      audience: 'staff',
      roles: ['staff'],
      frequency: 'inductionThenEvery',
      graceDays: 30,
      months: 12,
      policy: 's.11',
    });
    expect(induction.status).toBe(201);
    for (const user of users.values())
      expect(
        (
          await fetch(`${web1.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(installActivity(user, serviceUrl)),
          })
        ).status,
      ).toBe(200);
  });

  it("is all green once Monday's jobs have run", async () => {
    now = Date.parse(`${MONDAY}T07:35:00Z`);
    await runJobs();
    const checked = await readiness();
    expect(checked.items.filter((item) => item.level !== 'green')).toEqual([]);
    expect(checked.items.map((item) => item.id)).toEqual([
      'credential',
      'working-site',
      'records-site',
      'role-groups',
      'reach',
      'teams-app',
      'school',
      'policy-register',
      'term-dates',
      'training-requirements',
      'jobs',
    ]);
    expect(checked.overall).toBe('green');
  });

  it("sends Tuesday's reminders exactly once across the two instances: the board's review to a governor, induction to the new starter", async () => {
    const governor = users.get('Mark Green')!;
    const starter = users.get('Nadia Hussain')!;
    // On Monday neither was due yet: the review was 91 days away, the new starter's induction 31.
    expect(sentTo(governor).filter((card) => /A policy review/.test(card))).toEqual([]);
    expect(sentTo(starter).filter((card) => /online safety training is due/.test(card))).toEqual([]);
    const before = connector.sent.length;

    now = Date.parse(`${TUESDAY}T07:31:00Z`);
    await runJobs();
    const tuesday = connector.sent.slice(before).filter((entry) => entry.kind !== 'update');
    const to = (user: TeamsUser) =>
      tuesday.filter((entry) => entry.conversationId === user.conversationId).map((entry) => JSON.stringify(entry.activity));
    expect(to(governor).filter((card) => /A policy review is coming up/.test(card))).toEqual([
      expect.stringMatching(/The Social Media Policy is due for review \(Governing board\) on 22 February 2027, in 90 days/),
    ]);
    expect(to(starter).filter((card) => /online safety training is due/.test(card))).toEqual([
      expect.stringMatching(/Staff online safety training is due by 24 December 2026/),
    ]);
    // The headteacher's review with the online safety lead is not due: the governors hear of the board's only.
    expect(to(users.get('Adele Vance')!).filter((card) => /A policy review/.test(card))).toEqual([]);
    // Nobody got the same message twice.
    const copies = new Map<string, number>();
    for (const entry of tuesday) {
      const key = `${entry.conversationId} ${JSON.stringify(entry.activity.attachments?.[0]?.content.body)}`;
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
    expect([...copies.values()].filter((count) => count > 1)).toEqual([]);
    // The same morning's timers again: the slots are done, nothing more is sent.
    const sentBefore = connector.sent.length;
    await Promise.all([web1, web2].map((app) => fetch(`${app.url}/api/jobs/policy-reviews`, { method: 'POST' })));
    await Promise.all([web1.background.idle(), web2.background.idle()]);
    expect(connector.sent.length).toBe(sentBefore);
  });
});
