import type { StepKind } from './step-kinds';

type PermissionType = 'staffPersonalAccount' | 'pupilWifi' | 'accountPassword';

/** The smaller permissions (s.5, s.7) in the list: how each is named, and its last step's button. */
const PERMISSIONS: Record<PermissionType, { path: string; names: [one: string, many: string]; complete: string; note: string }> = {
  staffPersonalAccount: {
    path: 'staff-personal-account',
    names: ['Personal account at school', 'personal account requests'],
    complete: 'Controls applied',
    note: 'What was set up (optional)',
  },
  pupilWifi: {
    path: 'pupil-wifi',
    names: ['Pupils on the school WiFi', 'pupil WiFi requests'],
    complete: 'Measures applied',
    note: 'What was set up (optional)',
  },
  accountPassword: {
    path: 'account-password',
    names: ['Sharing an account password', 'password sharing requests'],
    complete: 'Password changed',
    note: 'Note (never the password)',
  },
};

/** Each one's steps, as its card in the chat words them: the headteacher's decision, then the last step. */
function permissionSteps(type: PermissionType): StepKind {
  const { path, complete, note } = PERMISSIONS[type];
  return {
    path: (id) => `/api/permissions/${path}/${id}/steps`,
    buttons: {
      approve: { label: 'Approve', primary: true, done: 'Approved and signed. The requester is being told.' },
      refuse: { label: 'Refuse', done: 'Refused and signed. The requester is being told, with your reasons.' },
      complete: { label: complete, primary: true, done: 'Recorded. The people concerned are being told.' },
      withdraw: { label: 'Withdraw request', done: 'Your request has been withdrawn.' },
    },
    text: (steps) => (steps.includes('approve') ? 'Reasons (required if you refuse)' : steps.includes('complete') ? note : undefined),
    body: (verb, text, _extra, version) => ({ verb, reasons: text, version }),
  };
}

const TYPES = Object.keys(PERMISSIONS) as PermissionType[];

export const PERMISSION_NAMES = Object.fromEntries(TYPES.map((type) => [type, PERMISSIONS[type].names])) as Record<
  PermissionType,
  [string, string]
>;
export const PERMISSION_STEPS = Object.fromEntries(TYPES.map((type) => [type, permissionSteps(type)])) as Record<PermissionType, StepKind>;
