import { ACCESS_REQUEST_STATES, type AccessRequest } from '../../../domain/access/access-request';
import type { Person } from '../../../domain/people/person';
import type { PolicyDocument } from '../../../domain/school/policy-document';
import type { Pupil } from '../../../domain/school/pupil';
import type { School } from '../../../domain/school/school';
import type { AuditEntry } from '../../../ports/audit-log.port';
import type { CardMessageRecord, ConversationRecord } from '../../../ports/conversation.port';
import { listSpec } from './list-spec';

/** Every list the app keeps on the school's SharePoint site. */
export const LISTS = {
  school: listSpec<School & { id: string }>('OsdSchool', 'Online Safety Desk - School', 'The school as the app shows it.', { name: 'text', contactForAccess: 'text' }, (school) => school.name),
  people: listSpec<Person>(
    'OsdPeople',
    'Online Safety Desk - People',
    'People and roles (local directory; production roles come from Entra ID groups).',
    { displayName: 'text', email: 'text', aadObjectId: { type: 'text', indexed: true, displayName: 'Entra object id' }, roles: 'json' },
    (person) => person.displayName,
  ),
  pupils: listSpec<Pupil>(
    'OsdPupils',
    'Online Safety Desk - Pupils',
    'Pupils: display name, class and on-roll dates only (data minimisation, policy section 4).',
    { displayName: 'text', className: { type: 'text', indexed: true }, yearGroup: 'text', onRollFrom: 'date', onRollTo: 'date' },
    (pupil) => pupil.displayName,
  ),
  policies: listSpec<PolicyDocument>(
    'OsdPolicies',
    'Online Safety Desk - Policy register',
    'This policy and the related policies (policy sections 1, 2 and 12).',
    { title: { type: 'text', displayName: 'Policy', column: 'PolicyTitle' }, approvedOn: 'date', reviewCycleMonths: 'number', nextReviewDue: 'date', managedHere: { type: 'boolean', indexed: true } },
    (policy) => policy.title,
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
      history: 'json',
      updatedAt: 'dateTime',
    },
    (request) => request.url,
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
  audit: listSpec<AuditEntry>(
    'OsdAuditLog',
    'Online Safety Desk - Audit log',
    'Append-only record of every decision and change. Never edit or delete items here.',
    { at: 'dateTime', actorId: 'text', actorName: 'text', action: 'text', recordType: 'text', recordId: { type: 'text', indexed: true }, summary: 'note' },
    (entry) => entry.action,
  ),
} as const;
