/**
 * The behaviour every store must have, whatever holds the records (SQLite now, SharePoint lists
 * next). A store runs it with `describeStoreContract('name', makeStores)`.
 */
import { newAccessRequest } from '../../bot/src/domain/access/access-request';
import { newPostingRequest } from '../../bot/src/domain/posting/posting-request';
import type { PermissionType } from '../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../bot/src/domain/permission/permission-workflows';
import { permissionStore } from '../../bot/src/app/requests/permission-kind';
import { DuplicateRecordError, StaleRecordError, StoreUnavailableError } from '../../bot/src/ports/collection.port';
import type { Stores } from '../../bot/src/ports/stores.port';
import { JobLeases } from '../../bot/src/app/jobs/job-leases';
import type { JobRun } from '../../bot/src/domain/jobs/job-run';
import type { Versioned } from '../../bot/src/ports/collection.port';
import { actRecord } from '../../bot/src/app/reminders/reminder-act';
import type { ReminderMessage } from '../../bot/src/ports/outbox.port';
import type { GoesWith } from '../../bot/src/ports/save-together.port';
import type { AccessRequest } from '../../bot/src/domain/access/access-request';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface StoreUnderTest {
  stores: Stores;
  /** Makes the backing store unreachable (closed file, network down…). */
  breakIt(): Promise<void>;
  cleanup(): Promise<void>;
}

const INPUT = { url: 'https://example.org/', siteContent: 'Site', reasons: 'Reasons', risksAndControls: 'Risks' };
let keys = 0;
const draft = (requesterId = 'p1') =>
  newAccessRequest(INPUT, { personId: requesterId, name: 'Priya Shah' }, `key-${++keys}`, new Date('2026-11-24T09:00:00Z'));

export function describeStoreContract(name: string, make: () => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    let subject: StoreUnderTest;
    beforeEach(async () => {
      subject = await make();
    });
    afterEach(() => subject.cleanup());

    it('is empty until something is stored', async () => {
      expect(await subject.stores.isEmpty()).toBe(true);
      await subject.stores.people.insert({ displayName: 'Alex', roles: ['staff'] });
      expect(await subject.stores.isEmpty()).toBe(false);
    });

    it('creates a record with an id and version 1, and reads back exactly what was put in', async () => {
      const record = {
        ...draft(),
        decision: {
          approved: true,
          reasons: 'Curriculum use',
          signature: { personId: '3', name: "Adele O'Vance", at: '2026-11-24T10:00:00.000Z' },
        },
      };
      const created = await subject.stores.accessRequests.insert(record);
      expect(created.id).toEqual(expect.any(String));
      expect(created.version).toBe(1);
      const { id: _id, version: _version, etag: _etag, ...readBack } = (await subject.stores.accessRequests.get(created.id))!;
      expect(readBack).toEqual(record);
    });

    it('reads calendar dates and true/false back as they were', async () => {
      const requirement = {
        requirementId: 'staff-online-safety',
        title: 'Online safety training',
        audience: 'staff' as const,
        roles: ['staff' as const],
        rule: { kind: 'inductionThenEvery' as const, inductionDays: 30, months: 12 },
        policy: 's.2, s.11',
        retired: false,
      };
      const {
        id: _id,
        version: _version,
        etag: _etag,
        ...readBack
      } = await subject.stores.trainingRequirements
        .insert(requirement)
        .then((stored) => subject.stores.trainingRequirements.get(stored.id))
        .then((found) => found!);
      expect(readBack).toEqual(requirement);
      const seen = await subject.stores.firstSeen.insert({ personId: 'aad-1', firstSeenOn: '2026-09-01' });
      expect(await subject.stores.firstSeen.get(seen.id)).toMatchObject({ personId: 'aad-1', firstSeenOn: '2026-09-01' });
    });

    it('keeps a policy with its reviews, its approvals and the day it was retired', async () => {
      const policy = {
        title: 'Social Media Policy',
        owner: 'Headteacher',
        reviews: [
          {
            id: 'review-1',
            name: 'Headteacher with the online safety lead',
            reviewers: ['headteacher' as const, 'onlineSafetyLead' as const],
            cycleMonths: 24,
            nextReviewDue: '2024-09-01',
          },
          {
            id: 'review-2',
            name: 'Governing board',
            reviewers: ['governor' as const, 'chairOfGovernors' as const],
            cycleMonths: 12,
            nextReviewDue: '2026-12-10',
          },
        ],
        approvals: [
          {
            approvedOn: '2022-10-11',
            note: 'Entered in School settings',
            recordedById: '3',
            recordedByName: "Adele O'Vance",
            recordedAt: '2026-11-24T09:00:00.000Z',
          },
        ],
      };
      const stored = await subject.stores.policies.insert(policy);
      const { id: _id, version: _version, etag: _etag, ...readBack } = (await subject.stores.policies.get(stored.id))!;
      expect(readBack).toEqual(policy);
      const retired = await subject.stores.policies.update({ ...stored, retiredOn: '2026-11-30' });
      expect(await subject.stores.policies.get(stored.id)).toMatchObject({ retiredOn: '2026-11-30', version: retired.version });
      const { retiredOn: _retired, ...restored } = retired;
      await subject.stores.policies.update(restored);
      expect((await subject.stores.policies.get(stored.id))!.retiredOn).toBeUndefined();
    });

    it('holds one school and one set of term dates at most: a second is refused, the first stays', async () => {
      await subject.stores.school.insert({ name: 'Riverside Primary', contactForAccess: 'the office' });
      await expect(subject.stores.school.insert({ name: 'Another School', contactForAccess: 'someone' })).rejects.toBeInstanceOf(
        DuplicateRecordError,
      );
      expect((await subject.stores.school.find({ limit: 5 })).items.map((school) => school.name)).toEqual(['Riverside Primary']);
      // The people named for filtering and monitoring: kept when entered, absent (not empty text) until then.
      const school = (await subject.stores.school.find({ limit: 1 })).items[0]!;
      expect([school.filteringLead, school.filteringGovernor]).toEqual([undefined, undefined]);
      const named = await subject.stores.school.update({
        ...school,
        filteringLead: 'Adele Vance, headteacher',
        filteringGovernor: 'Mark Green',
      });
      expect(await subject.stores.school.get(named.id)).toMatchObject({
        filteringLead: 'Adele Vance, headteacher',
        filteringGovernor: 'Mark Green',
      });
      const calendar = {
        terms: [{ name: 'Autumn 2026', start: '2026-09-02', end: '2026-12-18' }],
        closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }],
      };
      const dates = await subject.stores.termDates.insert(calendar);
      await expect(subject.stores.termDates.insert({ terms: [], closures: [] })).rejects.toBeInstanceOf(DuplicateRecordError);
      expect(await subject.stores.termDates.get(dates.id)).toMatchObject(calendar);
    });

    it('keeps one training requirement per id, and one first-seen day per person', async () => {
      const requirement = {
        requirementId: 'parent-online-safety',
        title: 'Parents',
        audience: 'parents' as const,
        rule: { kind: 'every' as const, months: 12 },
        policy: 's.11',
        retired: false,
      };
      await subject.stores.trainingRequirements.insert(requirement);
      await expect(subject.stores.trainingRequirements.insert({ ...requirement, title: 'Again' })).rejects.toBeInstanceOf(
        DuplicateRecordError,
      );
      expect(
        (await subject.stores.trainingRequirements.find({ where: { requirementId: 'parent-online-safety' }, limit: 5 })).items.map(
          (r) => r.title,
        ),
      ).toEqual(['Parents']);
      await subject.stores.firstSeen.insert({ personId: 'aad-7', firstSeenOn: '2026-09-01' });
      await expect(subject.stores.firstSeen.insert({ personId: 'aad-7', firstSeenOn: '2026-11-30' })).rejects.toBeInstanceOf(
        DuplicateRecordError,
      );
      expect((await subject.stores.firstSeen.find({ where: { personId: 'aad-7' }, limit: 5 })).items.map((r) => r.firstSeenOn)).toEqual([
        '2026-09-01',
      ]);
    });

    it('stores many records at once, in order, each readable alone', async () => {
      const drafts = Array.from({ length: 23 }, (_, i) => ({
        displayName: `Pupil ${i}`,
        className: i % 2 ? '4B' : '6A',
        yearGroup: 'Year 4',
        onRollFrom: '2024-09-04',
      }));
      const stored = await subject.stores.pupils.insertMany(drafts);
      expect(stored.map((pupil) => pupil.displayName)).toEqual(drafts.map((draft) => draft.displayName));
      expect(new Set(stored.map((pupil) => pupil.id)).size).toBe(23);
      expect(await subject.stores.pupils.get(stored[22]!.id)).toEqual(stored[22]);
      expect((await subject.stores.pupils.find({ where: { className: '4B' }, limit: 50 })).items).toHaveLength(11);
    });

    it('updates many records at once, each only from the version read: one changed meanwhile is answered stale and keeps the other change', async () => {
      const drafts = Array.from({ length: 23 }, (_, i) => ({
        misReference: `M${i}`,
        displayName: `Pupil ${i}`,
        className: '4B',
        yearGroup: 'Year 4',
        onRollFrom: '2024-09-04',
      }));
      const read = await subject.stores.pupils.insertMany(drafts);
      const meanwhile = await subject.stores.pupils.update({ ...read[5]!, displayName: 'Renamed by the office' });
      const outcomes = await subject.stores.pupils.updateMany(read.map((pupil) => ({ ...pupil, className: '5B', yearGroup: 'Year 5' })));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(read.map((_, i) => (i === 5 ? 'stale' : 'saved')));
      expect(outcomes[5]).toEqual({ status: 'stale', id: read[5]!.id });
      const saved = outcomes[22]!;
      expect(saved.status === 'saved' && saved.record).toMatchObject({ id: read[22]!.id, version: 2, className: '5B' });
      expect(await subject.stores.pupils.get(read[5]!.id)).toMatchObject({
        className: '4B',
        displayName: 'Renamed by the office',
        version: meanwhile.version,
      });
      expect((await subject.stores.pupils.find({ where: { className: '5B' }, limit: 50 })).items).toHaveLength(22);
      // What updateMany answered is what is stored, and can be updated again from there.
      if (saved.status === 'saved')
        expect(await subject.stores.pupils.update({ ...saved.record, onRollTo: '2027-07-20' })).toMatchObject({ version: 3 });
    });

    it('keeps one pupil per MIS reference, so a re-import cannot duplicate anyone', async () => {
      const pupil = {
        misReference: 'UPN-A123',
        displayName: 'Amelia Khan',
        className: '4B',
        yearGroup: 'Year 4',
        onRollFrom: '2022-09-05',
      };
      await subject.stores.pupils.insert(pupil);
      await expect(subject.stores.pupils.insert({ ...pupil, displayName: 'Someone Else' })).rejects.toBeInstanceOf(DuplicateRecordError);
      expect((await subject.stores.pupils.find({ where: { misReference: 'UPN-A123' }, limit: 5 })).items.map((p) => p.displayName)).toEqual(
        ['Amelia Khan'],
      );
    });

    it('keeps one takedown task per post, pupil and medium (s.4), however often it is made', async () => {
      const task = {
        postId: '7',
        pupilId: '3',
        media: 'images' as const,
        noticeId: '9',
        taskKey: '7|3|images',
        urgent: true,
        ownerId: '5',
        status: 'to do' as const,
        reason: '',
        updatedAt: '2026-11-24T09:00:00.000Z',
      };
      const first = await subject.stores.takedowns.insert(task);
      await expect(subject.stores.takedowns.insert({ ...task, noticeId: '10' })).rejects.toBeInstanceOf(DuplicateRecordError);
      expect((await subject.stores.takedowns.find({ where: { taskKey: '7|3|images' }, limit: 5 })).items).toEqual([first]);
      expect(await subject.stores.takedowns.insert({ ...task, taskKey: '7|3|videos', media: 'videos' })).toMatchObject({
        urgent: true,
        media: 'videos',
      });
    });

    it('finds the posts that show a pupil, and only those, oldest first (the index a withdrawal of consent reads)', async () => {
      const post = (pupilIds: string[], n: number) => ({
        accountId: '1',
        postedOn: `2026-06-0${n}`,
        media: ['images' as const],
        pupilIds,
        link: `https://x.example/RiversidePrimary/status/${n}`,
      });
      const [both, onlyTwo, three] = await subject.stores.posts.insertMany([post(['1', '2'], 1), post(['2'], 2), post(['3'], 3)]);
      const alone = await subject.stores.posts.insert(post(['2', '4'], 4));
      expect((await subject.stores.posts.showing('2')).map((found) => found.id)).toEqual([both!.id, onlyTwo!.id, alone.id]);
      expect(await subject.stores.posts.showing('4')).toEqual([alone]);
      expect(await subject.stores.posts.showing('9')).toEqual([]);
      // A pupil added to a post later is found with it; one taken out is not.
      const changed = await subject.stores.posts.update({ ...three!, pupilIds: ['2'] });
      expect((await subject.stores.posts.showing('2')).map((found) => [found.id, found.version])).toEqual([
        [both!.id, 1],
        [onlyTwo!.id, 1],
        [three!.id, changed.version],
        [alone.id, 1],
      ]);
      expect(await subject.stores.posts.showing('3')).toEqual([]);
    });

    it('finds takedown tasks by pupil', async () => {
      const task = {
        postId: '7',
        pupilId: '3',
        media: 'images' as const,
        noticeId: '9',
        taskKey: '7|3|images',
        urgent: false,
        ownerId: '5',
        status: 'to do' as const,
        reason: '',
        updatedAt: '2026-11-24T09:00:00.000Z',
      };
      const mine = await subject.stores.takedowns.insert(task);
      await subject.stores.takedowns.insert({ ...task, pupilId: '4', taskKey: '7|4|images' });
      expect((await subject.stores.takedowns.find({ where: { pupilId: '3' }, limit: 5 })).items).toEqual([mine]);
    });

    it('keeps each consent decision as its own record, found by pupil', async () => {
      const decision = {
        pupilId: '7',
        media: 'images' as const,
        decision: 'given' as const,
        effectiveFrom: '2022-09-05',
        source: 'consent form' as const,
        recordedBy: 'Lynne Robbins',
        recordedAt: '2022-09-06T09:00:00.000Z',
      };
      await subject.stores.consents.insert(decision);
      await subject.stores.consents.insert({ ...decision, decision: 'refused', effectiveFrom: '2026-03-10', source: 'written notice' });
      const found = (await subject.stores.consents.find({ where: { pupilId: '7' }, limit: 10 })).items;
      expect(found.map((event) => [event.decision, event.effectiveFrom])).toEqual([
        ['given', '2022-09-05'],
        ['refused', '2026-03-10'],
      ]);
    });

    it('keeps a posting request whole (pupils, check results, the blurred flag) and finds it by status', async () => {
      const details = {
        kind: 'post' as const,
        accountId: '1',
        accountLabel: 'X @RiversidePrimary',
        text: 'Sports day!',
        media: ['images' as const],
        pupils: [{ id: '4', displayName: "Daniel O'Connor", className: '6A' }],
        groupLabel: 'sports day',
        facesBlurred: true,
        postingDate: '2026-12-01',
      };
      const failed = [{ check: 'consent' as const, message: "Daniel O'Connor (6A): no consent is recorded for images." }];
      const blocked = await subject.stores.postingRequests.insert(
        newPostingRequest(details, failed, { personId: 'p1', name: 'Priya Shah' }, `post-${++keys}`, new Date('2026-11-24T09:00:00Z')),
      );
      const clean = await subject.stores.postingRequests.insert(
        newPostingRequest(
          { ...details, pupils: [], media: [] },
          [],
          { personId: 'p1', name: 'Priya Shah' },
          `post-${++keys}`,
          new Date('2026-11-24T09:05:00Z'),
        ),
      );
      expect(await subject.stores.postingRequests.get(blocked.id)).toEqual(blocked);
      expect(blocked).toMatchObject({ state: 'checksFailed', checks: failed, facesBlurred: true, postingDate: '2026-12-01' });
      expect((await subject.stores.postingRequests.find({ where: { state: 'withHeadteacher' }, limit: 5 })).items.map((r) => r.id)).toEqual(
        [clean.id],
      );
      await expect(subject.stores.postingRequests.insert({ ...blocked, id: undefined } as never)).rejects.toBeInstanceOf(
        DuplicateRecordError,
      );
    });

    it('keeps every permission whole in the one store, and each type sees only its own', async () => {
      const open = (type: PermissionType, details: Record<string, string>) =>
        PERMISSION_WORKFLOWS[type].submission.open(
          details,
          { personId: 'p1', name: 'Priya Shah' },
          `permission-${++keys}`,
          new Date('2026-11-24T09:00:00Z'),
        );
      const wifi = permissionStore(subject.stores.permissionRequests, 'pupilWifi');
      const passwords = permissionStore(subject.stores.permissionRequests, 'accountPassword');
      const asked = await wifi.insert(
        open('pupilWifi', {
          className: '6A',
          classNameName: 'Class 6A',
          platform: 'Padlet',
          startDate: '2026-11-30',
          endDate: '2026-12-18',
          supervisorId: '4',
          supervisorIdName: "Daniel O'Connor",
        }),
      );
      const shared = await passwords.insert({
        ...open('accountPassword', {
          accountId: '1',
          accountIdName: 'X @RiversidePrimary',
          sharedWithId: '5',
          sharedWithIdName: 'Megan Bowen',
          reason: 'Cover',
          until: '2026-12-04',
        }),
        state: 'approved',
      });
      expect(await wifi.get(asked.id)).toEqual(asked);
      expect(asked).toMatchObject({ requestType: 'pupilWifi', state: 'withHeadteacher', details: { supervisorIdName: "Daniel O'Connor" } });
      // Each type reads only its own, whether it asks by requester, by state or for everything.
      expect(await wifi.get(shared.id)).toBeUndefined();
      expect((await wifi.find({ where: { requesterId: 'p1' }, limit: 10 })).items.map((r) => r.id)).toEqual([asked.id]);
      expect((await passwords.find({ limit: 10 })).items.map((r) => r.id)).toEqual([shared.id]);
      expect((await passwords.find({ where: { state: 'withHeadteacher' }, limit: 10 })).items).toEqual([]);
      await expect(wifi.update({ ...shared, state: 'completed' })).rejects.toThrow(/cannot be stored as a pupilWifi request/);
      await expect(passwords.insert({ ...shared, id: undefined } as never)).rejects.toBeInstanceOf(DuplicateRecordError);
    });

    it('keeps one reminder per idempotency key, and lets only one run claim it', async () => {
      const entry = {
        key: 'training-overdue|2026-W48|7',
        run: 'training-reminders 2026-11-24',
        personId: '7',
        personName: "Tom O'Neill",
        reason: 'training-overdue',
        period: '2026-W48',
        status: 'pending' as const,
        message: {
          title: 'Training overdue',
          lines: ['Due 2026-11-01'],
          tone: 'warning' as const,
          act: { label: 'Open Training', tabView: 'training' },
        },
        attempts: 0,
        createdAt: '2026-11-24T07:30:00.000Z',
        updatedAt: '2026-11-24T07:30:00.000Z',
      };
      const stored = await subject.stores.outbox.insert(entry);
      await expect(subject.stores.outbox.insert({ ...entry, status: 'sent' })).rejects.toBeInstanceOf(DuplicateRecordError);
      const claimed = await subject.stores.outbox.update({ ...stored, status: 'sending', attempts: 1 });
      await expect(subject.stores.outbox.update({ ...stored, status: 'sending', attempts: 1 })).rejects.toBeInstanceOf(StaleRecordError);
      await subject.stores.outbox.update({ ...claimed, status: 'sent' });
      expect((await subject.stores.outbox.find({ where: { key: entry.key }, limit: 5 })).items).toEqual([
        expect.objectContaining({ status: 'sent', attempts: 1, message: entry.message }),
      ]);
      expect((await subject.stores.outbox.find({ where: { status: 'sent' }, limit: 5 })).items).toHaveLength(1);
      expect((await subject.stores.outbox.find({ where: { run: entry.run }, limit: 5 })).items).toHaveLength(1);
    });

    it('reads the outbox by date (entries updated since an instant), and archives entries not updated since a cut-off', async () => {
      const entry = {
        run: 'r',
        personId: '7',
        personName: 'Tom',
        reason: 'training-overdue',
        period: '2026-W30',
        status: 'sent' as const,
        message: { title: 't', lines: [], tone: 'warning' as const },
        attempts: 1,
        createdAt: '2026-07-20T07:30:00.000Z',
      };
      await subject.stores.outbox.insertMany([
        { ...entry, key: 'old-1', updatedAt: '2026-07-20T07:30:05.000Z' },
        { ...entry, key: 'old-2', status: 'blocked', updatedAt: '2026-08-01T07:30:05.000Z' },
        { ...entry, key: 'recent', status: 'notInstalled', updatedAt: '2026-11-20T07:30:05.000Z' },
      ]);
      const since = async (at: string) =>
        (await subject.stores.outbox.find({ atLeast: { updatedAt: at }, limit: 10 })).items.map((found) => found.key);
      expect(await since('2026-08-01T07:30:05.000Z')).toEqual(['old-2', 'recent']);
      expect(await since('2026-11-01T00:00:00.000Z')).toEqual(['recent']);
      expect(await subject.stores.outbox.archiveBefore('2026-09-01T00:00:00.000Z')).toBe(2);
      expect((await subject.stores.outbox.find({ limit: 10 })).items.map((found) => found.key)).toEqual(['recent']);
      expect(await subject.stores.outbox.archiveBefore('2026-09-01T00:00:00.000Z')).toBe(0);
      // Its key is free again: long after the period it was for, nothing plans it again.
      await expect(subject.stores.outbox.insert({ ...entry, key: 'old-1', updatedAt: '2026-11-24T07:30:00.000Z' })).resolves.toMatchObject({
        key: 'old-1',
      });
    });

    it("keeps a step's notice (the record it tells of, and why) and a reminder stored before reminders pointed at {recordType, recordId}", async () => {
      const base = {
        run: 'step accessRequest 12 v3',
        personId: '7',
        personName: 'Isaiah Langer',
        period: 'v3',
        status: 'pending' as const,
        attempts: 0,
        createdAt: '2026-11-24T07:30:00.000Z',
        updatedAt: '2026-11-24T07:30:00.000Z',
      };
      const notice = {
        kind: 'recordNotice' as const,
        record: { recordType: 'accessRequest' as const, recordId: '12' },
        reason: 'needs-your-action' as const,
      };
      const stored = await subject.stores.outbox.insert({
        ...base,
        key: 'needs-your-action:accessRequest:12|v3|7',
        reason: 'needs-your-action:accessRequest:12',
        message: notice,
      });
      expect((await subject.stores.outbox.get(stored.id))!.message).toEqual(notice);
      const earlier = {
        title: 'A post still needs taking down',
        lines: [],
        tone: 'attention' as const,
        act: { label: 'Open the task', takedownId: '9' },
      };
      const old = await subject.stores.outbox.insert({
        ...base,
        key: 'nudge:takedown:9|wait-0|7',
        reason: 'nudge:takedown:9',
        message: earlier as never,
      });
      const readBack = (await subject.stores.outbox.get(old.id))!.message as ReminderMessage;
      expect(actRecord(readBack.act)).toEqual({ recordType: 'takedown', recordId: '9' });
      expect((await subject.stores.outbox.find({ where: { run: base.run }, limit: 5 })).items).toHaveLength(2);
    });

    it('keeps one scheduled-job record per job, changed only from the version read', async () => {
      const run = {
        job: 'policy-reviews',
        slot: '2026-11-23',
        holder: 'web-1/ab12',
        startedAt: '2026-11-23T07:30:00.000Z',
        leaseUntil: '2026-11-23T08:00:00.000Z',
      };
      const stored = await subject.stores.jobRuns.insert(run);
      await expect(subject.stores.jobRuns.insert({ ...run, holder: 'web-2/cd34' })).rejects.toBeInstanceOf(DuplicateRecordError);
      const finished = await subject.stores.jobRuns.update({
        ...stored,
        finishedAt: '2026-11-23T07:31:00.000Z',
        outcome: 'done',
        lastDoneSlot: '2026-11-23',
        lastDoneAt: '2026-11-23T07:31:00.000Z',
      });
      await expect(subject.stores.jobRuns.update({ ...stored, holder: 'web-2/cd34' })).rejects.toBeInstanceOf(StaleRecordError);
      expect((await subject.stores.jobRuns.find({ where: { job: 'policy-reviews' }, limit: 5 })).items).toEqual([finished]);
    });

    it("gives a job's slot to exactly one of two instances reaching for it at once", async () => {
      const clock = { now: () => new Date('2026-11-23T07:30:00Z') };
      const instances = ['web-1', 'web-2', 'web-3'].map((holder) => new JobLeases(subject.stores.jobRuns, clock, holder, quiet));
      const first = await Promise.all(instances.map((leases) => leases.claim('training-reminders', '2026-11-23', 30)));
      expect(first.map((claim) => claim.status).sort()).toEqual(['claimed', 'held', 'held']);
      const winner = first.find((claim) => claim.status === 'claimed')!;
      await instances[0]!.finish(winner.run as Versioned<JobRun>, 'done');
      const again = await Promise.all(instances.map((leases) => leases.claim('training-reminders', '2026-11-23', 30)));
      expect(again.map((claim) => claim.status)).toEqual(['done', 'done', 'done']);
      const tomorrow = await Promise.all(instances.map((leases) => leases.claim('training-reminders', '2026-11-24', 30)));
      expect(tomorrow.map((claim) => claim.status).sort()).toEqual(['claimed', 'held', 'held']);
    });

    it('lets one pupil import hold the running lock at a time, and keeps each import with its progress', async () => {
      const job = {
        lock: 'running',
        ownerId: '6',
        ownerName: 'Lynne Robbins',
        state: 'running' as const,
        done: 0,
        total: 76,
        counts: { create: 60, update: 0, leave: 16, unchanged: 0 },
        startedAt: '2026-11-24T10:00:00.000Z',
        updatedAt: '2026-11-24T10:00:00.000Z',
      };
      const running = await subject.stores.importJobs.insert(job);
      await expect(subject.stores.importJobs.insert({ ...job, ownerName: 'Second Office' })).rejects.toBeInstanceOf(DuplicateRecordError);
      const halfway = await subject.stores.importJobs.update({ ...running, done: 40, updatedAt: '2026-11-24T10:01:00.000Z' });
      expect((await subject.stores.importJobs.find({ where: { lock: 'running' }, limit: 5 })).items).toEqual([halfway]);
      const result = { status: 'imported' as const, counts: job.counts, notSaved: ['R2'] };
      await subject.stores.importJobs.update({
        ...halfway,
        lock: `ended ${running.id}`,
        state: 'finished',
        done: 76,
        result,
        finishedAt: '2026-11-24T10:02:00.000Z',
      });
      expect(await subject.stores.importJobs.get(running.id)).toMatchObject({ state: 'finished', done: 76, result });
      expect(await subject.stores.importJobs.insert({ ...job, ownerName: 'Second Office' })).toMatchObject({ lock: 'running' });
    });

    it('keeps training records with their evidence and attendees, found by person and by status', async () => {
      const record = {
        requirementId: 'parent-online-safety',
        audience: 'parents' as const,
        subjectId: 'parents',
        subjectName: 'Parents',
        completedOn: '2026-10-07',
        evidence: 'Evening session in the hall',
        recordedById: '2',
        recordedByName: 'Megan Bowen',
        recordedAt: '2026-10-08T09:00:00.000Z',
        status: 'confirmed' as const,
        attendees: ["Mrs O'Connor", 'Mr Khan'],
        sessionId: 's-1',
      };
      const stored = await subject.stores.trainingRecords.insert(record);
      await subject.stores.trainingRecords.insert({
        ...record,
        audience: 'staff',
        subjectId: '9',
        subjectName: 'Alex Wilber',
        status: 'awaitingConfirmation',
        attendees: undefined as never,
      });
      expect(await subject.stores.trainingRecords.get(stored.id)).toEqual(stored);
      expect((await subject.stores.trainingRecords.find({ where: { subjectId: '9' }, limit: 5 })).items.map((r) => r.status)).toEqual([
        'awaitingConfirmation',
      ]);
      expect((await subject.stores.trainingRecords.find({ where: { status: 'confirmed' }, limit: 5 })).items.map((r) => r.id)).toEqual([
        stored.id,
      ]);
    });

    it('keeps one installation record per person, found by their Entra id, and updates it conditionally', async () => {
      const tried = {
        aadObjectId: 'aad-7',
        personId: '7',
        outcome: 'failed' as const,
        reason: 'notAllowed' as const,
        status: 403,
        attempts: 1,
        triedAt: '2026-11-24T07:30:00.000Z',
      };
      const stored = await subject.stores.appInstallations.insert(tried);
      await expect(
        subject.stores.appInstallations.insert({ ...tried, outcome: 'installed', reason: undefined as never }),
      ).rejects.toBeInstanceOf(DuplicateRecordError);
      const installed = await subject.stores.appInstallations.update({
        ...stored,
        outcome: 'installed',
        reason: undefined,
        status: undefined,
        chatId: '19:abc@unq.gbl.spaces',
        attempts: 2,
      });
      await expect(subject.stores.appInstallations.update({ ...stored, attempts: 2 })).rejects.toBeInstanceOf(StaleRecordError);
      expect((await subject.stores.appInstallations.find({ where: { aadObjectId: 'aad-7' }, limit: 5 })).items).toEqual([installed]);
      expect(installed).toMatchObject({ outcome: 'installed', chatId: '19:abc@unq.gbl.spaces', attempts: 2 });
      expect(installed.reason).toBeUndefined();
    });

    it('keeps each policy version whole (its document, who must read it, later confirmations), found by policy', async () => {
      const version = {
        policyId: '4',
        number: '3',
        approvedOn: '2026-11-20',
        approvedById: '3',
        approvedByName: "Adele O'Vance",
        changes: 'Section 4: photos only on school devices.',
        file: { name: 'Social Media Policy v3.pdf', format: 'pdf' as const, bytes: 52_311, storageKey: 'a1b2.pdf' },
        mustRead: 'staffAndGovernors' as const,
        publishedAt: '2026-11-24T10:00:00.000Z',
        confirmations: [],
      };
      const stored = await subject.stores.policyVersions.insert(version);
      await subject.stores.policyVersions.insert({ ...version, policyId: '5', number: '1' });
      const { id: _id, version: _version, etag: _etag, ...readBack } = (await subject.stores.policyVersions.get(stored.id))!;
      expect(readBack).toEqual(version);
      const confirmed = await subject.stores.policyVersions.update({
        ...stored,
        confirmations: [{ on: '2027-11-18', note: 'Reviewed: Governing board', byId: '3', byName: "Adele O'Vance" }],
      });
      expect((await subject.stores.policyVersions.find({ where: { policyId: '4' }, limit: 5 })).items).toEqual([confirmed]);
    });

    it('keeps one "read and understood" per person per version, found by version', async () => {
      const signed = { versionId: '7', personId: '12', personName: 'Alex Wilber', at: '2026-11-24T10:05:00.000Z', readKey: '7:12' };
      const stored = await subject.stores.policyReads.insert(signed);
      await expect(subject.stores.policyReads.insert({ ...signed, at: '2026-11-25T09:00:00.000Z' })).rejects.toBeInstanceOf(
        DuplicateRecordError,
      );
      await subject.stores.policyReads.insert({ ...signed, versionId: '8', readKey: '8:12' });
      expect((await subject.stores.policyReads.find({ where: { versionId: '7' }, limit: 5 })).items).toEqual([stored]);
    });

    it('keeps one filtering review per school year, whole, and adds to it only from the version read', async () => {
      const entry = {
        reviewedOn: '2026-11-20',
        seniorLeader: { personId: '3', name: "Adele O'Vance" },
        governor: { personId: '9', name: 'Mark Green' },
        outcome: 'Filtering works; YouTube stays restricted.\nMonitoring alerts reach the DSL.',
        actions: [{ description: 'Check the guest Wi-Fi filter', assigneeId: '5', assigneeName: 'Tom Jones', due: '2026-12-04' }],
        recordedById: '3',
        recordedByName: "Adele O'Vance",
        recordedAt: '2026-11-20T15:00:00.000Z',
      };
      const first = await subject.stores.filteringReviews.insert({ year: '2026-27', entries: [entry], updatedAt: entry.recordedAt });
      await expect(
        subject.stores.filteringReviews.insert({ year: '2026-27', entries: [], updatedAt: entry.recordedAt }),
      ).rejects.toBeInstanceOf(DuplicateRecordError);
      const added = await subject.stores.filteringReviews.update({ ...first, entries: [entry, { ...entry, actions: [] }] });
      await expect(subject.stores.filteringReviews.update({ ...first, entries: [] })).rejects.toBeInstanceOf(StaleRecordError);
      const found = (await subject.stores.filteringReviews.find({ where: { year: '2026-27' }, limit: 5 })).items;
      expect(found.map(({ id, version, entries }) => ({ id, version, entries }))).toEqual([
        { id: first.id, version: added.version, entries: [entry, { ...entry, actions: [] }] },
      ]);
    });

    it('keeps one task per agreed action of the review, found by assignee and status, and closes it with its note', async () => {
      const task = {
        year: '2026-27',
        reviewId: '1',
        taskKey: '1|1|1',
        description: 'Check the guest Wi-Fi filter',
        assigneeId: '5',
        assigneeName: 'Tom Jones',
        due: '2026-12-04',
        status: 'open' as const,
        createdAt: '2026-11-20T15:00:00.000Z',
        updatedAt: '2026-11-20T15:00:00.000Z',
      };
      const made = await subject.stores.reviewActions.insert(task);
      await expect(subject.stores.reviewActions.insert({ ...task, description: 'Again' })).rejects.toBeInstanceOf(DuplicateRecordError);
      await subject.stores.reviewActions.insert({ ...task, taskKey: '1|1|2', assigneeId: '6' });
      const open = async () =>
        (await subject.stores.reviewActions.find({ where: { status: 'open' }, limit: 5 })).items.map((one) => one.id);
      expect((await subject.stores.reviewActions.find({ where: { assigneeId: '5' }, limit: 5 })).items.map((one) => one.id)).toEqual([
        made.id,
      ]);
      expect(await open()).toHaveLength(2);
      const done = { note: 'Filter applied; tested with the test sites.', byId: '5', byName: 'Tom Jones', at: '2026-12-01T10:00:00.000Z' };
      await subject.stores.reviewActions.update({ ...made, status: 'done', done });
      expect(await open()).not.toContain(made.id);
      expect(await subject.stores.reviewActions.get(made.id)).toMatchObject({ status: 'done', done, due: '2026-12-04' });
    });

    it('answers undefined for a record that does not exist', async () => {
      expect(await subject.stores.accessRequests.get('999999')).toBeUndefined();
    });

    it('updates conditionally: the current version wins, a stale one fails and writes nothing', async () => {
      const requests = subject.stores.accessRequests;
      const created = await requests.insert(draft());
      const first = await requests.update({ ...created, state: 'withHeadteacher' });
      expect(first.version).toBe(2);
      await expect(requests.update({ ...created, state: 'refused' })).rejects.toBeInstanceOf(StaleRecordError);
      expect(await requests.get(created.id)).toMatchObject({ state: 'withHeadteacher', version: 2 });
    });

    it('refuses a second record with the same unique submission key', async () => {
      const record = draft();
      await subject.stores.accessRequests.insert(record);
      await expect(subject.stores.accessRequests.insert(record)).rejects.toBeInstanceOf(DuplicateRecordError);
    });

    it('finds by indexed fields', async () => {
      const requests = subject.stores.accessRequests;
      const mine = await requests.insert(draft('p1'));
      await requests.insert(draft('p2'));
      const moved = await requests.insert(draft('p1'));
      await requests.update({ ...moved, state: 'approved' });
      expect((await requests.find({ where: { requesterId: 'p1' }, limit: 10 })).items.map((r) => r.id)).toEqual([mine.id, moved.id]);
      expect((await requests.find({ where: { state: 'approved' }, limit: 10 })).items.map((r) => r.id)).toEqual([moved.id]);
      expect((await requests.find({ where: { submissionKey: mine.submissionKey }, limit: 10 })).items).toEqual([mine]);
    });

    it('pages through every record exactly once, oldest or newest first', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await subject.stores.accessRequests.insert(draft())).id);
      for (const newestFirst of [false, true]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await subject.stores.accessRequests.find({ limit: 3, newestFirst, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((r) => r.id));
          cursor = page.next;
          pages++;
        } while (cursor);
        expect(seen).toEqual(newestFirst ? [...ids].reverse() : ids);
        expect(pages).toBe(3);
      }
    });

    it('ends paging after the last record, even when the last page is exactly full', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await subject.stores.accessRequests.insert(draft())).id);
      // Following every cursor to its end: the three records once, on the first page; at most one
      // empty page after it (SharePoint may offer a next link that leads to nothing), never more.
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await subject.stores.accessRequests.find({ limit: 3, ...(cursor ? { cursor } : {}) });
        pages.push(page.items.map((request) => request.id));
        cursor = page.next;
      } while (cursor && pages.length < 5);
      expect(pages[0]).toEqual(ids);
      expect(pages.slice(1).flat()).toEqual([]);
      expect(pages.length).toBeLessThanOrEqual(2);
      expect(cursor).toBeUndefined();
    });

    it('keeps audit entries in order per record', async () => {
      const entry = { at: '2026-11-24T09:00:00Z', actorId: 'p1', actorName: 'Priya', recordType: 'accessRequest', summary: 'x' };
      await subject.stores.audit.append({ ...entry, action: 'a', recordId: '1' });
      await subject.stores.audit.append({ ...entry, action: 'b', recordId: '2' });
      await subject.stores.audit.append({ ...entry, action: 'c', recordId: '1' });
      expect((await subject.stores.audit.forRecord('accessRequest', '1')).map((e) => e.action)).toEqual(['a', 'c']);
      const first = await subject.stores.audit.page({ limit: 2 });
      const rest = await subject.stores.audit.page({ limit: 2, cursor: first.next! });
      expect([...first.items, ...rest.items].map((e) => e.action)).toEqual(['a', 'b', 'c']);
      expect(rest.next).toBeUndefined();
    });

    describe('saving a request together with its audit entry and notices', () => {
      const notice = (request: Versioned<AccessRequest>, personId: string) => ({
        key: `needs-your-action:accessRequest:${request.id}|v${request.version}|${personId}`,
        run: `step accessRequest ${request.id} v${request.version}`,
        personId,
        personName: `Person ${personId}`,
        reason: `needs-your-action:accessRequest:${request.id}`,
        period: `v${request.version}`,
        status: 'pending' as const,
        message: {
          kind: 'recordNotice' as const,
          record: { recordType: 'accessRequest' as const, recordId: request.id },
          reason: 'needs-your-action' as const,
        },
        attempts: 0,
        createdAt: '2026-11-24T10:00:00.000Z',
        updatedAt: '2026-11-24T10:00:00.000Z',
      });
      const goesWith =
        (action: string, people: string[], card = false) =>
        (request: Versioned<AccessRequest>): GoesWith => ({
          audit: {
            at: '2026-11-24T10:00:00.000Z',
            actorId: 'p1',
            actorName: 'Priya Shah',
            action,
            recordType: 'accessRequest',
            recordId: request.id,
            summary: `Request is now ${request.state}`,
          },
          notices: people.map((personId) => notice(request, personId)),
          ...(card
            ? {
                clickedCard: {
                  recordId: request.id,
                  aadObjectId: 'aad-p1',
                  conversationId: 'a:p1',
                  activityId: 'form-1',
                  sentAt: '2026-11-24T10:00:00.000Z',
                },
              }
            : {}),
        });
      const stepRun = (request: Versioned<AccessRequest>) => `step accessRequest ${request.id} v${request.version}`;
      const noticesOf = async (request: Versioned<AccessRequest>) =>
        (await subject.stores.outbox.find({ where: { run: stepRun(request) }, limit: 50 })).items.map((entry) => entry.personId).sort();

      it('stores a new request with its audit entry, its notices and the clicked card, each naming the new id', async () => {
        const { record, notices } = await subject.stores.together.insert<AccessRequest>(
          'accessRequests',
          draft(),
          goesWith('submitted', ['3', '4'], true),
        );
        expect(await subject.stores.accessRequests.get(record.id)).toMatchObject({
          id: record.id,
          version: 1,
          state: 'withOnlineSafetyLead',
        });
        expect((await subject.stores.audit.forRecord('accessRequest', record.id)).map((entry) => entry.action)).toEqual(['submitted']);
        expect(notices.map((entry) => [entry.personId, entry.status])).toEqual([
          ['3', 'pending'],
          ['4', 'pending'],
        ]);
        expect(await noticesOf(record)).toEqual(['3', '4']);
        expect(
          (await subject.stores.cardMessages.find({ where: { recordId: record.id }, limit: 5 })).items.map((card) => card.activityId),
        ).toEqual(['form-1']);
      });

      it('saves a change at its new version with its audit entry and notices, and the record is current for the next change', async () => {
        const created = await subject.stores.accessRequests.insert(draft());
        const read = (await subject.stores.accessRequests.get(created.id))!;
        const { record } = await subject.stores.together.update<AccessRequest>(
          'accessRequests',
          { ...read, state: 'withHeadteacher' },
          goesWith('forward', ['5']),
        );
        expect(record).toMatchObject({ id: created.id, version: 2, state: 'withHeadteacher' });
        expect(await subject.stores.accessRequests.get(created.id)).toMatchObject({ version: 2, state: 'withHeadteacher' });
        expect((await subject.stores.audit.forRecord('accessRequest', created.id)).map((entry) => entry.summary)).toEqual([
          'Request is now withHeadteacher',
        ]);
        expect(await noticesOf(record)).toEqual(['5']);
        // What the save answered can be changed again, conditionally.
        await subject.stores.together.update<AccessRequest>('accessRequests', { ...record, state: 'approved' }, goesWith('approve', []));
        expect(await subject.stores.accessRequests.get(created.id)).toMatchObject({ version: 3, state: 'approved' });
      });

      it('writes no audit entry and no notice when someone else changed the request first (stale)', async () => {
        const created = await subject.stores.accessRequests.insert(draft());
        const read = (await subject.stores.accessRequests.get(created.id))!;
        await subject.stores.accessRequests.update({ ...read, state: 'withdrawn' });
        await expect(
          subject.stores.together.update<AccessRequest>(
            'accessRequests',
            { ...read, state: 'withHeadteacher' },
            goesWith('forward', ['5']),
          ),
        ).rejects.toBeInstanceOf(StaleRecordError);
        expect(await subject.stores.accessRequests.get(created.id)).toMatchObject({ version: 2, state: 'withdrawn' });
        expect(await subject.stores.audit.forRecord('accessRequest', created.id)).toEqual([]);
        expect(await noticesOf({ ...read, version: 2 })).toEqual([]);
      });

      it('writes nothing of what goes with a new request whose submission key is already taken', async () => {
        const first = await subject.stores.accessRequests.insert(draft());
        const again = { ...draft(), submissionKey: first.submissionKey };
        await expect(
          subject.stores.together.insert<AccessRequest>('accessRequests', again, goesWith('submitted', ['3'], true)),
        ).rejects.toBeInstanceOf(DuplicateRecordError);
        expect((await subject.stores.accessRequests.find({ where: { submissionKey: first.submissionKey }, limit: 5 })).items).toHaveLength(
          1,
        );
        expect((await subject.stores.audit.page({ limit: 50 })).items.filter((entry) => entry.action === 'submitted')).toEqual([]);
        expect((await subject.stores.outbox.find({ where: { status: 'pending' }, limit: 50 })).items).toEqual([]);
      });
    });

    it('says the store is unavailable, rather than failing oddly, when it cannot be reached', async () => {
      await subject.breakIt();
      await expect(subject.stores.accessRequests.insert(draft())).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(subject.stores.accessRequests.get('1')).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
