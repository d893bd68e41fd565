import type { PermissionType } from '../../../domain/permission/permission-request';
import { permissionSpec, type PermissionForm } from './permission-spec';
import { ACCOUNT_PASSWORD_FORM } from './permissions/account-password-form';
import { PUPIL_WIFI_FORM } from './permissions/pupil-wifi-form';
import { STAFF_PERSONAL_ACCOUNT_FORM } from './permissions/staff-personal-account-form';
import type { RequestSpec } from './request-spec';

/** The smaller permissions' forms in Teams: a type missing here does not compile. */
export const PERMISSION_FORMS: { [T in PermissionType]: PermissionForm<T> } = {
  staffPersonalAccount: STAFF_PERSONAL_ACCOUNT_FORM,
  pupilWifi: PUPIL_WIFI_FORM,
  accountPassword: ACCOUNT_PASSWORD_FORM,
};

/** Each one's part in Teams, built from its form. */
export const PERMISSION_SPECS = Object.fromEntries(Object.values(PERMISSION_FORMS).map((form) => [form.type, permissionSpec(form)])) as {
  [T in PermissionType]: RequestSpec<T>;
};
