import { accessReference, accessStateLabel, isFinished, type AccessRequest } from '../../domain/access/access-request';
import type { Person } from '../../domain/people/person';
import { isPostingFinished, postingReference, postingStateLabel, type PostingRequest } from '../../domain/posting/posting-request';
import type { NoticeReason, NoticeRecordType } from '../../ports/notifier.port';
import type { Stores } from '../../ports/stores.port';
import { accessRequestCardFor } from './access-request-view';
import type { AdaptiveCard, Tone } from './cards/card-elements';
import { postingRequestCardFor } from './posting-request-view';
import { messageCard } from './cards/simple-cards';
import { takedownCard } from './cards/takedown-card';
import { maySeeTakedown, takedownView } from './takedown-view';
import { may } from '../../domain/authorization/permissions';
import { pendingActions } from '../../domain/access/access-request-rules';
import { pendingPostingActions } from '../../domain/posting/posting-request';
import { holdersForRecord } from '../../app/role-holders';
import type { Directory } from '../../ports/directory.port';

/** A record loaded for notifying: each viewer's card, and the banner that says why they got it. */
export interface RecordCards {
  cardFor(viewer: Person, viewerTeamsId: string | undefined, banner?: { text: string; tone: Tone }): AdaptiveCard;
  /** Why this person gets the card, worded for them. */
  banner(reason: NoticeReason, viewer: Person): { text: string; tone: Tone };
  /** "A-12", "P-7", "takedown task #3". */
  reference: string;
  /** Nothing more will happen to it (decided and done, refused, withdrawn, closed). */
  finished: boolean;
}

/** Reads the record fresh and says how to show it; undefined when it no longer exists. */
export async function loadRecordCards(stores: Stores, directory: Directory, recordType: NoticeRecordType, recordId: string, tabUrl?: string): Promise<RecordCards | undefined> {
  if (recordType === 'accessRequest') {
    const request = await stores.accessRequests.get(recordId);
    if (!request) return undefined;
    const holders = await holdersForRecord({ directory }, request.requesterId, pendingActions(request));
    return {
      cardFor: (viewer, teamsId, banner) => accessRequestCardFor(request, viewer, teamsId, { ...(banner ? { banner } : {}), ...(holders ? { holders } : {}), ...(tabUrl ? { tabUrl } : {}) }),
      banner: (reason, viewer) => accessBanner(request, reason, viewer.id === request.requesterId),
      reference: `request ${accessReference(request.id)}`,
      finished: isFinished(request.state),
    };
  }
  if (recordType === 'takedown') {
    const task = await stores.takedowns.get(recordId);
    if (!task) return undefined;
    const view = await takedownView(stores, task);
    const canClose = (viewer: Person) => may(viewer, 'takedown.close', task.ownerId);
    return {
      cardFor: (viewer, teamsId, banner) => (maySeeTakedown(task, viewer) ? takedownCard(view, { canClose: canClose(viewer), ...(teamsId ? { viewerTeamsId: teamsId } : {}), ...(banner ? { banner } : {}) }) : messageCard(`You don't have access to takedown task #${task.id}.`)),
      banner: () => (task.urgent ? { text: 'Urgent: a post on your school account shows a pupil without consent.', tone: 'attention' } : { text: 'A parent has withdrawn consent: a post on your school account needs taking down.', tone: 'warning' }),
      reference: `takedown task #${task.id}`,
      finished: task.status !== 'to do',
    };
  }
  const request = await stores.postingRequests.get(recordId);
  if (!request) return undefined;
  const holders = await holdersForRecord({ directory }, request.requesterId, pendingPostingActions(request));
  return {
    cardFor: (viewer, teamsId, banner) => postingRequestCardFor(request, viewer, teamsId, { ...(banner ? { banner } : {}), ...(holders ? { holders } : {}), ...(tabUrl ? { tabUrl } : {}) }),
    banner: (reason, viewer) => postingBanner(request, reason, viewer.id === request.requesterId),
    reference: `request to post ${postingReference(request.id)}`,
    finished: isPostingFinished(request.state),
  };
}

function accessBanner(request: AccessRequest, reason: NoticeReason, forRequester: boolean): { text: string; tone: Tone } {
  if (reason === 'status-changed') return { text: `Update on request ${accessReference(request.id)}: ${accessStateLabel(request.state, forRequester)}.`, tone: 'accent' };
  switch (request.state) {
    case 'withOnlineSafetyLead':
      return { text: 'A request to open a blocked website needs your review.', tone: 'warning' };
    case 'withHeadteacher':
      return { text: 'A request to open a blocked website needs your decision.', tone: 'warning' };
    case 'approved':
      return { text: 'Approved: please open this site on the school filter, then mark it done.', tone: 'warning' };
    case 'returnedToRequester':
      return { text: 'Your request was returned to you. Read the reason, then edit and resubmit it, or withdraw it.', tone: 'warning' };
    default:
      return { text: `Request ${accessReference(request.id)}: ${accessStateLabel(request.state, forRequester)}.`, tone: 'accent' };
  }
}

function postingBanner(request: PostingRequest, reason: NoticeReason, forRequester: boolean): { text: string; tone: Tone } {
  if (reason === 'status-changed') return { text: `Update on ${forRequester ? 'your ' : ''}request to post ${postingReference(request.id)}: ${postingStateLabel(request.state, forRequester)}.`, tone: 'accent' };
  switch (request.state) {
    case 'withHeadteacher':
      return { text: 'A request to post on a school account needs your decision. Every automatic check passed.', tone: 'warning' };
    case 'approved':
      return { text: 'Your post was approved. Post it, then paste the link below so it is registered with its pupils.', tone: 'good' };
    case 'checksFailed':
      return { text: 'The checks were run again before the decision and found problems: fix them with "Edit and resubmit".', tone: 'warning' };
    default:
      return { text: `Request to post ${postingReference(request.id)}: ${postingStateLabel(request.state, forRequester)}.`, tone: 'accent' };
  }
}
