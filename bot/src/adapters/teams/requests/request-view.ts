import { storeOf, type RequestOf } from '../../../app/requests/request-kinds';
import { holdersFor, holdersForRecord } from '../../../app/role-holders';
import type { RoleHolders } from '../../../domain/authorization/deciders';
import type { Person } from '../../../domain/people/person';
import type { RequestType } from '../../../domain/records/record-type';
import { isFinished, maySeeRequest, pendingActions, stateLabel, stepsFor } from '../../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import type { Versioned } from '../../../ports/collection.port';
import type { NoticeReason } from '../../../ports/notifier.port';
import type { AdaptiveCard } from '../cards/card-elements';
import { fitCard } from '../cards/fit-card';
import { messageCard } from '../cards/simple-cards';
import { decisionNote } from '../decision-note';
import type { CardDeps, RecordCards } from '../features/feature';
import type { TeamsDeps } from '../teams-deps';
import { requestCard, type Banner, type RequestCardModel } from './request-card';
import { specOf } from './request-specs';

type Shown = Partial<Pick<RequestCardModel<RequestType>, 'banner' | 'values' | 'errors'>>;

/**
 * The card one person sees for a request of any type: buttons only for the steps they may take
 * now. `holders` is needed only when the viewer stands in for a role (the requester is its only holder).
 */
export function requestCardFor<T extends RequestType>(
  type: T,
  request: Versioned<RequestOf<T>>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Shown & { holders?: RoleHolders; links?: { tab: string; media?: string } } = {},
): AdaptiveCard {
  const { holders, links, ...shown } = extras;
  const spec = specOf(type);
  const workflow = WORKFLOWS[type];
  const steps = stepsFor(workflow, request, viewer, holders);
  const reference = workflow.reference(request.id);
  // Someone standing in for a role sees the request because they may decide it.
  if (!maySeeRequest(workflow, request, viewer) && steps.length === 0)
    return messageCard(`You don't have access to ${spec.noun} ${reference}.`, workflow.name);
  const note = decisionNote(request, viewer, pendingActions(workflow, request), holders);
  const card = requestCard(spec.card, {
    request,
    steps: steps as RequestCardModel<T>['steps'],
    viewerIsRequester: viewer.id === request.requesterId,
    ...(viewerTeamsId ? { viewerTeamsId } : {}),
    ...(note ? { decisionNote: note } : {}),
    ...(links?.media ? { mediaLink: links.media } : {}),
    ...shown,
  });
  return fitCard(card, links ? { label: `Open ${reference} in the tab`, url: links.tab } : undefined);
}

/** The card as above, looking up who holds the roles only when this viewer stands in for one. */
export async function requestCardForViewer<T extends RequestType>(
  deps: Pick<TeamsDeps, 'directory' | 'tabLink' | 'links'>,
  type: T,
  request: Versioned<RequestOf<T>>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  shown: Shown = {},
): Promise<AdaptiveCard> {
  const holders = await holdersFor(deps, viewer, pendingActions(WORKFLOWS[type], request));
  return requestCardFor(type, request, viewer, viewerTeamsId, {
    ...shown,
    ...(holders ? { holders } : {}),
    links: specOf(type).links(deps, request),
  });
}

/** A request read fresh, to tell people of it or update their cards: one read, each viewer's own card. */
export async function requestRecordCards<T extends RequestType>(
  deps: CardDeps,
  type: T,
  requestId: string,
): Promise<RecordCards | undefined> {
  const request = await storeOf(deps.stores, type).get(requestId);
  if (!request) return undefined;
  const workflow = WORKFLOWS[type];
  const holders = await holdersForRecord(deps, request.requesterId, pendingActions(workflow, request));
  const links = specOf(type).links(deps, request);
  return {
    cardFor: (viewer, teamsId, banner) =>
      requestCardFor(type, request, viewer, teamsId, { ...(banner ? { banner } : {}), ...(holders ? { holders } : {}), links }),
    banner: (reason, viewer) => noticeBanner(type, request, reason, viewer.id === request.requesterId),
    reference: `${specOf(type).noun} ${workflow.reference(request.id)}`,
    finished: isFinished(workflow, request.state),
  };
}

/** Why a person gets a request's card: it needs them (worded by state), or an update on where it is. */
function noticeBanner<T extends RequestType>(type: T, request: RequestOf<T>, reason: NoticeReason, forRequester: boolean): Banner {
  const spec = specOf(type);
  const workflow = WORKFLOWS[type];
  const named = `${spec.noun} ${workflow.reference(request.id)}`;
  const state = stateLabel(workflow, request.state, forRequester);
  if (reason === 'status-changed') return { text: `Update on ${forRequester ? 'your ' : ''}${named}: ${state}.`, tone: 'accent' };
  return (
    spec.asked[request.state as RequestOf<T>['state']] ?? {
      text: `${named.charAt(0).toUpperCase()}${named.slice(1)}: ${state}.`,
      tone: 'accent',
    }
  );
}
