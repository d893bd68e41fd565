import type { ChronologyEntry, Incident, IncidentReport, IncidentStatus } from '../domain/incidents/incident';
import { LINK_ROLE_LABELS, linkKey, type LinkRole } from '../domain/incidents/incident-people';
import { routeIncident } from '../domain/incidents/incident-routing';
import type { Person } from '../domain/people/person';
import { ROLE_LABELS } from '../domain/people/role';
import type { Pupil } from '../domain/school/pupil';
import type { Stores } from '../ports/stores.port';

type DemoIncident = IncidentReport & {
  reporter: string;
  daysAgo: number;
  status: IncidentStatus;
  cpoms?: string;
  steps: [string, string][];
  /** Pupils and their part: `named` is a pupil the reporter named, for the DSL to confirm. */
  pupils?: [string, LinkRole][];
  /** Who opened it first; none for a concern nobody has opened yet. */
  openedBy?: string;
};

/** Made-up concerns for the demo school, so the Incidents tab has a log to show (every kind of route). */
const DEMO_INCIDENTS: DemoIncident[] = [
  {
    reporter: 'Priya Shah',
    daysAgo: 120,
    status: 'closed',
    cpoms: 'CP-2026-0113',
    whatHappened: 'Two Year 6 pupils were excluding a classmate from a group chat and posting unkind memes about her.',
    occurredOn: '',
    where: 'platform',
    platform: 'WhatsApp group chat',
    involved: 'pupil',
    category: 'cyberbullying',
    steps: [
      ['Patti Fernandez', 'Spoke to both pupils and their parents; Anti-bullying Policy followed.'],
      ['Patti Fernandez', 'Closed: no further messages reported after two weeks.'],
    ],
    pupils: [
      ['Mia Thompson', 'affected'],
      ['Harry Evans', 'causedHarm'],
      ['Jack Taylor', 'causedHarm'],
      ['Grace Okoye', 'witness'],
    ],
    openedBy: 'Patti Fernandez',
  },
  {
    reporter: 'Alex Wilber',
    daysAgo: 75,
    status: 'actionTaken',
    whatHappened: 'A Year 4 pupil reached a violent video through a search on a classroom laptop.',
    occurredOn: '',
    where: 'schoolDevice',
    platform: 'Classroom laptop 12',
    involved: 'pupil',
    category: 'contentOnSchoolEquipment',
    steps: [['Megan Bowen', 'Site added to the filter block list; checked from two classroom laptops.']],
    pupils: [['Noah Williams', 'affected']],
    openedBy: 'Megan Bowen',
  },
  {
    reporter: "Tom O'Neill",
    daysAgo: 40,
    status: 'inProgress',
    whatHappened: "A parent posted on the school's Facebook page calling the Year 5 teacher incompetent, and others joined in.",
    occurredOn: '',
    where: 'schoolAccount',
    platform: 'Facebook',
    involved: 'parent',
    category: 'abuseAboutSchool',
    sourceMessage: {
      author: "Tom O'Neill",
      link: 'https://teams.microsoft.com/l/message/19:demo-staff-team@thread.skype/1732448744833',
      text: "Has anyone seen the Facebook page? A parent is calling Mrs Patel incompetent under the trip photos and others are joining in. I've taken a screenshot.",
    },
    steps: [['Patti Fernandez', 'Screenshot kept; comment hidden on the page. Meeting with the headteacher offered to the parent.']],
    openedBy: 'Patti Fernandez',
  },
  {
    reporter: 'Priya Shah',
    daysAgo: 21,
    status: 'inProgress',
    whatHappened: 'A Year 6 pupil said an older teenager online asked her to send photos and keep it secret.',
    occurredOn: '',
    where: 'platform',
    platform: 'Roblox chat',
    involved: 'pupil',
    category: 'pupilDisclosure',
    steps: [['Patti Fernandez', 'Recorded on CPOMS; parents informed; CEOP report discussed with the family.']],
    cpoms: 'CP-2026-0188',
    pupils: [['Grace Okoye', 'affected']],
    openedBy: 'Patti Fernandez',
  },
  {
    reporter: 'Alex Wilber',
    daysAgo: 9,
    status: 'new',
    whatHappened: "A parent sent a follow request to a teaching assistant's personal Instagram account.",
    occurredOn: '',
    where: 'platform',
    platform: 'Instagram',
    involved: 'parent',
    category: 'friendFollowStaff',
    steps: [],
    openedBy: 'Adele Vance',
  },
  {
    reporter: "Tom O'Neill",
    daysAgo: 5,
    status: 'new',
    whatHappened: 'A comment about the headteacher in a staff WhatsApp group looks like bullying of a colleague.',
    occurredOn: '',
    where: 'platform',
    platform: 'WhatsApp',
    involved: 'headteacher',
    category: 'staffConduct',
    steps: [],
    openedBy: 'Linda Davis',
  },
  {
    reporter: 'Priya Shah',
    daysAgo: 2,
    status: 'new',
    whatHappened: 'A pupil showed others how to use a VPN app on a school iPad to reach blocked games.',
    occurredOn: '',
    where: 'schoolDevice',
    platform: 'School iPad',
    involved: 'pupil',
    category: 'firewallCircumvention',
    steps: [],
    pupils: [['Leo Murphy', 'named']],
  },
  {
    reporter: 'Priya Shah',
    daysAgo: 1,
    status: 'inProgress',
    whatHappened: "A spreadsheet of Year 6 pupils' names and dates of birth was emailed to a parent by mistake.",
    occurredOn: '',
    where: 'schoolAccount',
    platform: 'School email',
    involved: 'pupil',
    category: 'dataProtectionBreach',
    steps: [['Lynne Robbins', 'Asked the parent to delete the email; they confirmed by reply.']],
    openedBy: 'Lynne Robbins',
  },
];

export async function seedDemoIncidents(stores: Stores, people: Person[], pupils: Pupil[], now: Date): Promise<void> {
  const who = (name: string) => people.find((person) => person.displayName === name)!;
  const pupil = (name: string) => pupils.find((candidate) => candidate.displayName === name)!;
  for (const [index, demo] of DEMO_INCIDENTS.entries()) {
    const { reporter: reporterName, daysAgo, steps, cpoms, pupils: involved = [], openedBy, ...report } = demo;
    const reporter = who(reporterName);
    const at = (hours: number) => new Date(now.getTime() - daysAgo * 86_400_000 + hours * 3_600_000).toISOString();
    const routing = routeIncident(report.category, report.involved);
    const assignee = people.find((person) => person.roles.includes(routing.routedTo));
    const incident: Omit<Incident, 'id'> = {
      ...report,
      occurredOn: at(-20).slice(0, 10),
      submissionKey: `demo-incident-${index + 1}`,
      reporterId: reporter.id,
      reporterName: reporter.displayName,
      reportedAt: at(0),
      routedTo: routing.routedTo,
      aboutHeadteacher: report.involved === 'headteacher',
      ...(assignee ? { assigneeId: assignee.id, assigneeName: assignee.displayName } : {}),
      nobodyToldYet: false,
      ...(openedBy ? { firstOpened: { at: at(2), byId: who(openedBy).id, byName: openedBy } } : {}),
      escalatedStage: 0,
      ...(cpoms ? { cpomsReference: cpoms } : {}),
      updatedAt: at(steps.length * 24),
    };
    const saved = await stores.incidents.insert(incident);
    const links = involved.map(([name, role]) => ({ ...pupil(name), role }));
    await stores.incidentLinks.insertMany(
      links.map(({ id, displayName, className, yearGroup, role }) => ({
        incidentId: saved.id,
        kind: 'pupil' as const,
        linkKey: linkKey(saved.id, 'pupil', id),
        pupilId: id,
        name: displayName,
        className,
        yearGroup,
        role,
        linked: true,
        updatedAt: at(1),
      })),
    );
    const dsl = who('Patti Fernandez');
    const entries: Omit<ChronologyEntry, 'id'>[] = [
      {
        incidentId: saved.id,
        at: at(0),
        byId: reporter.id,
        byName: reporter.displayName,
        kind: 'reported',
        text: `Reported; routed to the ${ROLE_LABELS[routing.routedTo].toLowerCase()}. Procedure: ${routing.procedure} (policy ${routing.policy}).`,
      },
      ...(openedBy
        ? [
            {
              incidentId: saved.id,
              at: at(2),
              byId: who(openedBy).id,
              byName: openedBy,
              kind: 'opened' as const,
              text: 'Opened for the first time',
            },
          ]
        : []),
      ...links
        .filter((link) => link.role !== 'named')
        .map((link): Omit<ChronologyEntry, 'id'> => ({
          incidentId: saved.id,
          at: at(3),
          byId: dsl.id,
          byName: dsl.displayName,
          kind: 'people',
          text: `Linked ${link.displayName} (pupil, ${link.className}) as ${LINK_ROLE_LABELS[link.role]}`,
        })),
      ...steps.map(([name, text], step): Omit<ChronologyEntry, 'id'> => ({
        incidentId: saved.id,
        at: at((step + 1) * 24),
        byId: who(name).id,
        byName: name,
        kind: 'action',
        text,
      })),
    ];
    for (const entry of entries) await stores.incidentChronology.append(entry);
  }
}
