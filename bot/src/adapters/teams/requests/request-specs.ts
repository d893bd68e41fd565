import type { RequestType } from '../../../domain/records/record-type';
import { ACCESS_SPEC } from './access-spec';
import { PERMISSION_SPECS } from './permission-specs';
import { POSTING_SPEC } from './posting-spec';
import type { RequestSpec } from './request-spec';

/** Every request type's part in Teams: a type missing here does not compile. */
export const REQUEST_SPECS: { [T in RequestType]: RequestSpec<T> } = {
  accessRequest: ACCESS_SPEC,
  postingRequest: POSTING_SPEC,
  ...PERMISSION_SPECS,
};

export function specOf<T extends RequestType>(type: T): RequestSpec<T> {
  return REQUEST_SPECS[type];
}
