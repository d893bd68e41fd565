import { ACCESS_REQUEST_STATES, type AccessRequest } from '../../../domain/access/access-request';
import type { Person } from '../../../domain/people/person';
import type { PolicyDocument } from '../../../domain/school/policy-document';
import type { Pupil } from '../../../domain/school/pupil';
import type { School } from '../../../domain/school/school';
import { MEDIA, type ConsentEvent } from '../../../domain/consent/consent';
import type { RegisteredPost, TrackedTakedown } from '../../../domain/consent/takedown';
import { PERMISSION_STATES, PERMISSION_TYPES, type PermissionRequest } from '../../../domain/permission/permission-request';
import { POSTING_STATES, type PostingRequest } from '../../../domain/posting/posting-request';
import type { SocialAccount } from '../../../domain/posting/social-account';
import { DEVICE_TYPES, type ApprovedDevice } from '../../../domain/devices/approved-device';
import type { AuditEntry } from '../../../ports/audit-log.port';
import type { CardMessageRecord, ConversationRecord } from '../../../ports/conversation.port';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  INVOLVED,
  WHERE,
  type ChronologyEntry,
  type Incident,
} from '../../../domain/incidents/incident';
import { ROLES } from '../../../domain/people/role';
import { LINK_KINDS, LINK_ROLES, type IncidentLink } from '../../../domain/incidents/incident-people';
import type { PupilTransfer } from '../../../domain/incidents/pupil-transfer';
import type { FilteringReviewRecord, ReviewActionTask } from '../../../domain/governance/filtering-review-record';
import type { OutboxEntry } from '../../../ports/outbox.port';
import type { AppInstallation } from '../../../ports/teams-apps.port';
import type { Refresher, TrainingRequirementRecord } from '../../../domain/training/training-requirement';
import type { SchoolCalendar } from '../../../domain/calendar/school-calendar';
import type { FirstSeen } from '../../../domain/people/first-seen';
import type { TrainingRecord } from '../../../domain/training/training-record';
import { listSpec, withoutIndexes, type ListSpec } from './list-spec';
import type { JobRun } from '../../../domain/jobs/job-run';
import { MUST_READ, type PolicyVersion } from '../../../domain/policies/policy-version';
import type { PolicyRead } from '../../../domain/policies/policy-read';
import type { ImportJobRecord } from '../../../ports/import-jobs.port';
import type { SiteRole } from '../../../ports/site-inspection.port';
import type { PostPupilLink } from './sharepoint-post-store';

/**
 * The document library for the photos and videos attached to requests to post (policy s.4): the
 * school's own site, nowhere else. Files are named by random ids; the requests say what they are.
 */
export const MEDIA_LIBRARY: DocumentLibrary = {
  displayName: 'Online Safety Desk - Photos and videos',
  description:
    'Photos and videos attached to requests to post, kept until a set time after the request ends (data minimisation). Do not share this library.',
};

/**
 * The document library for evidence attached to incidents (screenshots, photos, documents):
 * safeguarding records, opened only through the app by people who may see the incident.
 */
export const EVIDENCE_LIBRARY: DocumentLibrary = {
  displayName: 'Online Safety Desk - Incident evidence',
  description:
    'Evidence attached to incidents. Safeguarding records: opened only through the app. Do not share this library, and never delete files here by hand.',
};

export interface DocumentLibrary {
  displayName: string;
  description: string;
}

/**
 * The document libraries, all on the records site beside RECORDS_SITE_LISTS: photos of pupils are
 * seen by as few people as possible, and evidence is a safeguarding record.
 */
export const RECORDS_SITE_LIBRARIES: readonly DocumentLibrary[] = [MEDIA_LIBRARY, EVIDENCE_LIBRARY];

/**
 * The policies' documents, one file per version: on the working site, because policies are not
 * confidential. The app serves them to staff and governors itself; files are named by random ids.
 */
export const POLICY_LIBRARY: DocumentLibrary = {
  displayName: 'Online Safety Desk - Policy library',
  description:
    'The documents of the policies in the register, one file per version. Never replace or delete a file here by hand: the app keeps every version.',
};

export const WORKING_SITE_LIBRARIES: readonly DocumentLibrary[] = [POLICY_LIBRARY];

/** The reminders' outbox and its archive hold the same fields; the outbox is read by key, status, run and date. */
const OUTBOX_FIELDS = {
  key: { type: 'text', indexed: true, unique: true, displayName: 'Idempotency key' },
  run: { type: 'text', indexed: true },
  personId: 'text',
  personName: 'text',
  reason: 'text',
  period: 'text',
  status: { type: 'choice', indexed: true, choices: ['pending', 'sending', 'sent', 'notInstalled', 'blocked', 'failed', 'uncertain'] },
  message: 'json',
  attempts: 'number',
  createdAt: 'dateTime',
  // The weekly digest reads the last week's entries by this column.
  updatedAt: { type: 'dateTime', indexed: true },
  lastError: 'text',
} as const;

/** Every list the app keeps on the school's two SharePoint sites (which site: `siteOf`). */
export const LISTS = {
  school: listSpec<School & { id: string }>(
    'OsdSchool',
    'Online Safety Desk - School',
    'The school as the app shows it (School settings).',
    {
      name: 'text',
      contactForAccess: { type: 'text', displayName: 'Who staff should ask' },
      filteringLead: { type: 'text', displayName: 'Senior leader for filtering and monitoring' },
      filteringGovernor: { type: 'text', displayName: 'Governor for filtering and monitoring' },
    },
    (school) => school.name,
    // One item only: a second is refused, so two first saves at once cannot make two schools.
    { naturalKey: () => 'school' },
  ),
  termDates: listSpec<SchoolCalendar & { id: string }>(
    'OsdTermDates',
    'Online Safety Desk - Term dates',
    "The school's terms and closures, every year in one item (School settings).",
    { terms: 'json', closures: 'json' },
    () => 'Term dates',
    { naturalKey: () => 'term-dates' },
  ),
  trainingRequirements: listSpec<TrainingRequirementRecord>(
    'OsdTrainingRequirements',
    'Online Safety Desk - Training requirements',
    'Standing online safety training requirements: who, how often, and the grace period for new starters (policy section 11).',
    {
      requirementId: { type: 'text', indexed: true, unique: true, displayName: 'Requirement' },
      title: { type: 'text', column: 'RequirementTitle', displayName: 'Training' },
      audience: { type: 'choice', choices: ['staff', 'pupils', 'parents'] },
      roles: 'json',
      rule: { type: 'json', displayName: 'How often' },
      policy: { type: 'text', displayName: 'Policy sections' },
      retired: 'boolean',
    },
    (requirement) => requirement.title,
  ),
  firstSeen: listSpec<FirstSeen>(
    'OsdFirstSeen',
    'Online Safety Desk - First seen',
    'The day each person first appeared in a role group, for those with no hire date in Entra ID (induction is counted from it).',
    {
      personId: { type: 'text', indexed: true, unique: true, displayName: 'Entra object id' },
      firstSeenOn: { type: 'date', displayName: 'First seen on' },
    },
    (seen) => seen.personId,
  ),
  people: listSpec<Person>(
    'OsdPeople',
    'Online Safety Desk - People',
    'People and roles (local directory; production roles come from Entra ID groups).',
    {
      displayName: 'text',
      email: 'text',
      aadObjectId: { type: 'text', indexed: true, displayName: 'Entra object id' },
      roles: 'json',
      startedOn: { type: 'date', displayName: 'Started on' },
    },
    (person) => person.displayName,
  ),
  pupils: listSpec<Pupil>(
    'OsdPupils',
    'Online Safety Desk - Pupils',
    'Pupils: display name, class and on-roll dates only (data minimisation, policy section 4).',
    {
      misReference: { type: 'text', indexed: true, unique: true, displayName: 'MIS reference' },
      displayName: 'text',
      className: { type: 'text', indexed: true },
      yearGroup: 'text',
      onRollFrom: 'date',
      onRollTo: 'date',
    },
    (pupil) => pupil.displayName,
  ),
  policies: listSpec<PolicyDocument>(
    'OsdPolicies',
    'Online Safety Desk - Policy register',
    'This policy and the related policies (policy sections 1, 2 and 12).',
    {
      title: { type: 'text', displayName: 'Policy', column: 'PolicyTitle' },
      owner: 'text',
      reviews: { type: 'json', displayName: 'Reviews (who, how often, next date)' },
      approvals: { type: 'json', displayName: 'Approvals (every one kept)' },
      retiredOn: { type: 'date', displayName: 'Retired on' },
    },
    (policy) => policy.title,
  ),
  policyVersions: listSpec<PolicyVersion>(
    'OsdPolicyVersions',
    'Online Safety Desk - Policy versions',
    'Each version of the policies in the register: number, approval, summary of changes, who must read it; the documents are in the Policy library (policy sections 2 and 12).',
    {
      policyId: { type: 'text', indexed: true, displayName: 'Policy' },
      number: { type: 'text', displayName: 'Version' },
      approvedOn: { type: 'date', displayName: 'Approved on' },
      approvedById: 'text',
      approvedByName: { type: 'text', displayName: 'Approved by' },
      changes: { type: 'note', displayName: 'Summary of changes' },
      file: { type: 'json', displayName: 'Document (in the Policy library)' },
      mustRead: { type: 'choice', choices: MUST_READ, displayName: 'Who must read it' },
      publishedAt: 'dateTime',
      confirmations: { type: 'json', displayName: 'Confirmed by later reviews' },
      telling: { type: 'json', displayName: 'Texts for pupils and parents, and when sent' },
    },
    (version) => `${version.policyId} v${version.number}`,
  ),
  policyReads: listSpec<PolicyRead>(
    'OsdPolicyReads',
    'Online Safety Desk - Policy read and understood',
    'Who has said they read and understood each policy version, and when (policy section 2).',
    {
      versionId: { type: 'text', indexed: true, displayName: 'Policy version' },
      personId: 'text',
      personName: { type: 'text', displayName: 'Who' },
      at: { type: 'dateTime', displayName: 'Signed at' },
      readKey: { type: 'text', indexed: true, unique: true },
    },
    (entry) => `${entry.personName}: version ${entry.versionId}`,
  ),
  accessRequests: listSpec<AccessRequest>(
    'OsdAccessRequests',
    'Online Safety Desk - Blocked content access requests',
    'Blocked content access requests (policy section 9 and Appendix A).',
    {
      submissionKey: { type: 'text', indexed: true, unique: true },
      requesterId: { type: 'text', indexed: true },
      requesterName: 'text',
      submittedAt: 'dateTime',
      url: { type: 'note', displayName: 'Full URL' },
      siteContent: 'note',
      reasons: { type: 'note', displayName: 'Reasons for access' },
      risksAndControls: { type: 'note', displayName: 'Identified risks and control measures' },
      state: { type: 'choice', indexed: true, choices: ACCESS_REQUEST_STATES, displayName: 'Status' },
      leadReview: 'json',
      decision: 'json',
      actioned: { type: 'json', displayName: 'ICT action' },
      period: { type: 'json', displayName: 'Unblocked from and to' },
      scope: { type: 'json', displayName: 'Unblocked for' },
      reblocked: { type: 'json', displayName: 'Blocked again' },
      history: 'json',
      updatedAt: 'dateTime',
    },
    (request) => request.url,
  ),
  permissionRequests: listSpec<PermissionRequest>(
    'OsdPermissionRequests',
    'Online Safety Desk - Permissions',
    "Personal accounts on school devices or WiFi, pupils on the school WiFi, and sharing an account password, each with the headteacher's decision (policy sections 5 and 7). No password is ever kept here.",
    {
      submissionKey: { type: 'text', indexed: true, unique: true },
      requestType: { type: 'choice', indexed: true, choices: PERMISSION_TYPES, displayName: 'Permission' },
      requesterId: { type: 'text', indexed: true },
      requesterName: 'text',
      submittedAt: 'dateTime',
      details: { type: 'json', displayName: 'What was asked' },
      state: { type: 'choice', indexed: true, choices: PERMISSION_STATES, displayName: 'Status' },
      decision: 'json',
      completed: { type: 'json', displayName: 'Completed' },
      history: 'json',
      updatedAt: 'dateTime',
    },
    (request) => `${request.requestType} ${request.requesterName}`,
  ),
  consents: listSpec<ConsentEvent>(
    'OsdConsents',
    'Online Safety Desk - Photo and video consent',
    'Consent for images and videos on school accounts, per pupil; every form and written notice kept (policy section 4).',
    {
      pupilId: { type: 'text', indexed: true },
      media: { type: 'choice', choices: MEDIA },
      decision: { type: 'choice', choices: ['given', 'refused'] },
      effectiveFrom: { type: 'date', displayName: 'From (date received)' },
      source: { type: 'choice', choices: ['consent form', 'written notice'] },
      recordedBy: 'text',
      recordedAt: 'dateTime',
    },
    (event) => `${event.pupilId} ${event.media} ${event.decision}`,
  ),
  socialAccounts: listSpec<SocialAccount>(
    'OsdSocialAccounts',
    'Online Safety Desk - School social media accounts',
    'The school accounts (policy section 5).',
    {
      platform: 'text',
      handle: 'text',
      purpose: 'note',
      reason: { type: 'note', displayName: 'Pedagogical or business reason' },
      ownerId: 'text',
      ownerName: 'text',
      schoolEmail: 'text',
      successMeasure: { type: 'note', displayName: 'How success is evaluated' },
      active: { type: 'boolean', indexed: true },
    },
    (account) => `${account.platform} ${account.handle}`,
  ),
  posts: listSpec<RegisteredPost>(
    'OsdPosts',
    'Online Safety Desk - Posts',
    'What was posted on which school account and which pupils it shows, so a withdrawal of consent finds it.',
    {
      accountId: { type: 'text', indexed: true },
      postedOn: 'date',
      media: 'json',
      pupilIds: { type: 'json', displayName: 'Pupils shown' },
      link: 'note',
      postingRequestId: { type: 'text', displayName: 'Permission request' },
    },
    (post) => post.link,
  ),
  postPupils: listSpec<PostPupilLink>(
    'OsdPostPupils',
    'Online Safety Desk - Pupils in posts',
    "One item per pupil shown in a post, so that a withdrawal of consent finds that pupil's posts without reading every post (policy section 4).",
    {
      postKey: { type: 'text', indexed: true, displayName: 'Post (record key)' },
      pupilId: { type: 'text', indexed: true, displayName: 'Pupil' },
    },
    (link) => `Pupil ${link.pupilId}`,
    // One item per post and pupil, however often it is written.
    { naturalKey: (link) => `${link.postKey}|${link.pupilId}` },
  ),
  takedowns: listSpec<TrackedTakedown>(
    'OsdTakedowns',
    'Online Safety Desk - Takedown tasks',
    'Posts to take down after consent was withdrawn or amended (policy section 4).',
    {
      postId: 'text',
      pupilId: { type: 'text', indexed: true },
      media: { type: 'choice', choices: MEDIA },
      noticeId: 'text',
      taskKey: { type: 'text', indexed: true, displayName: 'Post, pupil and medium' },
      urgent: 'boolean',
      ownerId: { type: 'text', indexed: true },
      status: { type: 'choice', indexed: true, choices: ['to do', 'removed', 'cannot be removed'] },
      reason: 'note',
      updatedAt: 'dateTime',
    },
    (task) => `Post ${task.postId}: ${task.status}`,
    // Its record key is the task key: a second task for the same post, pupil and medium is refused.
    { naturalKey: (task) => task.taskKey },
  ),
  devices: listSpec<ApprovedDevice>(
    'OsdDevices',
    'Online Safety Desk - Approved devices',
    'School devices the online safety lead approved for taking photos and videos (policy section 4). Retire a device; never delete it.',
    {
      name: { type: 'text', column: 'DeviceName', displayName: 'Device' },
      type: { type: 'choice', choices: DEVICE_TYPES, column: 'DeviceType', displayName: 'Type' },
      approvedById: 'text',
      approvedByName: { type: 'text', displayName: 'Approved by' },
      approvedOn: 'date',
      active: { type: 'boolean', indexed: true, displayName: 'In use' },
      retired: 'json',
    },
    (device) => device.name,
  ),
  postingRequests: listSpec<PostingRequest>(
    'OsdPostingRequests',
    'Online Safety Desk - Permission to post',
    "Requests to post on a school account or post a reminder for parents, with the checks and the headteacher's decision (policy sections 4 to 6).",
    {
      submissionKey: { type: 'text', indexed: true, unique: true },
      requesterId: { type: 'text', indexed: true },
      requesterName: 'text',
      submittedAt: 'dateTime',
      kind: { type: 'choice', choices: ['post', 'parentReminder'] },
      accountId: 'text',
      accountLabel: { type: 'text', displayName: 'School account' },
      text: { type: 'note', displayName: 'Text of the post' },
      media: 'json',
      pupils: { type: 'json', displayName: 'Pupils shown' },
      attachments: { type: 'json', displayName: 'Photos and videos' },
      deviceId: { type: 'text', displayName: 'Device' },
      deviceName: { type: 'text', displayName: 'Device name as typed' },
      deviceLabel: { type: 'text', displayName: 'Taken on' },
      groupLabel: 'text',
      facesBlurred: { type: 'boolean', displayName: 'Faces blurred (requester says)' },
      postingDate: 'date',
      state: { type: 'choice', indexed: true, choices: POSTING_STATES, displayName: 'Status' },
      checks: { type: 'json', displayName: 'Check results' },
      checkedAt: 'dateTime',
      decision: 'json',
      posted: 'json',
      history: 'json',
      updatedAt: 'dateTime',
    },
    (request) => `${request.accountLabel}: ${request.text}`,
  ),
  conversations: listSpec<ConversationRecord>(
    'OsdConversations',
    'Online Safety Desk - Teams conversations',
    'How the bot reaches each person in Teams (conversation references).',
    {
      key: { type: 'text', indexed: true, unique: true },
      aadObjectId: { type: 'text', indexed: true, displayName: 'Entra object id' },
      teamsUserId: 'text',
      conversationId: 'text',
      conversationType: 'text',
      serviceUrl: 'text',
      tenantId: 'text',
      botId: 'text',
      botName: 'text',
      updatedAt: 'dateTime',
    },
    (conversation) => conversation.key,
  ),
  cardMessages: listSpec<CardMessageRecord>(
    'OsdCardMessages',
    'Online Safety Desk - Sent cards',
    'Cards the bot sent about a record, so they can be updated.',
    { recordId: { type: 'text', indexed: true }, aadObjectId: 'text', conversationId: 'text', activityId: 'text', sentAt: 'dateTime' },
    (message) => `${message.recordId} ${message.activityId}`,
  ),
  incidents: listSpec<Incident>(
    'OsdIncidents',
    'Online Safety Desk - Incidents',
    'Reported concerns (policy sections 2, 5, 7 to 10). Safeguarding records: on the records site, which only the DSL, the deputies and the app can open, kept out of search.',
    {
      submissionKey: { type: 'text', indexed: true, unique: true },
      reporterId: 'text',
      reporterName: 'text',
      // Indexed for the DSL's own views of the list in SharePoint; the app does not filter on these two.
      reportedAt: { type: 'dateTime', indexed: 'optional' },
      whatHappened: { type: 'note', displayName: 'What happened' },
      occurredOn: { type: 'date', displayName: 'When it happened' },
      where: { type: 'choice', choices: WHERE, column: 'WhereItHappened', displayName: 'Where' },
      platform: 'text',
      involved: { type: 'choice', choices: INVOLVED, displayName: 'Who is involved' },
      category: { type: 'choice', indexed: true, choices: INCIDENT_CATEGORIES },
      sourceMessage: { type: 'json', displayName: 'Reported from a Teams message' },
      routedTo: { type: 'choice', indexed: true, choices: ROLES, displayName: 'Routed to' },
      aboutHeadteacher: { type: 'boolean', indexed: 'optional', displayName: 'About the headteacher' },
      assigneeId: { type: 'text', indexed: true },
      assigneeName: 'text',
      status: { type: 'choice', indexed: true, choices: INCIDENT_STATUSES },
      nobodyToldYet: { type: 'boolean', indexed: true, displayName: 'Nobody told yet' },
      cpomsReference: { type: 'text', displayName: 'CPOMS reference' },
      police: { type: 'json', displayName: 'Police contacted' },
      firstOpened: { type: 'json', displayName: 'First opened' },
      escalatedStage: { type: 'number', displayName: 'Escalated (stage)' },
      bodyMap: { type: 'json', displayName: 'Body map (what was seen)' },
      followUps: { type: 'json', displayName: 'Follow-ups due' },
      ico: { type: 'json', displayName: 'ICO decision' },
      evidence: { type: 'json', displayName: 'Evidence files' },
      updatedAt: 'dateTime',
    },
    // The list's title column shows the reference only: browsing the list shows no details.
    (incident) => `Incident ${incident.submissionKey.slice(0, 8)}`,
  ),
  incidentChronology: listSpec<ChronologyEntry>(
    'OsdIncidentChronology',
    'Online Safety Desk - Incident chronology',
    'Append-only: who did what and when on each incident. Never edit or delete items here.',
    { incidentId: { type: 'text', indexed: true }, at: 'dateTime', byId: 'text', byName: 'text', kind: 'text', text: 'note' },
    (entry) => entry.kind,
  ),
  incidentLinks: listSpec<IncidentLink>(
    'OsdIncidentLinks',
    'Online Safety Desk - People in incidents',
    "Pupils, staff and others linked to each incident, with their part in it: a pupil's chronology is read from here. Safeguarding records: on the records site, like the Incidents list.",
    {
      incidentId: { type: 'text', indexed: true },
      kind: { type: 'choice', choices: LINK_KINDS },
      pupilId: { type: 'text', indexed: true },
      personId: 'text',
      name: 'text',
      className: 'text',
      yearGroup: 'text',
      role: { type: 'choice', choices: LINK_ROLES, displayName: 'Part in it' },
      linked: 'boolean',
      updatedAt: 'dateTime',
      linkKey: { type: 'text', indexed: true, unique: true, displayName: 'Incident and person' },
    },
    // Like the incidents: the title shows no name.
    (link) => `Incident ${link.incidentId}: ${link.kind}`,
    { naturalKey: (link) => link.linkKey },
  ),
  pupilTransfers: listSpec<PupilTransfer>(
    'OsdPupilTransfers',
    'Online Safety Desk - Safeguarding files to transfer',
    "Pupils who have left with a safeguarding file to send to their next school's DSL, and when, to whom and how it was sent. Safeguarding records: on the records site, like the Incidents list.",
    {
      pupilId: { type: 'text', indexed: true, unique: true },
      status: { type: 'choice', choices: ['toSend', 'sent'], indexed: true },
      leftOn: 'date',
      createdAt: 'dateTime',
      sent: 'json',
      updatedAt: 'dateTime',
    },
    // The title shows no name.
    (transfer) => `Pupil ${transfer.pupilId}: ${transfer.status}`,
    { naturalKey: (transfer) => `transfer|${transfer.pupilId}` },
  ),
  trainingRecords: listSpec<TrainingRecord>(
    'OsdTrainingRecords',
    'Online Safety Desk - Training records',
    'Online safety training completed by staff, classes and parents, with evidence (policy section 11).',
    {
      requirementId: { type: 'text', indexed: true, displayName: 'Requirement' },
      audience: { type: 'choice', choices: ['staff', 'pupils', 'parents'] },
      subjectId: { type: 'text', indexed: true, displayName: 'Person, class or parents' },
      subjectName: { type: 'text', displayName: 'Who' },
      completedOn: 'date',
      evidence: { type: 'note', displayName: 'Evidence (certificate link or note)' },
      recordedById: 'text',
      recordedByName: { type: 'text', displayName: 'Recorded by' },
      recordedAt: 'dateTime',
      status: { type: 'choice', indexed: true, choices: ['confirmed', 'awaitingConfirmation', 'rejected'] },
      confirmedById: 'text',
      confirmedByName: { type: 'text', displayName: 'Confirmed by' },
      notConfirmedBecause: { type: 'note', displayName: 'Why not confirmed' },
      attendees: 'json',
      sessionId: 'text',
    },
    (record) => `${record.subjectName}: ${record.requirementId} ${record.completedOn}`,
  ),
  filteringReviews: listSpec<FilteringReviewRecord>(
    'OsdFilteringReviews',
    'Online Safety Desk - Filtering and monitoring reviews',
    'The annual review of filtering and monitoring (DfE filtering and monitoring standards): one item per school year, each recording of the review added to it.',
    {
      year: { type: 'text', indexed: true, unique: true, displayName: 'School year' },
      entries: { type: 'json', displayName: 'Reviews recorded' },
      updatedAt: 'dateTime',
    },
    (review) => `Filtering and monitoring review ${review.year}`,
    { naturalKey: (review) => `filtering-review|${review.year}` },
  ),
  reviewActions: listSpec<ReviewActionTask>(
    'OsdReviewActions',
    'Online Safety Desk - Filtering review actions',
    'The actions agreed at the filtering and monitoring review, each a task for one person until it is done.',
    {
      year: { type: 'text', displayName: 'School year' },
      reviewId: { type: 'text', indexed: true },
      taskKey: { type: 'text', indexed: true, unique: true },
      description: { type: 'note', displayName: 'Action' },
      assigneeId: { type: 'text', indexed: true },
      assigneeName: { type: 'text', displayName: 'Assigned to' },
      due: 'date',
      status: { type: 'choice', indexed: true, choices: ['open', 'done'] },
      done: 'json',
      createdAt: 'dateTime',
      updatedAt: 'dateTime',
    },
    (task) => `Review ${task.year} action: ${task.status}`,
    { naturalKey: (task) => task.taskKey },
  ),
  refreshers: listSpec<Refresher>(
    'OsdRefreshers',
    'Online Safety Desk - Required refreshers',
    'Refresher training the DSL requires after a significant incident or change (policy section 11).',
    {
      title: { type: 'text', column: 'RefresherTitle' },
      audience: { type: 'choice', choices: ['staff', 'pupils', 'parents'] },
      group: 'text',
      dueOn: 'date',
      requiredOn: 'date',
      requiredById: 'text',
      requiredByName: 'text',
    },
    (refresher) => refresher.title,
  ),
  outbox: listSpec<OutboxEntry>(
    'OsdOutbox',
    'Online Safety Desk - Reminder outbox',
    'Every reminder and notice the app sends, stored before sending so that none is sent twice. On the records site: notices about concerns are here. Entries not updated for three months move to the Reminder outbox archive.',
    OUTBOX_FIELDS,
    (entry) => entry.key,
  ),
  outboxArchive: listSpec<OutboxEntry>(
    'OsdOutboxArchive',
    'Online Safety Desk - Reminder outbox archive',
    "Reminders and notices sent (or tried) more than three months ago, moved here from the Reminder outbox by the weekly outbox-archive job. On the records site, as the outbox is. The app never reads this list; delete old items as the school's retention schedule says.",
    // Nothing is filtered here: no column is indexed (the record key, unique, is the outbox entry's key).
    withoutIndexes(OUTBOX_FIELDS),
    (entry) => entry.key,
    { naturalKey: (entry) => entry.key },
  ),
  appInstallations: listSpec<AppInstallation>(
    'OsdAppInstallations',
    'Online Safety Desk - App installations',
    'The app installed in Teams for each person by the app itself, and why it could not be for some.',
    {
      aadObjectId: { type: 'text', indexed: true, unique: true, displayName: 'Entra object id' },
      personId: 'text',
      outcome: { type: 'choice', choices: ['installed', 'alreadyInstalled', 'failed'] },
      reason: { type: 'choice', choices: ['noSuchPerson', 'notAllowed', 'appNotFound', 'throttled', 'unavailable', 'refused'] },
      status: 'number',
      chatId: 'text',
      attempts: 'number',
      triedAt: 'dateTime',
    },
    (installation) => `${installation.aadObjectId}: ${installation.outcome}`,
    { naturalKey: (installation) => installation.aadObjectId },
  ),
  jobRuns: listSpec<JobRun>(
    'OsdJobRuns',
    'Online Safety Desk - Scheduled jobs',
    'One item per reminder job: the slot it is on, which server holds it and how it ended, so that several servers run each job once.',
    {
      job: { type: 'text', indexed: true, unique: true },
      slot: 'text',
      holder: { type: 'text', displayName: 'Held by' },
      startedAt: 'dateTime',
      leaseUntil: { type: 'dateTime', displayName: 'Held until' },
      finishedAt: 'dateTime',
      outcome: { type: 'choice', choices: ['done', 'failed'] },
      lastDoneSlot: { type: 'text', displayName: 'Last done for' },
      lastDoneAt: { type: 'dateTime', displayName: 'Last done at' },
    },
    (run) => run.job,
    // The job's name is the item's record key: a second item for the same job is refused.
    { naturalKey: (run) => run.job },
  ),
  importJobs: listSpec<ImportJobRecord>(
    'OsdImportJobs',
    'Online Safety Desk - Pupil imports',
    'Each pupil import from the MIS export and how far it got (counts only), so that any server can answer the tab.',
    {
      lock: { type: 'text', indexed: true, unique: true, displayName: 'Running' },
      ownerId: 'text',
      ownerName: { type: 'text', displayName: 'Started by' },
      state: { type: 'choice', choices: ['running', 'finished', 'failed'] },
      done: 'number',
      total: 'number',
      counts: 'json',
      startedAt: 'dateTime',
      updatedAt: 'dateTime',
      finishedAt: 'dateTime',
      result: 'json',
    },
    (job) => `Import ${job.startedAt}`,
  ),
  audit: listSpec<AuditEntry>(
    'OsdAuditLog',
    'Online Safety Desk - Audit log',
    'Append-only record of every decision and change. Never edit or delete items here.',
    {
      at: 'dateTime',
      actorId: 'text',
      actorName: 'text',
      action: 'text',
      recordType: 'text',
      recordId: { type: 'text', indexed: true },
      summary: 'note',
    },
    (entry) => entry.action,
  ),
} as const;

export type ListKey = keyof typeof LISTS;

/**
 * The safeguarding records: a concern, what was done about it, who was involved (pupils by name),
 * and the audit log that names who reported what. They live on the records site, which only the
 * DSL, the deputies and the app can open, so that nobody else (the headteacher included) can browse
 * them in SharePoint. The outbox and its archive are among them: their entries say who was told of
 * a concern and when, which tells a headteacher of a concern about themselves.
 */
export const RECORDS_SITE_LISTS: readonly ListKey[] = [
  'incidents',
  'incidentChronology',
  'incidentLinks',
  'pupilTransfers',
  'audit',
  'outbox',
  'outboxArchive',
];

export function siteOf(key: ListKey): SiteRole {
  return RECORDS_SITE_LISTS.includes(key) ? 'records' : 'working';
}

/** The lists that belong on one of the two sites, by key. */
export function listsOn(site: SiteRole): Record<string, ListSpec<never>> {
  return Object.fromEntries(Object.entries(LISTS).filter(([key]) => siteOf(key as ListKey) === site)) as Record<string, ListSpec<never>>;
}
