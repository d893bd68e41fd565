import { ACCESS_WORKFLOW } from '../access/access-workflow';
import { PERMISSION_WORKFLOWS } from '../permission/permission-workflows';
import { POSTING_WORKFLOW } from '../posting/posting-workflow';
import type { RequestType } from '../records/record-type';
import type { AnyWorkflow } from './workflow';

/** Every request type's definition: a type missing here does not compile. */
export const WORKFLOWS: Record<RequestType, AnyWorkflow> = {
  accessRequest: ACCESS_WORKFLOW,
  postingRequest: POSTING_WORKFLOW,
  ...PERMISSION_WORKFLOWS,
};
