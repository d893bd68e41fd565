import { ACCOUNT_PASSWORD_WORKFLOW } from './account-password-workflow';
import type { PermissionType } from './permission-request';
import { PUPIL_WIFI_WORKFLOW } from './pupil-wifi-workflow';
import { STAFF_PERSONAL_ACCOUNT_WORKFLOW } from './staff-personal-account-workflow';

/** The smaller permissions' definitions: a type missing here does not compile. */
export const PERMISSION_WORKFLOWS = {
  staffPersonalAccount: STAFF_PERSONAL_ACCOUNT_WORKFLOW,
  pupilWifi: PUPIL_WIFI_WORKFLOW,
  accountPassword: ACCOUNT_PASSWORD_WORKFLOW,
} satisfies Record<PermissionType, unknown>;
