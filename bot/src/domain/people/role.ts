/** The roles the policy names (s.2). A person may hold several. */
export const ROLES = [
  'staff',
  'onlineSafetyLead',
  'headteacher',
  'dsl',
  'deputyDsl',
  'ictTechnician',
  'admin',
  'governor',
  'chairOfGovernors',
  /** The "other designated staff members" who create and monitor the school's accounts with the DSL (s.5). */
  'socialMediaStaff',
  /** Handles data-protection breaches under the school's Data and Cyber-Security Breach Prevention and Management Plan (s.4). */
  'dataProtectionLead',
] as const;

export type Role = (typeof ROLES)[number];

/** The roles every school needs someone in before the app can work: requests need all four. */
export const ROLES_EVERY_SCHOOL_NEEDS: readonly Role[] = ['staff', 'onlineSafetyLead', 'headteacher', 'ictTechnician'];

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'Staff member',
  onlineSafetyLead: 'Online safety lead',
  headteacher: 'Headteacher',
  dsl: 'Designated safeguarding lead',
  deputyDsl: 'Deputy DSL',
  ictTechnician: 'ICT technician',
  admin: 'Admin team',
  governor: 'Governor',
  chairOfGovernors: 'Chair of governors',
  socialMediaStaff: 'Designated social media staff',
  dataProtectionLead: 'Data protection lead',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
