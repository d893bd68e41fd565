/**
 * The incident log's part of the store contract: the Incidents tab's search (filters, text, sort,
 * visibility scope) gives the same answer on every store, and the chronology only grows.
 */
import type { Incident } from '../../bot/src/domain/incidents/incident';
import { compareIncidents, matchesIncident, type IncidentFilter } from '../../bot/src/domain/incidents/incident-query';
import { incidentScope } from '../../bot/src/domain/incidents/incident-visibility';
import { DuplicateRecordError, StaleRecordError } from '../../bot/src/ports/collection.port';
import { linkKey, type IncidentLink } from '../../bot/src/domain/incidents/incident-people';
import type { Stores } from '../../bot/src/ports/stores.port';
import type { Role } from '../../bot/src/domain/people/role';
import type { Versioned } from '../../bot/src/ports/collection.port';

let keys = 0;

export function incident(overrides: Partial<Omit<Incident, 'id'>> = {}): Omit<Incident, 'id'> {
  return {
    whatHappened: 'A parent posted that Mr Smith is "useless" on the school Facebook page',
    occurredOn: '2026-11-20',
    where: 'platform',
    platform: 'Facebook',
    involved: 'parent',
    category: 'abuseAboutSchool',
    submissionKey: `incident-${++keys}-${Math.random()}`,
    reporterId: 'r1',
    reporterName: 'Priya Shah',
    reportedAt: '2026-11-20T10:00:00.000Z',
    routedTo: 'dsl',
    aboutHeadteacher: false,
    assigneeId: 'dsl1',
    assigneeName: 'Patti Fernandez',
    status: 'new',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

type Viewer = { id: string; roles: Role[] };
const DSL: Viewer = { id: 'dsl1', roles: ['dsl'] };
const HEAD: Viewer = { id: 'head1', roles: ['headteacher'] };
const CHAIR: Viewer = { id: 'chair1', roles: ['chairOfGovernors'] };
const OSL: Viewer = { id: 'osl1', roles: ['onlineSafetyLead'] };
const DPL: Viewer = { id: 'dpl1', roles: ['dataProtectionLead'] };

export function describeIncidentContract(make: () => Promise<{ stores: Stores; cleanup(): Promise<void> }>): void {
  describe('incidents', () => {
    let stores: Stores;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ stores, cleanup } = await make());
    });
    afterEach(() => cleanup());

    it('keeps an incident whole, with the message it came from, and refuses a second one with the same submission key', async () => {
      const record = incident({
        sourceMessage: { author: "Tom O'Neill", link: 'https://teams.microsoft.com/l/message/19:abc/1' },
        police: { contacted: false, decidedBy: 'Patti Fernandez', reason: 'Inadvertent', recordedAt: '2026-11-21T09:00:00.000Z' },
      });
      const saved = await stores.incidents.insert(record);
      const { id: _id, version: _version, etag: _etag, ...readBack } = (await stores.incidents.get(saved.id))!;
      expect(readBack).toEqual(record);
      await expect(stores.incidents.insert(record)).rejects.toBeInstanceOf(DuplicateRecordError);
    });

    it('searches by status, category, routed to, date range and text, in the order asked, within the scope', async () => {
      const drafts = [
        incident({
          reportedAt: '2026-09-03T08:00:00.000Z',
          status: 'closed',
          category: 'cyberbullying',
          whatHappened: 'Group chat name-calling',
          involved: 'pupil',
        }),
        incident({
          reportedAt: '2026-10-15T12:00:00.000Z',
          status: 'inProgress',
          routedTo: 'headteacher',
          category: 'staffConduct',
          involved: 'staff',
          assigneeId: 'head1',
          whatHappened: 'A teacher followed a parent on TikTok',
        }),
        incident({
          reportedAt: '2026-10-31T23:59:59.000Z',
          status: 'new',
          routedTo: 'chairOfGovernors',
          category: 'other',
          involved: 'headteacher',
          aboutHeadteacher: true,
          assigneeId: 'chair1',
          whatHappened: 'Complaint about the head',
        }),
        incident({
          reportedAt: '2026-11-01T00:00:00.000Z',
          status: 'new',
          routedTo: 'onlineSafetyLead',
          category: 'contentOnSchoolEquipment',
          involved: 'pupil',
          assigneeId: 'osl1',
          platform: 'YouTube',
          whatHappened: 'Violent video on a Year 6 laptop',
        }),
        incident({
          reportedAt: '2026-11-20T10:00:00.000Z',
          status: 'actionTaken',
          category: 'cyberbullying',
          reporterName: 'Alex Wilber',
          involved: 'pupil',
        }),
        incident({
          reportedAt: '2026-08-01T10:00:00.000Z',
          status: 'new',
          routedTo: 'dataProtectionLead',
          category: 'dataProtectionBreach',
          involved: 'pupil',
          assigneeId: 'someone',
          whatHappened: 'Class list emailed to the wrong parent',
        }),
      ];
      const saved: Versioned<Incident>[] = [];
      for (const draft of drafts) saved.push(await stores.incidents.insert(draft));
      const filters: IncidentFilter[] = [
        {},
        { status: 'new' },
        { category: 'cyberbullying' },
        { routedTo: 'headteacher' },
        { from: '2026-10-01', to: '2026-10-31' },
        { from: '2026-11-01' },
        { text: 'TIKTOK' },
        { text: 'alex' },
        { text: 'youtube' },
        { text: `C-${saved[1]!.id.padStart(5, '0')}` },
        { text: '100%_' },
        { sort: 'status', descending: false },
        { sort: 'category' },
        { sort: 'occurredOn', descending: false },
        { status: 'new', category: 'other' },
      ];
      for (const viewer of [DSL, HEAD, CHAIR, OSL, DPL]) {
        const scope = incidentScope(viewer);
        for (const filter of filters) {
          const expected = saved
            .filter((one) => matchesIncident(one, { ...filter, scope }))
            .sort(compareIncidents(filter.sort, filter.descending !== false));
          const found = await stores.incidents.search({ ...filter, scope, offset: 0, limit: 50 });
          expect({ viewer: viewer.id, filter, ids: found.items.map((one) => one.id), total: found.total }).toEqual({
            viewer: viewer.id,
            filter,
            ids: expected.map((one) => one.id),
            total: expected.length,
          });
        }
      }
      // The definition itself, so the comparison above cannot pass vacuously.
      const ids = async (filter: IncidentFilter, viewer = DSL) =>
        (await stores.incidents.search({ ...filter, scope: incidentScope(viewer), offset: 0, limit: 50 })).items.map((one) => one.id);
      expect(await ids({})).toEqual([4, 3, 2, 1, 0, 5].map((i) => saved[i]!.id));
      expect(await ids({}, HEAD)).toEqual([4, 3, 1, 0, 5].map((i) => saved[i]!.id));
      expect(await ids({}, CHAIR)).toEqual([saved[2]!.id]);
      expect(await ids({}, OSL)).toEqual([saved[3]!.id]);
      // The data protection lead sees breaches, whoever they are assigned to (s.4).
      expect(await ids({}, DPL)).toEqual([saved[5]!.id]);
      expect(await ids({ from: '2026-10-01', to: '2026-10-31' })).toEqual([2, 1].map((i) => saved[i]!.id));
      expect(await ids({ text: 'tiktok' })).toEqual([saved[1]!.id]);
    });

    it('pages the search with a total', async () => {
      for (let i = 0; i < 7; i++) await stores.incidents.insert(incident({ reportedAt: `2026-11-0${i + 1}T09:00:00.000Z` }));
      const scope = incidentScope(DSL);
      const first = await stores.incidents.search({ scope, offset: 0, limit: 3 });
      const last = await stores.incidents.search({ scope, offset: 6, limit: 3 });
      expect(first.total).toBe(7);
      expect(first.items.map((one) => one.reportedAt.slice(0, 10))).toEqual(['2026-11-07', '2026-11-06', '2026-11-05']);
      expect(last.items.map((one) => one.reportedAt.slice(0, 10))).toEqual(['2026-11-01']);
    });

    it('finds incidents by status after an update (the indexed column follows the record)', async () => {
      const saved = await stores.incidents.insert(incident());
      await stores.incidents.update({ ...saved, status: 'closed', assigneeId: 'dsl2' });
      expect((await stores.incidents.find({ where: { status: 'closed' }, limit: 5 })).items.map((one) => one.id)).toEqual([saved.id]);
      expect((await stores.incidents.find({ where: { assigneeId: 'dsl2' }, limit: 5 })).items.map((one) => one.id)).toEqual([saved.id]);
      expect((await stores.incidents.search({ scope: incidentScope(DSL), status: 'new', offset: 0, limit: 5 })).total).toBe(0);
    });

    it("keeps each incident's chronology in order, apart from other incidents', and has no way to change it", async () => {
      const entry = { at: '2026-11-20T10:00:00.000Z', byId: 'dsl1', byName: 'Patti Fernandez' };
      await stores.incidentChronology.append({ ...entry, incidentId: '1', kind: 'reported', text: 'Reported' });
      await stores.incidentChronology.append({ ...entry, incidentId: '2', kind: 'reported', text: 'Other' });
      const action = await stores.incidentChronology.append({ ...entry, incidentId: '1', kind: 'action', text: 'Spoke to the parent' });
      expect(action).toEqual({ ...entry, incidentId: '1', kind: 'action', text: 'Spoke to the parent', id: expect.any(String) });
      expect((await stores.incidentChronology.forIncident('1')).map((one) => one.text)).toEqual(['Reported', 'Spoke to the parent']);
      expect(
        Object.keys(Object.getPrototypeOf(stores.incidentChronology) as object)
          .concat(Object.getOwnPropertyNames(Object.getPrototypeOf(stores.incidentChronology)))
          .filter((name) => /update|delete|remove|set/i.test(name)),
      ).toEqual([]);
    });

    it('keeps the people linked to incidents, found by incident and by pupil, one link per person per incident', async () => {
      const link = (incidentId: string, who: string, overrides: Partial<Omit<IncidentLink, 'id'>> = {}): Omit<IncidentLink, 'id'> => ({
        incidentId,
        kind: 'pupil',
        linkKey: linkKey(incidentId, 'pupil', who),
        pupilId: who,
        name: 'Amelia Khan',
        className: '4B',
        yearGroup: 'Year 4',
        role: 'affected',
        linked: true,
        updatedAt: '2026-11-20T10:00:00.000Z',
        ...overrides,
      });
      const first = await stores.incidentLinks.insert(link('1', '7'));
      await stores.incidentLinks.insert(
        link('1', 's1', { kind: 'staff', linkKey: linkKey('1', 'staff', 's1'), personId: 's1', name: "Tom O'Neill", role: 'witness' }),
      );
      const {
        pupilId: _pupilId,
        className: _className,
        yearGroup: _yearGroup,
        ...other
      } = link('1', 'mrs khan', { kind: 'other', name: 'Mrs Khan', role: 'other' });
      const named = await stores.incidentLinks.insert({ ...other, linkKey: linkKey('1', 'other', 'mrs khan') });
      await stores.incidentLinks.insert(link('2', '7', { role: 'named' }));
      await stores.incidentLinks.insert(link('2', '8', { name: 'Oliver Bennett', role: 'causedHarm' }));

      const { id: _id, version: _version, etag: _etag, ...readBack } = (await stores.incidentLinks.get(named.id))!;
      expect(readBack).toEqual({ ...other, linkKey: linkKey('1', 'other', 'mrs khan') });
      const byPupil = (await stores.incidentLinks.find({ where: { pupilId: '7' }, limit: 10 })).items;
      expect(byPupil.map((one) => [one.incidentId, one.role])).toEqual([
        ['1', 'affected'],
        ['2', 'named'],
      ]);
      expect((await stores.incidentLinks.find({ where: { incidentId: '1' }, limit: 10 })).items.map((one) => one.kind)).toEqual([
        'pupil',
        'staff',
        'other',
      ]);
      await expect(stores.incidentLinks.insert(link('1', '7', { role: 'witness' }))).rejects.toBeInstanceOf(DuplicateRecordError);

      // A changed part and an unlinking are kept on the same link, and found by pupil as they now are.
      const changed = await stores.incidentLinks.update({ ...first, role: 'witness' });
      await stores.incidentLinks.update({ ...changed, linked: false });
      expect(
        (await stores.incidentLinks.find({ where: { pupilId: '7' }, limit: 10 })).items.map((one) => [
          one.incidentId,
          one.role,
          one.linked,
        ]),
      ).toEqual([
        ['1', 'witness', false],
        ['2', 'named', true],
      ]);
      await expect(stores.incidentLinks.update({ ...first, role: 'causedHarm' })).rejects.toBeInstanceOf(StaleRecordError);
    });

    it('keeps the body map, follow-ups and decisions of an incident whole', async () => {
      const record = incident({
        bodyMap: [{ id: 'm1', view: 'front', x: 73, y: 80, note: 'Bruise, about 3 cm, "yellowish"' }],
        followUps: [
          {
            id: 'f1',
            text: 'Referral follow-up',
            dueOn: '2026-11-25',
            assigneeId: 'dsl1',
            assigneeName: 'Patti Fernandez',
            setAt: '2026-11-24T10:00:00.000Z',
            setByName: 'Patti Fernandez',
            done: { at: '2026-11-25T09:00:00.000Z', byName: 'Sam Okafor' },
          },
        ],
        ico: {
          reported: true,
          reason: 'Likely risk to the pupils',
          decidedById: 'dpl1',
          decidedBy: 'Lynne Robbins',
          recordedAt: '2026-11-24T12:00:00.000Z',
        },
        firstOpened: { at: '2026-11-20T11:00:00.000Z', byId: 'dsl1', byName: 'Patti Fernandez' },
        escalatedStage: 1,
        police: {
          contacted: false,
          decidedBy: 'Patti Fernandez',
          decidedById: 'dsl1',
          decidedAs: 'dsl',
          reason: 'Inadvertent',
          recordedAt: '2026-11-21T09:00:00.000Z',
        },
      });
      const saved = await stores.incidents.insert(record);
      const { id: _id, version: _version, etag: _etag, ...readBack } = (await stores.incidents.get(saved.id))!;
      expect(readBack).toEqual(record);
    });

    it("keeps one leaver's transfer task per pupil, found by pupil and by status, and its record of the file sent whole", async () => {
      const now = '2026-11-24T10:00:00.000Z';
      const task = await stores.pupilTransfers.insert({
        pupilId: '41',
        status: 'toSend',
        leftOn: '2026-11-24',
        createdAt: now,
        updatedAt: now,
      });
      await stores.pupilTransfers.insert({ pupilId: '42', status: 'toSend', leftOn: '2026-11-20', createdAt: now, updatedAt: now });
      await expect(
        stores.pupilTransfers.insert({ pupilId: '41', status: 'toSend', leftOn: '2026-11-24', createdAt: now, updatedAt: now }),
      ).rejects.toBeInstanceOf(DuplicateRecordError);
      expect((await stores.pupilTransfers.find({ where: { pupilId: '41' }, limit: 5 })).items.map((one) => one.id)).toEqual([task.id]);

      const sent = {
        on: '2026-11-24',
        toSchool: "St Mary's C of E Academy",
        toDsl: 'Jo Baxter',
        how: 'cpoms' as const,
        recordedById: 'dsl1',
        recordedByName: 'Patti Fernandez',
        recordedAt: now,
      };
      const saved = await stores.pupilTransfers.update({ ...task, status: 'sent', sent });
      // The second of two DSLs, on the version both read: refused, nothing written.
      await expect(
        stores.pupilTransfers.update({ ...task, status: 'sent', sent: { ...sent, toSchool: 'Elm Park' } }),
      ).rejects.toBeInstanceOf(StaleRecordError);
      const { version: _v, etag: _e, ...readBack } = (await stores.pupilTransfers.get(task.id))!;
      expect(readBack).toEqual({ id: task.id, pupilId: '41', status: 'sent', leftOn: '2026-11-24', createdAt: now, updatedAt: now, sent });
      expect(saved.version).toBeGreaterThan(task.version);
      expect((await stores.pupilTransfers.find({ where: { status: 'toSend' }, limit: 5 })).items.map((one) => one.pupilId)).toEqual(['42']);
      expect((await stores.pupilTransfers.find({ where: { status: 'sent' }, limit: 5 })).items.map((one) => one.pupilId)).toEqual(['41']);
    });
  });
}
