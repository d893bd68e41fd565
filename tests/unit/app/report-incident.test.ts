/** Reporting a concern when things go wrong: nobody to tell, a store that is down, a concurrent change. */
import { actOnIncident } from '../../../bot/src/app/act-on-incident';
import type { IncidentDeps } from '../../../bot/src/app/incident-deps';
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import { DEFAULT_TIMESCALES } from '../../../bot/src/domain/incidents/incident-timescales';
import { announceConcern, retryConcernNotices } from '../../../bot/src/app/announce-concern';
import type { Announce } from '../../../bot/src/app/reminders/announce';
import { reportIncident } from '../../../bot/src/app/report-incident';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import type { Person } from '../../../bot/src/domain/people/person';
import type { Role } from '../../../bot/src/domain/people/role';
import { StaleRecordError, StoreUnavailableError } from '../../../bot/src/ports/collection.port';

const NOW = new Date('2026-11-24T10:00:00Z');
const FORM = {
  whatHappened: 'Something worrying',
  occurredOn: '2026-11-23',
  where: 'platform',
  platform: 'TikTok',
  involved: 'headteacher',
  category: 'other',
};

async function setUp(roles: Role[][], unreachable: number[] = []) {
  const stores = createSqliteStores(':memory:');
  const people: Person[] = [];
  for (const [i, held] of roles.entries())
    people.push(await stores.people.insert({ displayName: `Person ${i}`, roles: held, aadObjectId: `aad-${i}` }));
  /** Who each announcement was for; people listed in `unreachable` (by index) have not installed the app. */
  const told: string[][] = [];
  const logs: string[] = [];
  const deps: IncidentDeps & { announce: Announce } = {
    stores,
    directory: new PeopleListDirectory(stores.people),
    notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
    clock: { now: () => NOW },
    timescales: DEFAULT_TIMESCALES,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    background: new BackgroundTasks({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    announce: async (_run, planned) => {
      told.push(planned.map((entry) => entry.person.displayName));
      const sent = planned.filter((entry) => !unreachable.some((index) => people[index]!.id === entry.person.id)).length;
      return { planned: planned.length, sent, alreadyDone: 0, notInstalled: planned.length - sent, blocked: 0, failed: 0, uncertain: 0 };
    },
  };
  return { deps, stores, people, told, logs };
}

const saved = (result: unknown) => (result as { incidentId: string }).incidentId;

describe('telling people about a new concern (s.8)', () => {
  it('tells the DSL instead when nobody holds the role it was routed to', async () => {
    const { deps, people, told } = await setUp([['staff'], ['staff', 'dsl'], ['headteacher']]);
    const result = await reportIncident(deps, people[0]!, FORM, 'k1');
    expect(result).toMatchObject({ status: 'ok', routedToLabel: 'chair of governors' });
    expect((await announceConcern(deps, saved(result))).outcome).toBe('toldInstead');
    expect(told).toEqual([['Person 1']]);
  });

  it('tells the DSL instead when the routed people cannot be reached, and logs no details', async () => {
    const { deps, people, told, logs } = await setUp([['staff'], ['staff', 'dsl'], ['chairOfGovernors']], [2]);
    const result = await reportIncident(deps, people[0]!, FORM, 'k1');
    expect((await announceConcern(deps, saved(result))).outcome).toBe('toldInstead');
    expect(told).toEqual([['Person 2'], ['Person 1']]);
    expect(logs.join('\n')).not.toMatch(/worrying|TikTok/);
  });

  it('never tells a headteacher who is also the DSL of a concern about the headteacher; nobody told means it stays marked and is tried again', async () => {
    const { deps, stores, people, told } = await setUp([['staff'], ['staff', 'headteacher', 'dsl'], ['governor', 'chairOfGovernors']], [2]);
    const id = saved(await reportIncident(deps, people[0]!, FORM, 'k1'));
    expect((await announceConcern(deps, id)).outcome).toBe('nobodyTold');
    expect(told).toEqual([['Person 2']]);
    expect((await stores.incidents.get(id))!.nobodyToldYet).toBe(true);

    // The chair opens the bot; the next run of the concern-notices job reaches her.
    const reachable = {
      ...deps,
      announce: async (run: string, planned: Parameters<Announce>[1]) => ({ ...(await deps.announce(run, planned)), sent: planned.length }),
    };
    expect(await retryConcernNotices(reachable)).toEqual({ tried: 1, told: 1 });
    expect(told.flat()).not.toContain('Person 1');
    expect((await stores.incidents.get(id))!.nobodyToldYet).toBe(false);
    expect(await retryConcernNotices(reachable)).toEqual({ tried: 0, told: 0 });
  });

  it('says who was told instead: in a school whose headteacher is the DSL, a deputy, never "the DSL"', async () => {
    const { deps, people, told } = await setUp(
      [['staff'], ['staff', 'headteacher', 'dsl'], ['staff', 'deputyDsl'], ['governor', 'chairOfGovernors']],
      [3],
    );
    const id = saved(await reportIncident(deps, people[0]!, FORM, 'k1'));
    expect(await announceConcern(deps, id)).toEqual({ outcome: 'toldInstead', toldRoles: ['deputyDsl'] });
    expect(told).toEqual([['Person 3'], ['Person 2']]);
  });

  it("tells the person it is assigned to and the role's holders, but not a second holder who may not see it", async () => {
    const { deps, people, told } = await setUp([['staff'], ['staff', 'onlineSafetyLead'], ['staff', 'onlineSafetyLead'], ['dsl']]);
    const id = saved(await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil', category: 'firewallCircumvention' }, 'k1'));
    expect((await announceConcern(deps, id)).outcome).toBe('told');
    expect(told).toEqual([['Person 1']]);
  });
});

describe('reporting a concern', () => {
  it('never tells the reporter "NOT saved" once the concern is saved, and still announces it', async () => {
    const { deps, stores, people } = await setUp([['staff'], ['dsl']]);
    // The concern is stored, then the store goes away before its log line is written.
    jest.spyOn(stores.incidentChronology, 'append').mockRejectedValue(new StoreUnavailableError('down'));
    const first = await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1');
    expect(first).toMatchObject({ status: 'ok', alreadySaved: false });
    expect((await stores.incidents.find({ limit: 5 })).items).toHaveLength(1);
  });

  it('finishes a report that stopped part-way when the same form is sent again: the line is written and it is announced', async () => {
    const { deps, stores, people } = await setUp([['staff'], ['dsl']]);
    const append = jest.spyOn(stores.incidentChronology, 'append');
    append.mockRejectedValue(new StoreUnavailableError('down'));
    const first = (await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1')) as { incidentId: string };
    append.mockRestore();
    const again = await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1');
    expect(again).toMatchObject({ status: 'ok', incidentId: first.incidentId, alreadySaved: false });
    expect((await stores.incidentChronology.forIncident(first.incidentId)).map((entry) => entry.kind)).toEqual(['reported']);
    const third = await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1');
    expect(third).toMatchObject({ status: 'ok', alreadySaved: true });
    expect((await stores.incidents.find({ limit: 5 })).items).toHaveLength(1);
  });

  it('says plainly that nothing was saved when the store is down', async () => {
    const { deps, stores, people } = await setUp([['staff'], ['dsl']]);
    jest.spyOn(stores.incidents, 'insert').mockRejectedValue(new StoreUnavailableError('down'));
    expect(await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1')).toEqual({ status: 'not-saved' });
  });

  it('writes nothing to the chronology when someone else changed the incident first', async () => {
    const { deps, stores, people } = await setUp([['staff'], ['dsl']]);
    const result = await reportIncident(deps, people[0]!, { ...FORM, involved: 'pupil' }, 'k1');
    const id = (result as { incidentId: string }).incidentId;
    jest.spyOn(stores.incidents, 'update').mockRejectedValueOnce(new StaleRecordError(id));
    expect(await actOnIncident(deps, people[1]!, id, { type: 'status', to: 'inProgress' })).toEqual({ status: 'stale' });
    expect((await stores.incidentChronology.forIncident(id)).map((entry) => entry.kind)).toEqual(['reported']);
  });
});
