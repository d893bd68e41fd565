/**
 * Policy s.4, table by table: the checks on what is attached (the headteacher sees what will be
 * posted; images are taken only on devices the online safety lead approved), who may change the
 * files and when, and how long the files are kept once the request ends (data minimisation).
 */
import type { ApprovedDevice } from '../../../../bot/src/domain/devices/approved-device';
import { validateDeviceInput } from '../../../../bot/src/domain/devices/approved-device';
import { applyMediaChange, type MediaChange } from '../../../../bot/src/domain/media/media-change';
import { checkMedia, mediaUsed, type NamedDevice } from '../../../../bot/src/domain/media/media-checks';
import type { MediaFormat } from '../../../../bot/src/domain/media/media-file';
import { mediaDueForDeletion, type PostingAttachment } from '../../../../bot/src/domain/media/posting-attachment';
import type { Media } from '../../../../bot/src/domain/consent/consent';
import type { Person } from '../../../../bot/src/domain/people/person';
import { newPostingRequest, type PostingRequest, type PostingState } from '../../../../bot/src/domain/posting/posting-request';

const file = (format: MediaFormat, extra: Partial<PostingAttachment> = {}): PostingAttachment => ({
  id: `f-${format}-${Math.random()}`,
  name: `x.${format}`,
  format,
  bytes: 1000,
  storageKey: 'k',
  addedAt: '2026-11-20T10:00:00Z',
  addedById: '1',
  ...extra,
});
const device = (active: boolean): ApprovedDevice => ({
  id: '9',
  name: 'Class 4B iPad',
  type: 'tablet',
  approvedById: '2',
  approvedByName: 'Megan Bowen',
  approvedOn: '2025-09-03',
  active,
  ...(active ? {} : { retired: { on: '2026-07-18', byId: '2', byName: 'Megan Bowen' } }),
});

describe('checks on what is attached (s.4)', () => {
  const named: NamedDevice = { named: true, found: device(true) };
  const cases: { name: string; media: Media[]; files: PostingAttachment[]; device: NamedDevice; expected: string[] }[] = [
    { name: 'a text-only post needs neither files nor a device', media: [], files: [], device: { named: false }, expected: [] },
    { name: 'images ticked, a photo attached, an approved device', media: ['images'], files: [file('jpeg')], device: named, expected: [] },
    { name: 'images ticked but nothing attached', media: ['images'], files: [], device: named, expected: ['attachments'] },
    {
      name: 'videos ticked, only a photo attached',
      media: ['images', 'videos'],
      files: [file('png')],
      device: named,
      expected: ['attachments'],
    },
    { name: 'a HEIC photo counts as images', media: ['images'], files: [file('heic')], device: named, expected: [] },
    {
      name: 'a file deleted after the keeping period no longer counts',
      media: ['images'],
      files: [file('jpeg', { deletedAt: '2026-12-30T07:30:00Z' })],
      device: named,
      expected: ['attachments'],
    },
    {
      name: 'a video attached with nothing ticked still needs a device',
      media: [],
      files: [file('mp4')],
      device: { named: false },
      expected: ['device'],
    },
    { name: 'no device named', media: ['images'], files: [file('jpeg')], device: { named: false }, expected: ['device'] },
    {
      name: 'a device that is not on the register',
      media: ['images'],
      files: [file('jpeg')],
      device: { named: true, typedName: 'My own phone' },
      expected: ['device'],
    },
    {
      name: 'a retired device',
      media: ['images'],
      files: [file('jpeg')],
      device: { named: true, found: device(false) },
      expected: ['device'],
    },
  ];
  it.each(cases)('$name', ({ media, files, device: named, expected }) => {
    const failures = checkMedia({ media: mediaUsed({ media, attachments: files }), attachments: files }, named);
    expect(failures.map((failure) => failure.check)).toEqual(expected);
  });

  it('says why a device fails, in words the requester can act on', () => {
    const [typed] = checkMedia({ media: ['images'], attachments: [file('jpeg')] }, { named: true, typedName: 'My own phone' });
    expect(typed!.message).toMatch(/No device called "My own phone" is on the register of approved school devices/);
    const [retired] = checkMedia({ media: ['images'], attachments: [file('jpeg')] }, { named: true, found: device(false) });
    expect(retired!.message).toMatch(/Class 4B iPad was retired from the approved school devices on 2026-07-18/);
  });

  it.each<[string, Media[], PostingAttachment[], NamedDevice, string]>([
    [
      'images ticked, none attached',
      ['images'],
      [],
      { named: true, found: device(true) },
      'You said the post has images, but none are attached. Send them to me in this chat, or upload them on the request in the Online Safety Desk tab, so the headteacher sees what will be posted.',
    ],
    [
      'no device named',
      ['images'],
      [file('jpeg')],
      { named: false },
      'Say which school device the photos or videos were taken on. Only devices the online safety lead has approved may be used (policy section 4).',
    ],
    [
      'a device picked that is no longer on the register',
      ['images'],
      [file('jpeg')],
      { named: true },
      'The device you chose is not on the register of approved school devices. Use an approved device, or ask the online safety lead to approve it (policy section 4).',
    ],
    [
      'a device retired with no date recorded',
      ['images'],
      [file('jpeg')],
      { named: true, found: { ...device(false), retired: undefined } },
      'Class 4B iPad was retired from the approved school devices. Use photos or videos taken on an approved device (policy section 4).',
    ],
  ])('says what to do: %s', (_case, media, files, named, message) => {
    expect(checkMedia({ media, attachments: files }, named).map((failure) => failure.message)).toEqual([message]);
  });

  it('checks consent for every kind attached, not only the kinds ticked', () => {
    expect(mediaUsed({ media: ['images'], attachments: [file('mov')] })).toEqual(['images', 'videos']);
  });
});

describe('who may change the files, and when (s.4: what is approved is what was seen)', () => {
  const requester: Person = { id: '1', displayName: 'Alex Wilber', roles: ['staff'] };
  const head: Person = { id: '3', displayName: 'Adele Vance', roles: ['staff', 'headteacher'] };
  const request = (state: PostingState, files: PostingAttachment[] = []): PostingRequest => ({
    ...newPostingRequest(
      {
        kind: 'post',
        accountId: '1',
        accountLabel: 'X',
        text: 'Sports day',
        media: ['images'],
        pupils: [],
        groupLabel: 'sports day',
        facesBlurred: false,
        postingDate: '2026-12-01',
      },
      [],
      { personId: '1', name: 'Alex Wilber' },
      'k',
      new Date('2026-11-20T10:00:00Z'),
    ),
    id: '5',
    state,
    attachments: files,
  });
  const attach: MediaChange = { type: 'attach', file: file('jpeg') };
  const cases: { name: string; state: PostingState; actor: Person; checks: number; expected: string }[] = [
    {
      name: 'the requester, while the checks fail: stays with them',
      state: 'checksFailed',
      actor: requester,
      checks: 1,
      expected: 'checksFailed attach',
    },
    {
      name: 'the requester, and now every check passes: to the headteacher',
      state: 'checksFailed',
      actor: requester,
      checks: 0,
      expected: 'withHeadteacher resubmit',
    },
    {
      name: 'the requester, while with the headteacher, still passing',
      state: 'withHeadteacher',
      actor: requester,
      checks: 0,
      expected: 'withHeadteacher attach',
    },
    {
      name: 'the requester adds a video nobody may appear in: back to them',
      state: 'withHeadteacher',
      actor: requester,
      checks: 1,
      expected: 'checksFailed checksFailed',
    },
    {
      name: 'the headteacher cannot change what was asked for',
      state: 'withHeadteacher',
      actor: head,
      checks: 0,
      expected: 'not-permitted',
    },
    { name: 'after approval nothing changes', state: 'approved', actor: requester, checks: 0, expected: 'not-now' },
    { name: 'after it is posted nothing changes', state: 'posted', actor: requester, checks: 0, expected: 'not-now' },
  ];
  it.each(cases)('$name', ({ state, actor, checks, expected }) => {
    const outcome = applyMediaChange(
      request(state),
      attach,
      actor,
      Array.from({ length: checks }, () => ({ check: 'consent' as const, message: 'x' })),
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(outcome.ok ? `${outcome.request.state} ${outcome.request.history.at(-1)!.step}` : outcome.error.code).toBe(expected);
  });

  it.each<[string, PostingState, Person, string]>([
    ['someone else', 'withHeadteacher', head, 'Only the person who made the request can add or remove its photos and videos.'],
    [
      'after approval',
      'approved',
      requester,
      'This request is already "Approved — waiting for the requester to post it", so its photos and videos can no longer change.',
    ],
  ])('says why a change is refused: %s', (_case, state, actor, message) => {
    const outcome = applyMediaChange(request(state), attach, actor, [], new Date('2026-11-21T10:00:00Z'));
    expect(outcome.ok ? '' : outcome.error.message).toBe(message);
  });

  it('attaching keeps the files there and adds the new one, with a line in the history', () => {
    const first = file('jpeg', { id: 'f-1', name: 'first.jpg' });
    const second = file('png', { id: 'f-2', name: 'second.png' });
    const outcome = applyMediaChange(
      request('checksFailed', [first]),
      { type: 'attach', file: second },
      requester,
      [],
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(outcome.ok && [outcome.request.attachments?.map((one) => one.id), outcome.request.history.at(-1)?.note]).toEqual([
      ['f-1', 'f-2'],
      'Attached second.png',
    ]);
  });

  it('removing takes out only that file, with a line in the history naming it', () => {
    const files = [file('jpeg', { id: 'f-1', name: 'first.jpg' }), file('png', { id: 'f-2', name: 'second.png' })];
    const outcome = applyMediaChange(
      request('checksFailed', files),
      { type: 'detach', fileId: 'f-2' },
      requester,
      [],
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(outcome.ok && [outcome.request.attachments?.map((one) => one.id), outcome.request.history.at(-1)?.note]).toEqual([
      ['f-1'],
      'Removed second.png',
    ]);
  });

  it('a file already deleted after the keeping period cannot be removed again', () => {
    const gone = file('jpeg', { id: 'f-1', deletedAt: '2026-11-20T07:30:00Z' });
    const outcome = applyMediaChange(
      request('checksFailed', [gone]),
      { type: 'detach', fileId: 'f-1' },
      requester,
      [],
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'not-found', message: 'That file is not attached to this request.' } });
  });

  it('takes at most 20 files, and removes only a file that is there', () => {
    const full = request(
      'checksFailed',
      Array.from({ length: 20 }, () => file('jpeg')),
    );
    expect(applyMediaChange(full, attach, requester, [], new Date('2026-11-21T10:00:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'too-many', message: 'A request can have at most 20 files. Remove one first, or make a second request.' },
    });
    expect(
      applyMediaChange(request('checksFailed'), { type: 'detach', fileId: 'nope' }, requester, [], new Date('2026-11-21T10:00:00Z')),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('how long the files are kept (data minimisation; MEDIA_KEEP_DAYS)', () => {
  const cases: [string, string | undefined, number, string, boolean][] = [
    ['still open: kept', undefined, 30, '2027-06-01', false],
    ['ended today: kept', '2026-11-20', 30, '2026-11-20', false],
    ['29 days after it ended: kept', '2026-11-20', 30, '2026-12-19', false],
    ['30 days after it ended: deleted', '2026-11-20', 30, '2026-12-20', true],
    ['long after: deleted', '2026-11-20', 30, '2027-03-01', true],
    ['a school that keeps them 7 days: the 7th day', '2026-11-20', 7, '2026-11-27', true],
  ];
  it.each(cases)('%s', (_name, endedOn, keepDays, today, expected) => {
    expect(mediaDueForDeletion(endedOn, keepDays, today)).toBe(expected);
  });
});

describe('approving a device (s.4: the online safety lead approves)', () => {
  const cases: [string, unknown, Record<string, string> | 'ok'][] = [
    ['a tablet approved today', { name: 'Class 4B iPad', type: 'tablet', approvedOn: '2026-11-20' }, 'ok'],
    ['no name', { name: ' ', type: 'tablet', approvedOn: '2026-11-20' }, { name: 'The device name is required.' }],
    [
      'a name too long for the form',
      { name: 'x'.repeat(41), type: 'tablet', approvedOn: '2026-11-20' },
      { name: 'The device name must be 40 characters or fewer.' },
    ],
    [
      'a hidden character in the name',
      { name: 'iPad\u202E', type: 'tablet', approvedOn: '2026-11-20' },
      { name: 'The device name contains hidden control characters. Please retype it.' },
    ],
    ['an unknown type', { name: 'iPad', type: 'toaster', approvedOn: '2026-11-20' }, { type: 'Choose the type of device.' }],
    [
      'approved in the future',
      { name: 'iPad', type: 'tablet', approvedOn: '2026-11-21' },
      { approvedOn: "A device cannot be approved in the future: use today's date or an earlier one." },
    ],
    ['a date that does not exist', { name: 'iPad', type: 'tablet', approvedOn: '2026-02-30' }, { approvedOn: 'That date does not exist.' }],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    const result = validateDeviceInput(raw, '2026-11-20');
    expect(result.ok ? 'ok' : result.errors).toEqual(expected);
  });
});
