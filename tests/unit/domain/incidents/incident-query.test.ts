/**
 * The Incidents tab's filters and sort (policy s.2: the DSL's log), as the predicate every store's
 * search must agree with. The scope comes first: a search never brings a concern about the
 * headteacher into the headteacher's results (s.8).
 */
import type { Incident } from '../../../../bot/src/domain/incidents/incident';
import {
  compareIncidents,
  INCIDENT_SORTS,
  matchesIncident,
  type IncidentFilter,
} from '../../../../bot/src/domain/incidents/incident-query';
import { incidentScope, type IncidentScope } from '../../../../bot/src/domain/incidents/incident-visibility';

const incident = (id: string, changes: Partial<Incident> = {}): Incident => ({
  id,
  submissionKey: `k${id}`,
  reporterId: 'r',
  reporterName: 'Alex Wilber',
  reportedAt: '2026-11-20T10:00:00Z',
  occurredOn: '2026-11-19',
  whatHappened: 'Unkind comments in the Year 6 group chat',
  where: 'platform',
  platform: 'WhatsApp',
  involved: 'pupil',
  category: 'cyberbullying',
  routedTo: 'dsl',
  aboutHeadteacher: false,
  status: 'new',
  updatedAt: '2026-11-20T10:00:00Z',
  ...changes,
});

const EVERYTHING: IncidentScope = { byRole: 'all', assignedTo: 'dsl-1', categories: [], excludeAboutHeadteacher: false };
const HEADTEACHER = incidentScope({ id: 'head-1', roles: ['staff', 'headteacher'] });

describe('the filters (each narrows the list; dates are inclusive, on the day reported)', () => {
  const subject = incident('42');
  it.each<[string, IncidentFilter, boolean]>([
    ['no filter', {}, true],
    ['the same status', { status: 'new' }, true],
    ['another status', { status: 'closed' }, false],
    ['the same category', { category: 'cyberbullying' }, true],
    ['another category', { category: 'staffConduct' }, false],
    ['routed to the same role', { routedTo: 'dsl' }, true],
    ['routed to another role', { routedTo: 'headteacher' }, false],
    ['from the day it was reported', { from: '2026-11-20' }, true],
    ['from the day after', { from: '2026-11-21' }, false],
    ['to the day it was reported', { to: '2026-11-20' }, true],
    ['to the day before', { to: '2026-11-19' }, false],
    ['words from what happened, in any case', { text: 'YEAR 6 group' }, true],
    ['the platform', { text: 'whatsapp' }, true],
    ["the reporter's name, with spaces around", { text: '  alex wilber ' }, true],
    ['words it does not hold', { text: 'Instagram' }, false],
    ['its reference', { text: 'C-00042' }, true],
    ['its number, typed short', { text: 'c42' }, true],
    ["another incident's reference", { text: 'C-00041' }, false],
    [
      'every filter matching at once',
      { status: 'new', category: 'cyberbullying', routedTo: 'dsl', from: '2026-11-01', to: '2026-11-30', text: 'group chat' },
      true,
    ],
    [
      'every filter matching but one',
      { status: 'new', category: 'cyberbullying', routedTo: 'dsl', from: '2026-11-01', to: '2026-11-30', text: 'football' },
      false,
    ],
  ])('%s: %s', (_case, filter, expected) => {
    expect(matchesIncident(subject, { ...filter, scope: EVERYTHING })).toBe(expected);
  });

  it("keeps a concern about the headteacher out of the headteacher's search, even by its reference (s.8)", () => {
    const aboutHead = incident('7', {
      aboutHeadteacher: true,
      routedTo: 'chairOfGovernors',
      involved: 'headteacher',
      category: 'staffConduct',
    });
    expect(matchesIncident(aboutHead, { text: 'C-00007', scope: HEADTEACHER })).toBe(false);
    expect(matchesIncident(aboutHead, { routedTo: 'chairOfGovernors', scope: HEADTEACHER })).toBe(false);
    expect(matchesIncident(incident('8'), { text: 'C-00008', scope: HEADTEACHER })).toBe(true);
  });
});

describe('the sort (ties: newest first)', () => {
  const list = [
    incident('9', { reportedAt: '2026-11-20T10:00:00Z', status: 'closed' }),
    incident('10', { reportedAt: '2026-11-20T10:00:00Z', status: 'inProgress' }),
    incident('2', { reportedAt: '2026-11-22T08:00:00Z', status: 'new' }),
    incident('3', { reportedAt: '2026-11-18T08:00:00Z', status: 'inProgress' }),
  ];
  const order = (...args: Parameters<typeof compareIncidents>) => [...list].sort(compareIncidents(...args)).map((item) => item.id);

  it.each<[string, Parameters<typeof compareIncidents>, string[]]>([
    ['by default: newest reported first, the higher number first on the same moment', [], ['2', '10', '9', '3']],
    ['reported, oldest first', ['reportedAt', false], ['3', '9', '10', '2']],
    ['by status, A to Z, ties by number', ['status', false], ['9', '3', '10', '2']],
    ['by status, Z to A', ['status', true], ['2', '10', '3', '9']],
  ])('%s', (_case, args, expected) => {
    expect(order(...args)).toEqual(expected);
  });
});

/** s.2: the columns the DSL's log can be sorted by, in the order the tab offers them. */
describe('the sorts the Incidents tab offers (s.2)', () => {
  it('reported, happened, status, category and who it went to', () => {
    expect(INCIDENT_SORTS).toEqual(['reportedAt', 'occurredOn', 'status', 'category', 'routedTo']);
  });
});
