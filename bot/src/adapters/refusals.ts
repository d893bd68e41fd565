import type { Refused } from '../app/outcome';
import { ownDecisionMessage } from '../domain/authorization/deciders';
import { whoMay, type Action } from '../domain/authorization/permissions';
import { PERMISSION_TYPES, type PermissionStep, type PermissionType } from '../domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../domain/permission/permission-workflows';

/**
 * What each action is, in the words of "Only … can …": the sentence a person reads when a use
 * case answers `not-permitted` for that action. Every action has its words, so the compiler finds
 * a new action that could reach a person as a bare "no".
 */
const WHAT_IT_DOES: Record<Action, string> = {
  'accessRequest.submit': 'ask for a website to be unblocked',
  'accessRequest.viewAll': "see everyone's requests to unblock a website",
  'accessRequest.forward': 'pass a request to unblock a website to the headteacher',
  'accessRequest.return': 'return a request to unblock a website',
  'accessRequest.approve': 'approve a request to unblock a website',
  'accessRequest.refuse': 'refuse a request to unblock a website',
  'accessRequest.markDone': 'mark a website as unblocked',
  'accessRequest.withdraw': 'withdraw this request',
  'accessRequest.resubmit': 'send this request again',
  'accessRequest.reblock': 'mark a website as blocked again',
  'accessRequest.setEnd': 'set the last day of an unblocked website',
  'audit.export': 'export the audit log',
  'consent.viewClass': "see a class's photo consent",
  'pupils.import': 'import pupils',
  'consent.record': 'record consent',
  'consent.export': 'export the consent register',
  'postingRequest.submit': 'ask to post on a school account',
  'postingRequest.viewAll': "see everyone's requests to post",
  'postingRequest.approve': 'approve a request to post',
  'postingRequest.refuse': 'refuse a request to post',
  'postingRequest.withdraw': 'withdraw this request',
  'postingRequest.resubmit': 'send this request again',
  'postingRequest.confirmPosted': 'confirm this post was made',
  'postingRequest.changeMedia': "change this request's photos and videos",
  'socialAccount.view': 'see the school accounts',
  'socialAccount.manage': 'add or change a school account (Social Media Policy, section 5)',
  'device.view': 'see the approved devices',
  'device.manage': 'approve or retire a device (Social Media Policy, section 4)',
  'takedown.viewAll': 'see every takedown',
  'takedown.close': 'close this takedown',
  'incident.report': 'report a concern',
  'incident.view': 'see this incident',
  'incident.act': 'act on this incident',
  'incident.assign': 'assign an incident',
  'incident.summary': 'see the incident summary',
  'incident.export': 'export the incident log',
  'incident.pupilChronology': "see a pupil's chronology",
  'incident.evidence.add': 'attach evidence to this incident',
  'incident.evidence.open': "open this incident's evidence",
  'incident.evidence.remove': 'remove evidence from an incident',
  'incident.transfer': "see, produce or record a leaver's safeguarding file",
  'training.logOwn': 'log their own training',
  'training.viewAll': "see everyone's training",
  'training.record': 'record training',
  'training.confirm': 'confirm training',
  'training.requireRefresher': 'require a refresher',
  'policy.recordReview': 'record a policy review',
  'policy.library': 'open the policy library',
  'policy.publishVersion': 'publish a new version of a policy',
  'policy.acknowledge': 'say they have read and understood a policy',
  'policy.readStatus': 'see who has read a policy',
  'policy.tellPupilsAndParents': 'word a policy change for pupils and parents',
  'settings.view': 'see the school settings',
  'settings.school': "change the school's details",
  'settings.policies': 'change the policy register',
  'settings.termDates': 'change the term dates',
  'settings.trainingRequirements': 'change the training requirements',
  'readiness.view': 'see whether the school is ready to go live',
  ...permissionWords(),
  'governance.view': 'open the Governance page',
  'filteringReview.view': 'open the filtering and monitoring review',
  'filteringReview.record': 'record the filtering and monitoring review',
  'filteringReview.closeAction': 'mark an action from the filtering review done',
};

/** The smaller permissions' actions, in the words of their definitions: asking, seeing all, and each step's label. */
function permissionWords(): Record<`${PermissionType}.${'submit' | 'viewAll' | PermissionStep}`, string> {
  return Object.fromEntries(
    PERMISSION_TYPES.flatMap((type) => {
      const { name, steps } = PERMISSION_WORKFLOWS[type];
      return [
        [`${type}.submit`, `ask for permission (${name.toLowerCase()})`],
        [`${type}.viewAll`, `see everyone's requests (${name.toLowerCase()})`],
        ...Object.entries(steps).map(([step, definition]) => [`${type}.${step}`, definition.label]),
      ];
    }),
  ) as Record<`${PermissionType}.${'submit' | 'viewAll' | PermissionStep}`, string>;
}

/**
 * Why a person was refused, naming who may: "Only the headteacher can record a policy review.";
 * on their own record, that nobody decides their own and who does instead.
 */
export function refusal({ action, ownRecord }: Pick<Refused, 'action' | 'ownRecord'>): string {
  if (ownRecord) return ownDecisionMessage(action, `${WHAT_IT_DOES[action]} on your own record`);
  return `Only ${whoMay(action)} can ${WHAT_IT_DOES[action]}.`;
}
