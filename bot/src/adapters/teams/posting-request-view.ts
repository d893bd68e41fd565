import { rosterSnapshot } from '../../app/roster-snapshot';
import { may, whoMay } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import { postingReference, availablePostingSteps, maySeePostingRequest, pendingPostingActions, type PostingRequest } from '../../domain/posting/posting-request';
import type { RoleHolders } from '../../domain/authorization/deciders';
import { POSTING_LIMITS } from '../../domain/posting/posting-request-input';
import type { Versioned } from '../../ports/collection.port';
import type { AdaptiveCard, Tone } from './cards/card-elements';
import { postingRequestCard, type PostingRequestCardModel } from './cards/posting-request-card';
import { MAX_CLASSES_SHOWN, postingRequestFormCard, type PostingFormField, type PostingFormModel, type PostingFormValues } from './cards/posting-request-form-card';
import { messageCard } from './cards/simple-cards';
import { holdersFor } from '../../app/role-holders';
import { decisionNote } from './decision-note';
import { fitCard } from './cards/fit-card';
import type { TeamsDeps } from './teams-deps';

/** As accessRequestCardFor: `holders` only for a viewer standing in for a role. */
export function postingRequestCardFor(
  request: Versioned<PostingRequest>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Pick<PostingRequestCardModel, 'banner' | 'values' | 'errors'> & { holders?: RoleHolders; tabUrl?: string } = {},
): AdaptiveCard {
  const { holders, tabUrl, ...shown } = extras;
  const steps = availablePostingSteps(request, viewer, holders);
  if (!maySeePostingRequest(request, viewer) && steps.length === 0) return messageCard(`You don't have access to request to post ${postingReference(request.id)}.`, 'Permission to post');
  const note = decisionNote(request, viewer, pendingPostingActions(request), holders);
  const card = postingRequestCard({ request, steps, viewerIsRequester: viewer.id === request.requesterId, ...(viewerTeamsId ? { viewerTeamsId } : {}), ...(note ? { decisionNote: note } : {}), ...shown });
  return fitCard(card, tabUrl ? { label: `Open ${postingReference(request.id)} in the tab`, url: tabUrl } : undefined);
}

/** The card as above, looking up who holds the roles only when this viewer stands in for one. */
export async function postingRequestCardForViewer(
  deps: Pick<TeamsDeps, 'directory' | 'tabLink'>,
  request: Versioned<PostingRequest>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Pick<PostingRequestCardModel, 'banner' | 'values' | 'errors'> = {},
): Promise<AdaptiveCard> {
  return postingRequestCardFor(request, viewer, viewerTeamsId, { ...extras, holders: await holdersFor(deps, viewer, pendingPostingActions(request)), tabUrl: deps.tabLink('requests') });
}

/**
 * The form, filled in with `values`: the registered accounts, the classes, and the pupils on roll
 * in the classes chosen (plus anyone already ticked, so a tick is never lost).
 */
export async function postingRequestForm(
  deps: Pick<TeamsDeps, 'stores' | 'clock' | 'newKey'>,
  person: Person,
  options: { target?: PostingFormModel['target']; values?: PostingFormValues; errors?: PostingFormModel['errors']; banner?: { text: string; tone: Tone } } = {},
): Promise<AdaptiveCard> {
  if (!may(person, 'postingRequest.submit')) {
    return messageCard(`Only ${whoMay('postingRequest.submit')} can ask to post on a school account (Social Media Policy, section 5).`);
  }
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [accounts, roster] = await Promise.all([
    deps.stores.socialAccounts.find({ where: { active: true }, limit: 200 }),
    rosterSnapshot(deps),
  ]);
  const onRoll = roster.filter((pupil) => pupil.onRollFrom.slice(0, 10) <= today && (!pupil.onRollTo || today <= pupil.onRollTo.slice(0, 10)));
  const values = options.values ?? {};
  const errors = { ...options.errors };
  let chosen = listOf(values.classes);
  if (chosen.length > MAX_CLASSES_SHOWN) {
    errors.classes ??= `Choose at most ${MAX_CLASSES_SHOWN} classes at a time; pupils already ticked stay ticked.`;
    chosen = chosen.slice(0, MAX_CLASSES_SHOWN);
  }
  const ticked = new Set(listOf(values.pupilIds));
  const pupilChoices = onRoll
    .filter((pupil) => chosen.includes(pupil.className) || ticked.has(pupil.id))
    .sort((a, b) => a.className.localeCompare(b.className) || a.displayName.localeCompare(b.displayName))
    .map(({ id, displayName, className }) => ({ id, displayName, className }));
  return postingRequestFormCard({
    requesterName: person.displayName,
    today,
    target: options.target ?? { submissionKey: deps.newKey() },
    accounts: accounts.items.map((account) => ({ id: account.id, label: `${account.platform} ${account.handle}` })),
    classes: [...new Set(onRoll.map((pupil) => pupil.className))].sort(),
    pupilChoices,
    values,
    errors,
    ...(options.banner ? { banner: options.banner } : {}),
  });
}

const FIELDS: PostingFormField[] = ['kind', 'accountId', 'text', 'media', 'pupilIds', 'groupLabel', 'facesBlurred', 'postingDate', 'classes'];

/** What the person had typed, from card data (never trusted: strings only, cut to size). */
export function postingFormValues(data: Record<string, unknown>): PostingFormValues {
  const values: PostingFormValues = {};
  for (const field of FIELDS) {
    const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
    if (typeof value === 'string') values[field] = value.slice(0, field === 'text' ? POSTING_LIMITS.text : 2000);
  }
  return values;
}

/** A stored request as form values, for "Edit and resubmit". */
export function postingFormValuesOf(request: PostingRequest): PostingFormValues {
  return {
    kind: request.kind,
    accountId: request.accountId,
    text: request.text,
    media: request.media.join(','),
    pupilIds: request.pupils.map((pupil) => pupil.id).join(','),
    groupLabel: request.groupLabel,
    facesBlurred: String(request.facesBlurred),
    postingDate: request.postingDate,
    classes: [...new Set(request.pupils.map((pupil) => pupil.className))].join(','),
  };
}

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((part) => part.trim()).filter(Boolean);
}
