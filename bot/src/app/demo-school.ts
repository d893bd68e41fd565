import type { Person } from '../domain/people/person';
import type { PolicyDocument } from '../domain/school/policy-document';
import type { Pupil } from '../domain/school/pupil';
import type { School } from '../domain/school/school';

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
  { displayName: 'Lynne Robbins', email: 'lynner@example.com', aadObjectId: playground(5), roles: ['staff', 'admin', 'dataProtectionLead'] },
  { displayName: 'Sam Okafor', email: 'samo@example.com', aadObjectId: demo(1), roles: ['staff', 'deputyDsl'] },
  { displayName: 'Priya Shah', email: 'priyas@example.com', aadObjectId: demo(2), roles: ['staff'] },
  { displayName: "Tom O'Neill", email: 'tomo@example.com', aadObjectId: demo(3), roles: ['staff', 'socialMediaStaff'] },
  { displayName: 'Linda Davis', email: 'lindad@example.com', aadObjectId: demo(4), roles: ['governor', 'chairOfGovernors'] },
  { displayName: 'Mark Green', email: 'markg@example.com', aadObjectId: demo(5), roles: ['governor'] },
];

const CLASS_4B = ['Amelia Khan', 'Oliver Bennett', 'Isla Nowak', 'Noah Williams', 'Ava Patel', 'Leo Murphy', 'Freya Jones', 'Zain Ahmed'];
const CLASS_6A = ['Mia Thompson', 'Harry Evans', 'Sofia Rossi', 'Jack Taylor', 'Grace Okoye', 'Ethan Clarke', 'Lily-Mae Brown', "Daniel O'Connor"];

export const DEMO_PUPILS: Omit<Pupil, 'id'>[] = [
  ...CLASS_4B.map((displayName, i) => ({ misReference: `DEMO-4B-${i + 1}`, displayName, className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' })),
  ...CLASS_6A.map((displayName, i) => ({ misReference: `DEMO-6A-${i + 1}`, displayName, className: '6A', yearGroup: 'Year 6', onRollFrom: '2020-09-03' })),
];

/** This policy, and the related policies of its section 1 (listed for reference). */
export const DEMO_POLICIES: Omit<PolicyDocument, 'id'>[] = [
  { title: 'Social Media Policy', approvedOn: '2022-10-11', reviewCycleMonths: 24, nextReviewDue: '2024-09-01', managedHere: true },
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
  ].map((title) => ({ title, managedHere: false })),
];
