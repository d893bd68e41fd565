import { deviceLabel } from '../domain/devices/approved-device';
import { checkMedia, mediaUsed, type NamedDevice } from '../domain/media/media-checks';
import type { PostingAttachment } from '../domain/media/posting-attachment';
import { checkPost, type CheckFailure } from '../domain/posting/posting-checks';
import type { PostingDetails, ShownPupil } from '../domain/posting/posting-request';
import type { PostingRequestInput } from '../domain/posting/posting-request-input';
import type { AppDeps } from './app-deps';
import { readAll } from './read-all';
import { rosterSnapshot } from './roster-snapshot';

/**
 * Looks up what a posting request refers to (the account, the pupils on the roster, their
 * consent history, the device) and runs the automatic checks of s.4 and s.5 on it, as of today's
 * records, on the media ticked and the files attached.
 */
export async function preparePosting(
  deps: Pick<AppDeps, 'stores' | 'clock'>,
  input: PostingRequestInput,
  attachments?: readonly PostingAttachment[],
): Promise<{ details: PostingDetails; checks: CheckFailure[] }> {
  const { stores } = deps;
  const [accounts, roster, device] = await Promise.all([
    stores.socialAccounts.find({ where: { active: true }, limit: 200 }),
    rosterSnapshot(deps),
    namedDevice(deps, input),
  ]);
  const consent = (await Promise.all(input.pupilIds.map((pupilId) => stores.consents.find({ where: { pupilId }, limit: 500 })))).flatMap(
    (page) => page.items,
  );
  const media = mediaUsed({ media: input.media, attachments });
  const checks = [
    ...checkPost({ ...input, media }, { registeredAccountIds: new Set(accounts.items.map((account) => account.id)), roster, consent }),
    ...checkMedia({ media, attachments }, device),
  ];

  const account = accounts.items.find((candidate) => candidate.id === input.accountId);
  const byId = new Map(roster.map((pupil) => [pupil.id, pupil]));
  const pupils: ShownPupil[] = input.pupilIds.map((id) => {
    const pupil = byId.get(id);
    return { id, displayName: pupil?.displayName ?? 'Unknown pupil', className: pupil?.className ?? '' };
  });
  const { pupilIds: _ids, ...rest } = input;
  const found = device.found;
  return {
    details: {
      ...rest,
      media,
      accountLabel: account ? `${account.platform} ${account.handle}` : 'Not a registered account',
      pupils,
      ...(found ? { deviceId: found.id } : {}),
      deviceLabel: found ? deviceLabel(found) : undefined,
    },
    checks,
  };
}

/** The device the requester picked (by id) or typed (by name, whatever the case), as the register has it. */
async function namedDevice(deps: Pick<AppDeps, 'stores'>, input: PostingRequestInput): Promise<NamedDevice> {
  if (input.deviceId) {
    const found = await deps.stores.devices.get(input.deviceId);
    return { named: true, ...(found ? { found } : {}) };
  }
  if (!input.deviceName) return { named: false };
  const wanted = input.deviceName.trim().toLowerCase();
  const all = await readAll((cursor) => deps.stores.devices.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
  const matches = all.filter((device) => device.name.trim().toLowerCase() === wanted).sort((a, b) => Number(b.active) - Number(a.active));
  return { named: true, typedName: input.deviceName, ...(matches[0] ? { found: matches[0] } : {}) };
}

/** The request's content as input again (for re-running the checks at approval). */
export function inputOf(details: PostingDetails): PostingRequestInput {
  const { accountLabel: _label, deviceLabel: _device, pupils, ...rest } = details;
  return { ...rest, pupilIds: pupils.map((pupil) => pupil.id) };
}
