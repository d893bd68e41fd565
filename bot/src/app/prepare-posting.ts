import { deviceLabel } from '../domain/devices/approved-device';
import { checkMedia, mediaUsed } from '../domain/media/media-checks';
import type { PostingAttachment } from '../domain/media/posting-attachment';
import { checkPost, type CheckFailure } from '../domain/posting/posting-checks';
import type { PostingDetails, ShownPupil } from '../domain/posting/posting-request';
import type { PostingRequestInput } from '../domain/posting/posting-request-input';
import type { AppDeps } from './app-deps';
import { rosterSnapshot } from './roster-snapshot';

/**
 * Looks up what a posting request refers to (the account, the pupils on the roster, their
 * consent history, the device) and runs the automatic checks of s.4 and s.5 on it, as of today's
 * records, on the media ticked and the files attached.
 */
export async function preparePosting(deps: Pick<AppDeps, 'stores' | 'clock'>, input: PostingRequestInput, attachments?: readonly PostingAttachment[]): Promise<{ details: PostingDetails; checks: CheckFailure[] }> {
  const { stores } = deps;
  const [accounts, roster, devices] = await Promise.all([
    stores.socialAccounts.find({ where: { active: true }, limit: 200 }),
    rosterSnapshot(deps),
    input.deviceId ? stores.devices.get(input.deviceId).then((device) => (device ? [device] : [])) : Promise.resolve([]),
  ]);
  const consent = (await Promise.all(input.pupilIds.map((pupilId) => stores.consents.find({ where: { pupilId }, limit: 500 })))).flatMap((page) => page.items);
  const media = mediaUsed({ media: input.media, attachments });
  const checks = [
    ...checkPost({ ...input, media }, { registeredAccountIds: new Set(accounts.items.map((account) => account.id)), roster, consent }),
    ...checkMedia({ media, attachments, deviceId: input.deviceId }, devices),
  ];

  const account = accounts.items.find((candidate) => candidate.id === input.accountId);
  const byId = new Map(roster.map((pupil) => [pupil.id, pupil]));
  const pupils: ShownPupil[] = input.pupilIds.map((id) => {
    const pupil = byId.get(id);
    return { id, displayName: pupil?.displayName ?? 'Unknown pupil', className: pupil?.className ?? '' };
  });
  const { pupilIds: _ids, ...rest } = input;
  const device = devices[0];
  return { details: { ...rest, media, accountLabel: account ? `${account.platform} ${account.handle}` : 'Not a registered account', pupils, deviceLabel: device ? deviceLabel(device) : undefined }, checks };
}

/** The request's content as input again (for re-running the checks at approval). */
export function inputOf(details: PostingDetails): PostingRequestInput {
  const { accountLabel: _label, deviceLabel: _device, pupils, ...rest } = details;
  return { ...rest, pupilIds: pupils.map((pupil) => pupil.id) };
}
