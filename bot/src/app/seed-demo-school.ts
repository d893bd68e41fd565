import { ACCESS_WORKFLOW } from '../domain/access/access-workflow';
import { applyStep } from '../domain/workflow/workflow-rules';
import { newAccessRequest, type AccessAction, type AccessRequest } from '../domain/access/access-request';
import type { ConsentEvent, Media } from '../domain/consent/consent';
import type { Person } from '../domain/people/person';
import type { Pupil } from '../domain/school/pupil';
import type { Stores } from '../ports/stores.port';
import type { Logger } from './app-deps';
import { DEMO_PEOPLE, DEMO_POLICIES, DEMO_PUPILS, DEMO_SCHOOL, DEMO_TERM_DATES, DEMO_TRAINING_REQUIREMENTS } from './demo-school';
import { seedDemoIncidents } from './seed-demo-incidents';
import { DEMO_SPORTS_DAY_JPEG } from './demo-picture';
import type { MediaServices } from './media/media-services';
import type { PostingAttachment } from '../domain/media/posting-attachment';
import { newPostingRequest } from '../domain/posting/posting-request';
import { preparePosting } from './prepare-posting';
import { savePolicy } from './settings/policy-register';
import type { SettingsSave } from './settings/save-edited';
import { saveSchoolDetails } from './settings/school-details';
import { saveTermDates } from './settings/term-dates';
import { saveTrainingRequirement } from './settings/training-requirements';
import { localDate } from '../domain/calendar/zoned-time';

/** A failed audit write stops the seeding loudly: demo data is all or nothing worth showing. */
const LOUD: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: (message) => {
    throw new Error(message);
  },
};

/** Fills an empty store with the demo school; a store that holds anything is left untouched. */
export async function seedDemoSchool(
  stores: Stores,
  now: Date,
  log: Logger = LOUD,
  media?: Pick<MediaServices, 'store' | 'previews' | 'newId'>,
): Promise<boolean> {
  if (!(await stores.isEmpty())) return false;
  const people: Person[] = await stores.people.insertMany(DEMO_PEOPLE);
  await seedSettings(
    stores,
    people.find((person) => person.roles.includes('headteacher'))!,
    now,
    log,
  );
  const pupils = await stores.pupils.insertMany(DEMO_PUPILS);
  await stores.consents.insertMany(
    demoConsent(
      pupils,
      people.find((person) => person.roles.includes('admin'))!,
    ),
  );
  await seedAccountAndPosts(stores, people, pupils);
  await seedDevices(stores, people);
  if (media) await seedPostingRequest(stores, media, people, pupils, now);
  await seedAccessRequests(stores, people, now);
  await seedDemoIncidents(stores, people, pupils, now);
  return true;
}

/**
 * The demo school's settings, entered as the headteacher would in School settings: the same
 * use cases, checks and audit entries as the page.
 */
async function seedSettings(stores: Stores, headteacher: Person, now: Date, log: Logger): Promise<void> {
  const deps = { stores, clock: { now: () => now }, log };
  const saved = <T>(result: SettingsSave<T>) => {
    if (result.status !== 'ok') throw new Error(`Demo settings do not follow the rules: ${JSON.stringify(result)}`);
  };
  saved(await saveSchoolDetails(deps, headteacher, DEMO_SCHOOL, undefined));
  for (const policy of DEMO_POLICIES) saved(await savePolicy(deps, headteacher, policy));
  saved(await saveTermDates(deps, headteacher, DEMO_TERM_DATES, undefined));
  for (const requirement of DEMO_TRAINING_REQUIREMENTS) saved(await saveTrainingRequirement(deps, headteacher, requirement));
}

/**
 * Consent as the admin team recorded it from the forms: most pupils for both media, and the
 * cases staff must notice — images only, none returned, and a withdrawal in writing.
 */
function demoConsent(pupils: Pupil[], admin: Person): Omit<ConsentEvent, 'id'>[] {
  const events: Omit<ConsentEvent, 'id'>[] = [];
  const record = (pupil: Pupil, media: Media, decision: 'given' | 'refused', effectiveFrom: string, source: ConsentEvent['source']) =>
    events.push({
      pupilId: pupil.id,
      media,
      decision,
      effectiveFrom,
      source,
      recordedBy: admin.displayName,
      recordedAt: `${effectiveFrom}T09:00:00.000Z`,
    });
  for (const pupil of pupils) {
    if (pupil.displayName === 'Zain Ahmed') continue; // form never returned
    record(pupil, 'images', 'given', pupil.onRollFrom, 'consent form');
    const imagesOnly = pupil.displayName === 'Oliver Bennett' || pupil.displayName === 'Jack Taylor';
    record(pupil, 'videos', imagesOnly ? 'refused' : 'given', pupil.onRollFrom, 'consent form');
    if (pupil.displayName === 'Freya Jones') record(pupil, 'images', 'refused', '2026-03-10', 'written notice');
  }
  return events;
}

/** One school account with two earlier posts, so a withdrawal of consent has something to find. */
async function seedAccountAndPosts(stores: Stores, people: Person[], pupils: Pupil[]): Promise<void> {
  const dsl = people.find((person) => person.roles.includes('dsl'))!;
  const account = await stores.socialAccounts.insert({
    platform: 'X',
    handle: '@RiversidePrimary',
    purpose: 'News and celebrations for parents',
    reason: 'Keeps parents informed about school life and events (business reason, policy s.5).',
    ownerId: dsl.id,
    ownerName: dsl.displayName,
    schoolEmail: 'office@riverside.example',
    successMeasure: 'Termly parent survey and engagement figures.',
    active: true,
  });
  const ids = (...names: string[]) => names.map((name) => pupils.find((pupil) => pupil.displayName === name)!.id);
  await stores.posts.insertMany([
    {
      accountId: account.id,
      postedOn: '2026-06-15',
      media: ['images'],
      pupilIds: ids('Amelia Khan', 'Isla Nowak', 'Ava Patel'),
      link: 'https://x.example/RiversidePrimary/status/1',
    },
    {
      accountId: account.id,
      postedOn: '2026-10-01',
      media: ['videos'],
      pupilIds: ids('Amelia Khan', 'Noah Williams'),
      link: 'https://x.example/RiversidePrimary/status/2',
    },
  ]);
}

/** The school devices approved for photos (s.4), and one retired (kept, never deleted). */
async function seedDevices(stores: Stores, people: Person[]): Promise<void> {
  const lead = people.find((person) => person.roles.includes('onlineSafetyLead'))!;
  const approved = { approvedById: lead.id, approvedByName: lead.displayName };
  await stores.devices.insertMany([
    { name: 'Class 4B iPad', type: 'tablet', ...approved, approvedOn: '2025-09-03', active: true },
    { name: 'Year 6 camera', type: 'camera', ...approved, approvedOn: '2025-09-03', active: true },
    {
      name: 'Old office camera',
      type: 'camera',
      ...approved,
      approvedOn: '2023-01-09',
      active: false,
      retired: { on: '2025-07-18', byId: lead.id, byName: lead.displayName },
    },
  ]);
}

/**
 * A request to post with a picture attached, waiting for the headteacher, so the card's thumbnail
 * and the tab's request page have something to show.
 */
async function seedPostingRequest(
  stores: Stores,
  media: Pick<MediaServices, 'store' | 'previews' | 'newId'>,
  people: Person[],
  pupils: Pupil[],
  now: Date,
): Promise<void> {
  const alex = people.find((person) => person.displayName === 'Alex Wilber')!;
  const account = (await stores.socialAccounts.find({ limit: 1 })).items[0]!;
  const device = (await stores.devices.find({ where: { active: true }, limit: 1 })).items[0]!;
  const id = media.newId();
  const upload = await media.store.begin({ key: `${id}.jpg`, contentType: 'image/jpeg', size: DEMO_SPORTS_DAY_JPEG.length });
  await upload.write(DEMO_SPORTS_DAY_JPEG);
  await upload.commit();
  const preview = media.previews.preview(DEMO_SPORTS_DAY_JPEG, 'jpeg');
  const attachments: PostingAttachment[] = [
    {
      id,
      name: 'sports-day-finish.jpg',
      format: 'jpeg',
      bytes: DEMO_SPORTS_DAY_JPEG.length,
      storageKey: `${id}.jpg`,
      ...(preview.readable && preview.thumbnail ? { thumbnail: preview.thumbnail } : {}),
      addedAt: now.toISOString(),
      addedById: alex.id,
    },
  ];
  const shown = pupils.filter((pupil) => pupil.displayName === 'Isla Nowak' || pupil.displayName === 'Ava Patel').map((pupil) => pupil.id);
  const input = {
    kind: 'post' as const,
    accountId: account.id,
    text: 'What a sports day! Well done to everyone in 4B for running, cheering and tidying up.',
    media: ['images' as const],
    pupilIds: shown,
    groupLabel: 'sports day',
    facesBlurred: false,
    deviceId: device.id,
    postingDate: localDate(now),
  };
  const { details, checks } = await preparePosting({ stores, clock: { now: () => now } }, input, attachments);
  await stores.postingRequests.insert({
    ...newPostingRequest(details, checks, { personId: alex.id, name: alex.displayName }, 'demo-post-1', now),
    attachments,
  });
}

/** Two requests that went through the process, so the tab and "my requests" have history to show. */
async function seedAccessRequests(stores: Stores, people: Person[], now: Date): Promise<void> {
  const who = (name: string) => people.find((person) => person.displayName === name)!;
  const daysAgo = (days: number, hours = 0) => new Date(now.getTime() - (days * 24 + hours) * 3600_000);
  const [priya, megan, adele, isaiah, alex] = ['Priya Shah', 'Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Alex Wilber'].map(who) as [
    Person,
    Person,
    Person,
    Person,
    Person,
  ];

  const walk = async (request: Omit<AccessRequest, 'id'>, steps: [AccessAction, Person, Date][]) => {
    let current = await stores.accessRequests.insert(request);
    for (const [action, actor, at] of steps) {
      const result = applyStep(ACCESS_WORKFLOW, current, action, actor, at);
      if (!result.ok) throw new Error(`Demo data does not follow the rules: ${result.error.message}`);
      current = await stores.accessRequests.update({ ...result.request, version: current.version });
    }
  };

  await walk(
    newAccessRequest(
      {
        url: 'https://www.bbc.co.uk/bitesize/topics/zd9d7p3',
        siteContent: 'BBC Bitesize videos on the Romans for Year 4 history.',
        reasons: 'The videos are blocked by the video category filter; we use them in lessons this half term.',
        risksAndControls: 'Embedded comments and related videos: teacher plays videos from the front screen only.',
      },
      { personId: priya.id, name: priya.displayName },
      'demo-1',
      daysAgo(9),
    ),
    [
      [{ type: 'forward', note: 'Educational content; low risk with teacher control.' }, megan, daysAgo(8)],
      [{ type: 'approve', reasons: 'Curriculum content with sensible controls.' }, adele, daysAgo(7)],
      [{ type: 'markDone', note: 'Allowed bbc.co.uk/bitesize in the video category for staff devices.' }, isaiah, daysAgo(7, -3)],
    ],
  );
  await walk(
    newAccessRequest(
      {
        url: 'https://scratch.mit.edu/projects/editor/',
        siteContent: 'Scratch online editor for programming projects.',
        reasons: 'Year 6 computing unit on games design needs the online editor and project sharing.',
        risksAndControls: 'Project comments from the public: pupils use class accounts with comments turned off.',
      },
      { personId: alex.id, name: alex.displayName },
      'demo-2',
      daysAgo(2),
    ),
    [
      [
        {
          type: 'forward',
          note: 'Class accounts make this manageable.',
          addedRisksAndControls: 'Check sharing settings on each class account.',
        },
        megan,
        daysAgo(1),
      ],
    ],
  );
}
