/**
 * Schema changes, applied in order and recorded in `PRAGMA user_version`. Never edit a shipped
 * migration: add a new one. Each collection stores its record as JSON plus the indexed fields as
 * columns, the way a SharePoint list has its indexed columns.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE school (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "aadObjectId" TEXT);
  CREATE INDEX people_aad ON people ("aadObjectId");
  CREATE TABLE pupils (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "className" TEXT);
  CREATE INDEX pupils_class ON pupils ("className");
  CREATE TABLE policies (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "managedHere" INTEGER);
  CREATE TABLE access_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "requesterId" TEXT, "state" TEXT, "submissionKey" TEXT);
  CREATE INDEX access_requests_requester ON access_requests ("requesterId");
  CREATE INDEX access_requests_state ON access_requests ("state");
  CREATE UNIQUE INDEX access_requests_submission ON access_requests ("submissionKey");
  CREATE TABLE conversations (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "key" TEXT, "aadObjectId" TEXT);
  CREATE UNIQUE INDEX conversations_key ON conversations ("key");
  CREATE INDEX conversations_aad ON conversations ("aadObjectId");
  CREATE TABLE card_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "recordId" TEXT);
  CREATE INDEX card_messages_record ON card_messages ("recordId");
  CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL, action TEXT NOT NULL, record_type TEXT NOT NULL, record_id TEXT NOT NULL, summary TEXT NOT NULL);
  CREATE INDEX audit_log_record ON audit_log (record_type, record_id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // Photo and video consent, school accounts, registered posts and takedown tasks.
  `
  ALTER TABLE pupils ADD COLUMN "misReference" TEXT;
  CREATE UNIQUE INDEX pupils_mis_reference ON pupils ("misReference");
  CREATE TABLE consents (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "pupilId" TEXT);
  CREATE INDEX consents_pupil ON consents ("pupilId");
  CREATE TABLE social_accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "active" INTEGER);
  CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "accountId" TEXT);
  CREATE INDEX posts_account ON posts ("accountId");
  CREATE TABLE takedowns (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "ownerId" TEXT, "status" TEXT);
  CREATE INDEX takedowns_owner ON takedowns ("ownerId");
  CREATE INDEX takedowns_status ON takedowns ("status");
  `,
  // Requests for permission to post on a school account.
  `
  CREATE TABLE posting_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "requesterId" TEXT, "state" TEXT, "submissionKey" TEXT);
  CREATE INDEX posting_requests_requester ON posting_requests ("requesterId");
  CREATE INDEX posting_requests_state ON posting_requests ("state");
  CREATE UNIQUE INDEX posting_requests_submission ON posting_requests ("submissionKey");
  `,
  // The incident log. The fields the Incidents tab filters and sorts on are columns
  // (generated from the JSON where the collection does not write them, and stored so that a search
  // reads no JSON), each with an index; the chronology is its own append-only table, like the audit log.
  `
  CREATE TABLE incidents (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "status" TEXT, "category" TEXT, "routedTo" TEXT, "submissionKey" TEXT, "assigneeId" TEXT,
    "aboutHeadteacher" INTEGER GENERATED ALWAYS AS (json_extract(data, '$.aboutHeadteacher')) STORED,
    "reportedAt" TEXT GENERATED ALWAYS AS (json_extract(data, '$.reportedAt')) STORED,
    "occurredOn" TEXT GENERATED ALWAYS AS (json_extract(data, '$.occurredOn')) STORED,
    "searchText" TEXT GENERATED ALWAYS AS (lower(json_extract(data, '$.whatHappened') || char(10) || json_extract(data, '$.platform') || char(10) || json_extract(data, '$.reporterName'))) STORED);
  CREATE UNIQUE INDEX incidents_submission ON incidents ("submissionKey");
  CREATE INDEX incidents_reported ON incidents ("reportedAt");
  CREATE INDEX incidents_occurred ON incidents ("occurredOn");
  CREATE INDEX incidents_status ON incidents ("status", "reportedAt");
  CREATE INDEX incidents_category ON incidents ("category", "reportedAt");
  CREATE INDEX incidents_routed ON incidents ("routedTo", "reportedAt");
  CREATE INDEX incidents_assignee ON incidents ("assigneeId");
  CREATE INDEX incidents_about_head ON incidents ("aboutHeadteacher", "reportedAt");
  CREATE TABLE incident_chronology (id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, at TEXT NOT NULL,
    by_id TEXT NOT NULL, by_name TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
  CREATE INDEX incident_chronology_incident ON incident_chronology (incident_id, id);
  CREATE TRIGGER incident_chronology_no_update BEFORE UPDATE ON incident_chronology BEGIN SELECT RAISE(ABORT, 'the chronology is append-only'); END;
  CREATE TRIGGER incident_chronology_no_delete BEFORE DELETE ON incident_chronology BEGIN SELECT RAISE(ABORT, 'the chronology is append-only'); END;
  `,
  // Training records, refreshers and the reminders' outbox.
  `
  CREATE TABLE training_records (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "subjectId" TEXT, "requirementId" TEXT, "status" TEXT);
  CREATE INDEX training_records_subject ON training_records ("subjectId");
  CREATE INDEX training_records_requirement ON training_records ("requirementId");
  CREATE INDEX training_records_status ON training_records ("status");
  CREATE TABLE refreshers (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "key" TEXT, "status" TEXT, "run" TEXT);
  CREATE UNIQUE INDEX outbox_key ON outbox ("key");
  CREATE INDEX outbox_status ON outbox ("status");
  CREATE INDEX outbox_run ON outbox ("run");
  `,
  // Append-only for real: INSERT OR REPLACE deletes the row it replaces without running the delete
  // trigger, so an insert that would replace an existing entry is refused before it happens.
  `
  CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER incident_chronology_no_replace BEFORE INSERT ON incident_chronology WHEN EXISTS (SELECT 1 FROM incident_chronology WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'the chronology is append-only'); END;
  `,
  // Concerns nobody who may see them has been told of yet: the concern-notices job finds them by this.
  `
  ALTER TABLE incidents ADD COLUMN "nobodyToldYet" INTEGER;
  CREATE INDEX incidents_nobody_told ON incidents ("nobodyToldYet");
  `,
  // One takedown task per post, pupil and medium: the earliest of any repeats made before keys existed
  // keeps the key, so a withdrawal recorded twice, or worked out again, adds nothing.
  `
  ALTER TABLE takedowns ADD COLUMN "taskKey" TEXT;
  UPDATE takedowns SET data = json_set(data, '$.taskKey', json_extract(data, '$.postId') || '|' || json_extract(data, '$.pupilId') || '|' || json_extract(data, '$.media'))
    WHERE id IN (SELECT MIN(id) FROM takedowns GROUP BY json_extract(data, '$.postId'), json_extract(data, '$.pupilId'), json_extract(data, '$.media'));
  UPDATE takedowns SET "taskKey" = json_extract(data, '$.taskKey');
  CREATE UNIQUE INDEX takedowns_task_key ON takedowns ("taskKey");
  `,
  // The app installed for people by the app itself (proactive installation): one record per person.
  `
  CREATE TABLE app_installations (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL, "aadObjectId" TEXT);
  CREATE UNIQUE INDEX app_installations_person ON app_installations ("aadObjectId");
  `,
  // School settings: at most one school record and one term dates record (a unique index on a
  // constant allows one row); training requirements and first-seen days as collections; and the
  // policy register's entries reshaped into reviews (each with its own reviewers) and approvals.
  // A policy the app managed keeps its date and its reviewers (everyone who was reminded before).
  `
  CREATE UNIQUE INDEX school_one ON school ((0));
  CREATE TABLE term_dates (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE UNIQUE INDEX term_dates_one ON term_dates ((0));
  CREATE TABLE training_requirements (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "requirementId" TEXT);
  CREATE UNIQUE INDEX training_requirements_requirement ON training_requirements ("requirementId");
  CREATE TABLE first_seen (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "personId" TEXT);
  CREATE UNIQUE INDEX first_seen_person ON first_seen ("personId");
  UPDATE policies SET data = json_object(
    'title', json_extract(data, '$.title'),
    'owner', 'Headteacher',
    'reviews', json(CASE WHEN json_extract(data, '$.managedHere') AND json_extract(data, '$.nextReviewDue') IS NOT NULL
      THEN json_array(json_object('id', 'review-1', 'name', 'Headteacher with the online safety lead, and the governing board',
        'reviewers', json_array('headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'),
        'cycleMonths', coalesce(json_extract(data, '$.reviewCycleMonths'), 24), 'nextReviewDue', json_extract(data, '$.nextReviewDue')))
      ELSE '[]' END),
    'approvals', json(CASE WHEN json_extract(data, '$.approvedOn') IS NOT NULL
      THEN json_array(json_object('approvedOn', json_extract(data, '$.approvedOn'), 'note', 'In the register before School settings',
        'recordedById', '-', 'recordedByName', 'Online Safety Desk', 'recordedAt', json_extract(data, '$.approvedOn') || 'T00:00:00.000Z'))
      ELSE '[]' END))
  WHERE json_type(data, '$.reviews') IS NULL;
  `,
  // Each scheduled job's slot and who holds it, so that several instances run it once (one row per job).
  `
  CREATE TABLE job_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "job" TEXT);
  CREATE UNIQUE INDEX job_runs_job ON job_runs ("job");
  `,
  // Pupil imports and their progress, so that any instance can answer the tab's progress poll.
  `
  CREATE TABLE import_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "lock" TEXT);
  CREATE UNIQUE INDEX import_jobs_lock ON import_jobs ("lock");
  `,
  // The register of approved school devices (policy s.4); posting requests keep their attachments in their JSON.
  `
  CREATE TABLE devices (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "active" INTEGER);
  CREATE INDEX devices_active ON devices ("active");
  `,
  // The people linked to incidents, found by incident and by pupil (a pupil's chronology); one link
  // per person per incident.
  `
  CREATE TABLE incident_links (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "incidentId" TEXT, "pupilId" TEXT, "linkKey" TEXT);
  CREATE INDEX incident_links_incident ON incident_links ("incidentId");
  CREATE INDEX incident_links_pupil ON incident_links ("pupilId");
  CREATE UNIQUE INDEX incident_links_key ON incident_links ("linkKey");
  `,
  // A reminder points at the record it is about as {recordType, recordId}, whatever its type, instead of
  // one id field per type (app/reminders/reminder-act.ts still reads the earlier shape).
  `
  UPDATE outbox SET data = json_remove(json_set(data, '$.message.act.record', json_object('recordType', 'accessRequest', 'recordId', json_extract(data, '$.message.act.accessRequestId'))), '$.message.act.accessRequestId')
    WHERE json_extract(data, '$.message.act.accessRequestId') IS NOT NULL;
  UPDATE outbox SET data = json_remove(json_set(data, '$.message.act.record', json_object('recordType', 'postingRequest', 'recordId', json_extract(data, '$.message.act.postingRequestId'))), '$.message.act.postingRequestId')
    WHERE json_extract(data, '$.message.act.postingRequestId') IS NOT NULL;
  UPDATE outbox SET data = json_remove(json_set(data, '$.message.act.record', json_object('recordType', 'takedown', 'recordId', json_extract(data, '$.message.act.takedownId'))), '$.message.act.takedownId')
    WHERE json_extract(data, '$.message.act.takedownId') IS NOT NULL;
  UPDATE outbox SET data = json_remove(json_set(data, '$.message.act.record', json_object('recordType', 'trainingRecord', 'recordId', json_extract(data, '$.message.act.confirmTrainingId'))), '$.message.act.confirmTrainingId')
    WHERE json_extract(data, '$.message.act.confirmTrainingId') IS NOT NULL;
  `,
  // Which pupils each post shows, so that a withdrawal of consent reads that pupil's posts only;
  // takedown tasks found by pupil too. Existing posts and tasks are indexed as they stand.
  `
  CREATE TABLE post_pupils (pupil_id TEXT NOT NULL, post_id INTEGER NOT NULL, PRIMARY KEY (pupil_id, post_id)) WITHOUT ROWID;
  INSERT OR IGNORE INTO post_pupils (pupil_id, post_id) SELECT json_each.value, posts.id FROM posts, json_each(posts.data, '$.pupilIds');
  ALTER TABLE takedowns ADD COLUMN "pupilId" TEXT;
  UPDATE takedowns SET "pupilId" = json_extract(data, '$.pupilId');
  CREATE INDEX takedowns_pupil ON takedowns ("pupilId");
  `,
  // The weekly digest reads the outbox by date; entries not updated for months move to an archive.
  `
  ALTER TABLE outbox ADD COLUMN "updatedAt" TEXT;
  UPDATE outbox SET "updatedAt" = json_extract(data, '$.updatedAt');
  CREATE INDEX outbox_updated ON outbox ("updatedAt");
  CREATE TABLE outbox_archive (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
  `,
  // The policy library: each policy's documents as versions, and who has read and understood each.
  `
  CREATE TABLE policy_versions (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "policyId" TEXT);
  CREATE INDEX policy_versions_policy ON policy_versions ("policyId");
  CREATE TABLE policy_reads (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "versionId" TEXT, "readKey" TEXT);
  CREATE INDEX policy_reads_version ON policy_reads ("versionId");
  CREATE UNIQUE INDEX policy_reads_key ON policy_reads ("readKey");
  `,
  // Leavers' safeguarding files to send to their next school: one task per pupil, found by status.
  `
  CREATE TABLE pupil_transfers (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "pupilId" TEXT, "status" TEXT);
  CREATE UNIQUE INDEX pupil_transfers_pupil ON pupil_transfers ("pupilId");
  CREATE INDEX pupil_transfers_status ON pupil_transfers ("status");
  `,
  // The policy's smaller permissions (s.5, s.7), every type in one table, each record with its type.
  `
  CREATE TABLE permission_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "requesterId" TEXT, "state" TEXT, "submissionKey" TEXT, "requestType" TEXT);
  CREATE INDEX permission_requests_requester ON permission_requests ("requesterId");
  CREATE INDEX permission_requests_state ON permission_requests ("state");
  CREATE UNIQUE INDEX permission_requests_submission ON permission_requests ("submissionKey");
  CREATE INDEX permission_requests_type ON permission_requests ("requestType");
  `,
  // The annual filtering and monitoring review: one record per school year, and its agreed actions as tasks.
  `
  CREATE TABLE filtering_reviews (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL, "year" TEXT);
  CREATE UNIQUE INDEX filtering_reviews_year ON filtering_reviews ("year");
  CREATE TABLE review_actions (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, data TEXT NOT NULL,
    "assigneeId" TEXT, "status" TEXT, "taskKey" TEXT, "reviewId" TEXT);
  CREATE INDEX review_actions_assignee ON review_actions ("assigneeId");
  CREATE INDEX review_actions_status ON review_actions ("status");
  CREATE UNIQUE INDEX review_actions_key ON review_actions ("taskKey");
  CREATE INDEX review_actions_review ON review_actions ("reviewId");
  `,
];
