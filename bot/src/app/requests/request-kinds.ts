import type { AccessActionType, AccessRequest } from '../../domain/access/access-request';
import type { PermissionRequest, PermissionStep, PermissionType } from '../../domain/permission/permission-request';
import type { PostingRequest, PostingStep } from '../../domain/posting/posting-request';
import type { RequestType } from '../../domain/records/record-type';
import type { AnyWorkflow, RequestRecord, StepInput } from '../../domain/workflow/workflow';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { Collection } from '../../ports/collection.port';
import type { SavedTogetherStore } from '../../ports/save-together.port';
import type { Stores } from '../../ports/stores.port';
import type { AppDeps } from '../app-deps';
import type { Announce } from '../reminders/announce';
import { ACCESS_KIND } from './access-kind';
import { PERMISSION_KINDS } from './permission-kind';
import { POSTING_KIND } from './posting-kind';

/** Each request type's record and steps, for callers that know which type they hold. */
export type RequestTypes = {
  accessRequest: { record: AccessRequest; step: AccessActionType };
  postingRequest: { record: PostingRequest; step: PostingStep };
} & { [T in PermissionType]: { record: PermissionRequest; step: PermissionStep } };
export type RequestOf<T extends RequestType> = RequestTypes[T]['record'];
export type StepOf<T extends RequestType> = RequestTypes[T]['step'];

export type RequestCollection = Collection<RequestRecord, 'requesterId' | 'state' | 'submissionKey'>;

/** A step as asked for: the text typed for it (checked), or the form sent again with what it names looked up. */
export interface AskedStep {
  type: string;
  fields: Record<string, string>;
  form?: unknown;
}

/** The app's part of a request type: where its records are kept, and what only the records can tell. */
export interface RequestKind {
  workflow: AnyWorkflow;
  store(stores: Stores): RequestCollection;
  /** The store its records are saved in together with their audit entries and notices (`stores.together`). */
  storeName: SavedTogetherStore;
  /** The checked form with what it names looked up (a new request, or one sent again). */
  prepare?(deps: AppDeps, form: unknown, current?: RequestRecord): Promise<unknown>;
  /** What the rules need to take the step, where that takes the records (a request to post: the checks, run again). */
  toStep?(deps: AppDeps, request: RequestRecord, asked: AskedStep): Promise<StepInput>;
  /** Done once the rules allow the step, before it is saved (a post is registered with its pupils). */
  beforeSave?(deps: AppDeps, next: RequestRecord, step: StepInput): Promise<RequestRecord>;
  /** Done once the step is saved (takedowns for a post made after consent was withdrawn). */
  afterSave?(deps: StepDeps, saved: RequestRecord, step: StepInput): Promise<void>;
}

/** What taking a step needs besides the app's usual: the outbox, for what a step sets off (takedowns). */
export type StepDeps = AppDeps & { announce: Announce };

/** Every request type the app runs: one entry each, with its definition from the domain. */
export const REQUEST_KINDS: Record<RequestType, RequestKind> = {
  accessRequest: ACCESS_KIND,
  postingRequest: POSTING_KIND,
  ...PERMISSION_KINDS,
};

/** One type's records, as that type's (the table above holds every type's as any request's). */
export function storeOf<T extends RequestType>(
  stores: Stores,
  type: T,
): Collection<RequestOf<T>, 'requesterId' | 'state' | 'submissionKey'> {
  return REQUEST_KINDS[type].store(stores) as unknown as Collection<RequestOf<T>, 'requesterId' | 'state' | 'submissionKey'>;
}

/** What the rules are given for a step: by default the typed text, or the form as sent again. */
export function defaultStep(asked: AskedStep): StepInput {
  const step: StepInput & Record<string, unknown> =
    asked.form !== undefined ? { type: asked.type, input: asked.form } : { type: asked.type, ...asked.fields };
  return step;
}
