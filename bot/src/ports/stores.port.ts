import type { AccessRequest } from '../domain/access/access-request';
import type { ConsentEvent } from '../domain/consent/consent';
import type { RegisteredPost, TrackedTakedown } from '../domain/consent/takedown';
import type { PermissionRequest } from '../domain/permission/permission-request';
import type { PostingRequest } from '../domain/posting/posting-request';
import type { SocialAccount } from '../domain/posting/social-account';
import type { ApprovedDevice } from '../domain/devices/approved-device';
import type { Person } from '../domain/people/person';
import type { PolicyDocument } from '../domain/school/policy-document';
import type { Pupil } from '../domain/school/pupil';
import type { School } from '../domain/school/school';
import type { AuditLog } from './audit-log.port';
import type { Collection, Versioned } from './collection.port';
import type { CardMessageRecord, ConversationRecord } from './conversation.port';
import type { ChronologyStore, IncidentStore } from './incident-store.port';
import type { IncidentLink } from '../domain/incidents/incident-people';
import type { PupilTransfer } from '../domain/incidents/pupil-transfer';
import type { OutboxCollection } from './outbox.port';
import type { SaveTogether } from './save-together.port';
import type { AppInstallation } from './teams-apps.port';
import type { ImportJobCollection } from './import-jobs.port';
import type { Refresher, TrainingRequirementRecord } from '../domain/training/training-requirement';
import type { SchoolCalendar } from '../domain/calendar/school-calendar';
import type { FirstSeen } from '../domain/people/first-seen';
import type { TrainingRecord } from '../domain/training/training-record';
import type { JobRun } from '../domain/jobs/job-run';
import type { PolicyVersion } from '../domain/policies/policy-version';
import type { PolicyRead } from '../domain/policies/policy-read';
import type { FilteringReviewRecord, ReviewActionTask } from '../domain/governance/filtering-review-record';

export type AccessRequestCollection = Collection<AccessRequest, 'requesterId' | 'state' | 'submissionKey'>;
export type PostingRequestCollection = Collection<PostingRequest, 'requesterId' | 'state' | 'submissionKey'>;
/** Every one of the smaller permissions (s.5, s.7), each record with its type. */
export type PermissionRequestCollection = Collection<PermissionRequest, 'requesterId' | 'state' | 'submissionKey' | 'requestType'>;
export type PersonCollection = Collection<Person, 'aadObjectId'>;
export type PupilCollection = Collection<Pupil, 'className' | 'misReference'>;
export type ConsentCollection = Collection<ConsentEvent, 'pupilId'>;
export type SocialAccountCollection = Collection<SocialAccount, 'active'>;
export type DeviceCollection = Collection<ApprovedDevice, 'active'>;
/** Posts on the school's accounts, each found by the pupils it shows too (a post shows several pupils, so an index of its own). */
export interface PostStore extends Collection<RegisteredPost, 'accountId'> {
  /** The posts that show this pupil, oldest first, read through that index rather than by reading every post. */
  showing(pupilId: string): Promise<Versioned<RegisteredPost>[]>;
}
export type TakedownCollection = Collection<TrackedTakedown, 'ownerId' | 'status' | 'taskKey' | 'pupilId'>;
export type PolicyCollection = Collection<PolicyDocument, never>;
export type PolicyVersionCollection = Collection<PolicyVersion, 'policyId'>;
export type PolicyReadCollection = Collection<PolicyRead, 'versionId' | 'readKey'>;
/** One record at most (a second is refused as a duplicate). */
export type SchoolCollection = Collection<School & { id: string }, never>;
/** The school's term dates, every year in one record (at most one), so that an import is one write. */
export type TermDatesCollection = Collection<SchoolCalendar & { id: string }, never>;
export type TrainingRequirementCollection = Collection<TrainingRequirementRecord, 'requirementId'>;
export type FirstSeenCollection = Collection<FirstSeen, 'personId'>;
export type ConversationCollection = Collection<ConversationRecord, 'key' | 'aadObjectId'>;
export type CardMessageCollection = Collection<CardMessageRecord, 'recordId'>;
export type TrainingRecordCollection = Collection<TrainingRecord, 'subjectId' | 'requirementId' | 'status'>;
export type RefresherCollection = Collection<Refresher, never>;
/** The people linked to incidents: read by incident (its record) and by pupil (the pupil's chronology). */
export type IncidentLinkCollection = Collection<IncidentLink, 'incidentId' | 'pupilId' | 'linkKey'>;
/** Leavers' safeguarding files to send on, one per pupil (a second for the same pupil is refused), found by pupil and by status. */
export type PupilTransferCollection = Collection<PupilTransfer, 'pupilId' | 'status'>;
/** The annual filtering and monitoring review, one record per school year (a second for the same year is refused). */
export type FilteringReviewCollection = Collection<FilteringReviewRecord, 'year'>;
/** The review's agreed actions as tasks, one per action (a unique task key), found by assignee and status. */
export type ReviewActionCollection = Collection<ReviewActionTask, 'assigneeId' | 'status' | 'taskKey' | 'reviewId'>;
export type AppInstallationCollection = Collection<AppInstallation, 'aadObjectId'>;
export type JobRunCollection = Collection<JobRun, 'job'>;

/** Every record store the app uses; one implementation per backing store (SQLite, SharePoint). */
export interface Stores {
  school: SchoolCollection;
  people: PersonCollection;
  pupils: PupilCollection;
  policies: PolicyCollection;
  /** The documents of the register's policies, one record per version (the files are in the policy library). */
  policyVersions: PolicyVersionCollection;
  /** "I have read and understood it": one per person per version. */
  policyReads: PolicyReadCollection;
  termDates: TermDatesCollection;
  trainingRequirements: TrainingRequirementCollection;
  /** When each person from the Entra groups first appeared, for those without a hire date. */
  firstSeen: FirstSeenCollection;
  accessRequests: AccessRequestCollection;
  postingRequests: PostingRequestCollection;
  permissionRequests: PermissionRequestCollection;
  consents: ConsentCollection;
  socialAccounts: SocialAccountCollection;
  posts: PostStore;
  /** School devices the online safety lead approved for taking photos and videos (s.4). */
  devices: DeviceCollection;
  takedowns: TakedownCollection;
  conversations: ConversationCollection;
  cardMessages: CardMessageCollection;
  incidents: IncidentStore;
  incidentChronology: ChronologyStore;
  incidentLinks: IncidentLinkCollection;
  /** Pupils who have left with a safeguarding file to send to their next school, and the record of it sent. */
  pupilTransfers: PupilTransferCollection;
  /** Training completions (s.11) and the refreshers the DSL requires. */
  trainingRecords: TrainingRecordCollection;
  refreshers: RefresherCollection;
  /** The annual filtering and monitoring review as recorded, and its agreed actions as tracked tasks. */
  filteringReviews: FilteringReviewCollection;
  reviewActions: ReviewActionCollection;
  /** Every reminder, stored under its idempotency key before it is sent. */
  outbox: OutboxCollection;
  /** The app installed for people by the app itself, and who could not be reached, and why. */
  appInstallations: AppInstallationCollection;
  /** Each scheduled job's current slot and who holds it: so that several instances run it once. */
  jobRuns: JobRunCollection;
  /** Pupil imports and their progress, for whichever instance the tab asks. */
  importJobs: ImportJobCollection;
  audit: AuditLog;
  /** A request's insert or decision saved with its audit entry and notices: all or nothing on SQLite, one `$batch` on SharePoint. */
  together: SaveTogether;
  /** True when nothing has been stored yet (the demo school is seeded only then). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}
