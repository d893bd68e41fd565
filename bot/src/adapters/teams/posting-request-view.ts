import { devicesInUse } from '../../app/devices';
import type { Person } from '../../domain/people/person';
import type { PostingRequest } from '../../domain/posting/posting-request';
import { POSTING_LIMITS } from '../../domain/posting/posting-request-input';
import type { AdaptiveCard, Tone } from './cards/card-elements';
import {
  postingRequestFormCard,
  type PostingFormField,
  type PostingFormModel,
  type PostingFormValues,
} from './cards/posting-request-form-card';
import { pupilChoices } from './pupil-choices';
import type { TeamsDeps } from './teams-deps';
import { today } from '../../domain/calendar/zoned-time';

/**
 * The form, filled in with `values`: the registered accounts, the classes, and the pupils on roll
 * in the classes chosen (plus anyone already ticked, so a tick is never lost).
 */
export async function postingRequestForm(
  deps: Pick<TeamsDeps, 'stores' | 'clock' | 'newKey'>,
  person: Person,
  options: {
    target?: PostingFormModel['target'];
    values?: PostingFormValues;
    errors?: PostingFormModel['errors'];
    banner?: { text: string; tone: Tone };
  } = {},
): Promise<AdaptiveCard> {
  const day = today(deps.clock);
  const values = options.values ?? {};
  const [accounts, { classesError, ...roster }, devices] = await Promise.all([
    deps.stores.socialAccounts.find({ where: { active: true }, limit: 200 }),
    pupilChoices(deps, values),
    devicesInUse(deps),
  ]);
  return postingRequestFormCard({
    requesterName: person.displayName,
    today: day,
    target: options.target ?? { submissionKey: deps.newKey() },
    accounts: accounts.items.map((account) => ({ id: account.id, label: `${account.platform} ${account.handle}` })),
    ...roster,
    devices: devices.map((device) => ({ id: device.id, name: device.name })),
    values,
    errors: { ...(classesError ? { classes: classesError } : {}), ...options.errors },
    ...(options.banner ? { banner: options.banner } : {}),
  });
}

const FIELDS: PostingFormField[] = [
  'kind',
  'accountId',
  'text',
  'media',
  'deviceId',
  'deviceName',
  'pupilIds',
  'groupLabel',
  'facesBlurred',
  'postingDate',
  'classes',
];

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
    ...(request.deviceId ? { deviceId: request.deviceId } : {}),
    ...(request.deviceName ? { deviceName: request.deviceName } : {}),
    pupilIds: request.pupils.map((pupil) => pupil.id).join(','),
    groupLabel: request.groupLabel,
    facesBlurred: String(request.facesBlurred),
    postingDate: request.postingDate,
    classes: [...new Set(request.pupils.map((pupil) => pupil.className))].join(','),
  };
}
