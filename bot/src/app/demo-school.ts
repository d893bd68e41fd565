import type { TermDateEntry } from '../domain/calendar/term-date-entries';
import type { Person } from '../domain/people/person';
import type { PolicyInput } from '../domain/school/policy-input';
import type { Pupil } from '../domain/school/pupil';
import type { School } from '../domain/school/school';
import type { RequirementInput } from '../domain/training/requirement-input';

/**
 * A made-up school so that `npm start` shows something real. The first six people use the
 * Microsoft 365 Agents Playground's built-in users (its default user is Alex Wilber), so every
 * role can be tried there without a tenant.
 */
/** The Agents Playground's default user (Alex Wilber): the first persona a newcomer sees. */
export const PLAYGROUND_DEFAULT_AAD_ID = '00000000-0000-0000-0000-0000000000020';

export const DEMO_SCHOOL: School = {
  name: 'Riverside Community Primary School (demo)',
  contactForAccess: 'the school office (Lynne Robbins)',
};

const playground = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;
const demo = (n: number) => `00000000-0000-0000-0000-0000000001${String(n).padStart(2, '0')}`;

export const DEMO_PEOPLE: Omit<Person, 'id'>[] = [
  { displayName: 'Alex Wilber', email: 'alexw@example.com', aadObjectId: playground(0), roles: ['staff'] },
  { displayName: 'Megan Bowen', email: 'meganb@example.com', aadObjectId: playground(1), roles: ['staff', 'onlineSafetyLead'] },
  { displayName: 'Adele Vance', email: 'adelev@example.com', aadObjectId: playground(2), roles: ['staff', 'headteacher'] },
  { displayName: 'Isaiah Langer', email: 'isaiahl@example.com', aadObjectId: playground(3), roles: ['staff', 'ictTechnician'] },
  { displayName: 'Patti Fernandez', email: 'pattif@example.com', aadObjectId: playground(4), roles: ['staff', 'dsl'] },
  {
    displayName: 'Lynne Robbins',
    email: 'lynner@example.com',
    aadObjectId: playground(5),
    roles: ['staff', 'admin', 'dataProtectionLead'],
  },
  { displayName: 'Sam Okafor', email: 'samo@example.com', aadObjectId: demo(1), roles: ['staff', 'deputyDsl'] },
  { displayName: 'Priya Shah', email: 'priyas@example.com', aadObjectId: demo(2), roles: ['staff'] },
  { displayName: "Tom O'Neill", email: 'tomo@example.com', aadObjectId: demo(3), roles: ['staff', 'socialMediaStaff'] },
  { displayName: 'Linda Davis', email: 'lindad@example.com', aadObjectId: demo(4), roles: ['governor', 'chairOfGovernors'] },
  { displayName: 'Mark Green', email: 'markg@example.com', aadObjectId: demo(5), roles: ['governor'] },
];

const CLASS_4B = ['Amelia Khan', 'Oliver Bennett', 'Isla Nowak', 'Noah Williams', 'Ava Patel', 'Leo Murphy', 'Freya Jones', 'Zain Ahmed'];
const CLASS_6A = [
  'Mia Thompson',
  'Harry Evans',
  'Sofia Rossi',
  'Jack Taylor',
  'Grace Okoye',
  'Ethan Clarke',
  'Lily-Mae Brown',
  "Daniel O'Connor",
];

export const DEMO_PUPILS: Omit<Pupil, 'id'>[] = [
  ...CLASS_4B.map((displayName, i) => ({
    misReference: `DEMO-4B-${i + 1}`,
    displayName,
    className: '4B',
    yearGroup: 'Year 4',
    onRollFrom: '2022-09-05',
  })),
  ...CLASS_6A.map((displayName, i) => ({
    misReference: `DEMO-6A-${i + 1}`,
    displayName,
    className: '6A',
    yearGroup: 'Year 6',
    onRollFrom: '2020-09-03',
  })),
];

/**
 * This policy with its two reviews (the headteacher with the online safety lead every two years,
 * s.12, and the governing board every year, s.2), and the related policies of its section 1,
 * listed for reference. The headteacher's review is overdue, as the policy text's own date was.
 */
export const DEMO_POLICIES: Omit<PolicyInput, 'retired'>[] = [
  {
    title: 'Social Media Policy',
    owner: 'Headteacher',
    approvedOn: '2022-10-11',
    reviews: [
      {
        name: 'Headteacher with the online safety lead',
        reviewers: ['headteacher', 'onlineSafetyLead'],
        cycleMonths: 24,
        nextReviewDue: '2024-09-01',
      },
      { name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: 12, nextReviewDue: '2026-12-10' },
    ],
  },
  ...[
    'Acceptable Use Agreement for Staff',
    'Online Safety Policy',
    'Data Protection Policy',
    'Complaints Procedures Policy',
    'Anti-bullying Policy',
    'Allegations of Abuse Against Staff Policy',
    'Staff Code of Conduct',
    'Data and Cyber-Security Breach Prevention and Management Plan',
    'Child Protection and Safeguarding Policy',
    'Disciplinary Policy and Procedure',
    'Behaviour Policy',
  ].map((title) => ({ title, owner: 'Headteacher', approvedOn: '', reviews: [] })),
];

const term = (name: string, start: string, end: string): TermDateEntry => ({ kind: 'term', name, start, end });
const closed = (name: string, start: string, end = start): TermDateEntry => ({ kind: 'closure', name, start, end });

/** Made-up term dates for 2025-26 to 2027-28, like an English local authority's. */
export const DEMO_TERM_DATES: TermDateEntry[] = [
  term('Autumn 2025', '2025-09-03', '2025-12-19'),
  closed('Half term', '2025-10-27', '2025-10-31'),
  term('Spring 2026', '2026-01-05', '2026-03-27'),
  closed('Half term', '2026-02-16', '2026-02-20'),
  term('Summer 2026', '2026-04-13', '2026-07-22'),
  closed('Early May bank holiday', '2026-05-04'),
  closed('Half term', '2026-05-25', '2026-05-29'),
  term('Autumn 2026', '2026-09-02', '2026-12-18'),
  closed('Half term', '2026-10-26', '2026-10-30'),
  term('Spring 2027', '2027-01-04', '2027-03-25'),
  closed('Half term', '2027-02-15', '2027-02-19'),
  term('Summer 2027', '2027-04-12', '2027-07-21'),
  closed('Early May bank holiday', '2027-05-03'),
  closed('Half term', '2027-05-31', '2027-06-04'),
  term('Autumn 2027', '2027-09-01', '2027-12-17'),
  closed('INSET day', '2027-09-01'),
  closed('Half term', '2027-10-25', '2027-10-29'),
  term('Spring 2028', '2028-01-04', '2028-04-07'),
  closed('Half term', '2028-02-14', '2028-02-18'),
  term('Summer 2028', '2028-04-24', '2028-07-21'),
  closed('Early May bank holiday', '2028-05-01'),
  closed('Half term', '2028-05-29', '2028-06-02'),
];

/** The standing requirements of s.2 and s.11, as a school would enter them. */
export const DEMO_TRAINING_REQUIREMENTS: Omit<RequirementInput, 'retired'>[] = [
  {
    requirementId: 'staff-online-safety',
    title: 'Online safety training',
    audience: 'staff',
    roles: ['staff'],
    frequency: 'inductionThenEvery',
    months: 12,
    graceDays: 30,
    policy: 's.2, s.11',
  },
  // s.2: governors keep their own online safety knowledge current.
  {
    requirementId: 'governor-online-safety',
    title: "Governors' online safety training",
    audience: 'staff',
    roles: ['governor', 'chairOfGovernors'],
    frequency: 'inductionThenEvery',
    months: 12,
    graceDays: 90,
    policy: 's.2',
  },
  {
    requirementId: 'pupil-online-safety',
    title: 'Online safety and social media lessons',
    audience: 'pupils',
    frequency: 'termly',
    policy: 's.11',
  },
  {
    requirementId: 'parent-online-safety',
    title: 'Online safety and social media training for parents (invitation)',
    audience: 'parents',
    frequency: 'every',
    months: 12,
    policy: 's.11',
  },
];
