import type { AccessRequest } from '../../domain/access/access-request';
import type { PermissionRequest } from '../../domain/permission/permission-request';
import type { PostingRequest } from '../../domain/posting/posting-request';
import type { CardMessageRecord } from '../../ports/conversation.port';
import type { Stores } from '../../ports/stores.port';
import { openDatabase, type DatabaseOptions } from './database';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteCollection } from './sqlite-collection';
import { SqliteChronology, SqliteIncidentStore } from './sqlite-incident-store';
import { SqlitePostStore } from './sqlite-post-store';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteSaveTogether } from './sqlite-save-together';

type RequestField = 'requesterId' | 'state' | 'submissionKey';

/** Every store on one SQLite file in `dataDir` (or in memory, for tests and benchmarks). */
export function createSqliteStores(dataDir: string | ':memory:', options: DatabaseOptions = {}): Stores {
  const db = openDatabase(dataDir, options);
  const requests = {
    accessRequests: new SqliteCollection<AccessRequest, RequestField>(db, 'access_requests', ['requesterId', 'state', 'submissionKey']),
    postingRequests: new SqliteCollection<PostingRequest, RequestField>(db, 'posting_requests', ['requesterId', 'state', 'submissionKey']),
    permissionRequests: new SqliteCollection<PermissionRequest, RequestField | 'requestType'>(db, 'permission_requests', [
      'requesterId',
      'state',
      'submissionKey',
      'requestType',
    ]),
  };
  const outbox = new SqliteOutbox(db);
  const cardMessages = new SqliteCollection<CardMessageRecord, 'recordId'>(db, 'card_messages', ['recordId']);
  const audit = new SqliteAuditLog(db);
  return {
    school: new SqliteCollection(db, 'school', []),
    people: new SqliteCollection(db, 'people', ['aadObjectId']),
    pupils: new SqliteCollection(db, 'pupils', ['className', 'misReference']),
    consents: new SqliteCollection(db, 'consents', ['pupilId']),
    socialAccounts: new SqliteCollection(db, 'social_accounts', ['active']),
    posts: new SqlitePostStore(db),
    devices: new SqliteCollection(db, 'devices', ['active']),
    takedowns: new SqliteCollection(db, 'takedowns', ['ownerId', 'status', 'taskKey', 'pupilId']),
    policies: new SqliteCollection(db, 'policies', []),
    policyVersions: new SqliteCollection(db, 'policy_versions', ['policyId']),
    policyReads: new SqliteCollection(db, 'policy_reads', ['versionId', 'readKey']),
    termDates: new SqliteCollection(db, 'term_dates', []),
    trainingRequirements: new SqliteCollection(db, 'training_requirements', ['requirementId']),
    firstSeen: new SqliteCollection(db, 'first_seen', ['personId']),
    ...requests,
    conversations: new SqliteCollection(db, 'conversations', ['key', 'aadObjectId']),
    cardMessages,
    incidents: new SqliteIncidentStore(db),
    incidentChronology: new SqliteChronology(db),
    incidentLinks: new SqliteCollection(db, 'incident_links', ['incidentId', 'pupilId', 'linkKey']),
    pupilTransfers: new SqliteCollection(db, 'pupil_transfers', ['pupilId', 'status']),
    trainingRecords: new SqliteCollection(db, 'training_records', ['subjectId', 'requirementId', 'status']),
    refreshers: new SqliteCollection(db, 'refreshers', []),
    filteringReviews: new SqliteCollection(db, 'filtering_reviews', ['year']),
    reviewActions: new SqliteCollection(db, 'review_actions', ['assigneeId', 'status', 'taskKey', 'reviewId']),
    outbox,
    appInstallations: new SqliteCollection(db, 'app_installations', ['aadObjectId']),
    jobRuns: new SqliteCollection(db, 'job_runs', ['job']),
    importJobs: new SqliteCollection(db, 'import_jobs', ['lock']),
    audit,
    together: new SqliteSaveTogether(db, requests, audit, outbox, cardMessages),
    async isEmpty() {
      const row = db.prepare('SELECT (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM school) AS n').get() as { n: number };
      return row.n === 0;
    },
    async close() {
      db.close();
    },
  };
}
