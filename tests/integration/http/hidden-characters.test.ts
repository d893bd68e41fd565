/**
 * One typed-text rule for every free-text field: a right-to-left override or a control character
 * can disguise what a reviewer reads (a pupil's name, a reason, evidence), so every form, card and
 * import refuses it with a clear message and saves nothing.
 */
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const RLO = 'Amelia\u202Eylno';
/**
 * A right-to-left override, a bell, a right-to-left mark, an isolate, a byte-order mark, a C1 control, a soft hyphen, an invisible times, a
 * tag letter, a line separator.
 */
const HIDDEN = ['\u202E', '\u0007', '\u200F', '\u2066', '\uFEFF', '\u0085', '\u00AD', '\u2062', '\u{E0041}', '\u2028'];

type Role = 'staff' | 'onlineSafetyLead' | 'dsl' | 'admin';

/** Each free-text field the tabs' API takes: who sends it, where, and a body that is otherwise valid. */
const API_FIELDS: { field: string; as: Role; path: string; body: (text: string) => object; count: (t: TestApp) => Promise<number> }[] = [
  {
    field: 'training evidence (own)',
    as: 'staff',
    path: '/api/training/mine',
    body: (text) => ({ completedOn: '2026-11-20', evidence: text }),
    count: trainingRecords,
  },
  {
    field: 'training evidence (session)',
    as: 'onlineSafetyLead',
    path: '/api/training/sessions',
    body: (text) => ({ requirementId: 'staff-online-safety', completedOn: '2026-11-20', evidence: text, subjectIds: ['1'] }),
    count: trainingRecords,
  },
  {
    field: "parents' session attendee",
    as: 'onlineSafetyLead',
    path: '/api/training/sessions',
    body: (text) => ({
      requirementId: 'parents-online-safety',
      completedOn: '2026-11-20',
      evidence: '',
      subjectIds: ['parents'],
      attendees: [text],
    }),
    count: trainingRecords,
  },
  {
    field: 'refresher title',
    as: 'dsl',
    path: '/api/training/refreshers',
    body: (text) => ({ title: text, audience: 'staff', group: 'all', dueOn: '2099-01-31' }),
    count: async (t) => (await t.app.stores.refreshers.find({ limit: 500 })).items.length,
  },
  {
    field: 'refresher group',
    as: 'dsl',
    path: '/api/training/refreshers',
    body: (text) => ({ title: 'Images', audience: 'staff', group: text, dueOn: '2099-01-31' }),
    count: async (t) => (await t.app.stores.refreshers.find({ limit: 500 })).items.length,
  },
  { field: 'incident action', as: 'dsl', path: '/api/incidents/1/steps', body: (text) => ({ type: 'action', text }), count: chronology },
  {
    field: 'incident status note',
    as: 'dsl',
    path: '/api/incidents/1/steps',
    body: (text) => ({ type: 'status', to: 'inProgress', note: text }),
    count: chronology,
  },
  {
    field: 'reason for the police decision',
    as: 'dsl',
    path: '/api/incidents/1/steps',
    body: (text) => ({ type: 'police', contacted: false, reason: text }),
    count: chronology,
  },
  {
    field: 'name of someone linked to an incident',
    as: 'dsl',
    path: '/api/incidents/1/steps',
    body: (text) => ({ type: 'link', who: { name: text }, role: 'other' }),
    count: chronology,
  },
  {
    field: 'note at a body map mark',
    as: 'dsl',
    path: '/api/incidents/1/steps',
    body: (text) => ({ type: 'bodyMap', marks: [{ view: 'front', x: 50, y: 50, note: text }] }),
    count: chronology,
  },
  {
    field: 'school account purpose',
    as: 'dsl',
    path: '/api/social-accounts',
    body: (text) => ({
      platform: 'Facebook',
      handle: 'Riverside PTA',
      purpose: text,
      reason: 'Parents use it',
      ownerId: '5',
      schoolEmail: 'office@riverside.example',
      successMeasure: 'Survey',
    }),
    count: async (t) => (await t.app.stores.socialAccounts.find({ limit: 500 })).items.length,
  },
  {
    field: 'pupil name in the MIS file',
    as: 'admin',
    path: '/api/pupils/import',
    body: (text) => ({ csv: `UPN,Name,Reg Group,Year,Admission Date\nX1,${text},4B,Year 4,04/09/2023`, apply: true }),
    count: async (t) => (await t.app.stores.pupils.find({ limit: 500 })).items.length,
  },
  {
    field: 'class in the MIS file',
    as: 'admin',
    path: '/api/pupils/import',
    body: (text) => ({ csv: `UPN,Name,Reg Group,Year,Admission Date\nX1,Ada Lovelace,${text},Year 4,04/09/2023`, apply: true }),
    count: async (t) => (await t.app.stores.pupils.find({ limit: 500 })).items.length,
  },
];

async function trainingRecords(t: TestApp): Promise<number> {
  return (await t.app.stores.trainingRecords.find({ limit: 1000 })).items.length;
}
async function chronology(t: TestApp): Promise<number> {
  return (await t.app.stores.incidentChronology.forIncident('1')).length;
}

describe('hidden characters in anything typed', () => {
  let t: TestApp;
  const ids = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await new TestApp().start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    for (const role of ['onlineSafetyLead', 'dsl', 'admin'] as const) ids[role] = people.find((person) => person.roles.includes(role))!.id;
    ids.staff = people.find((person) => person.roles.length === 1 && person.roles[0] === 'staff')!.id;
  });
  afterAll(() => t.stop());

  const send = (as: Role, path: string, body: object) =>
    fetch(`${t.app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': ids[as] },
      body: JSON.stringify(body),
    });

  it.each(API_FIELDS)('the $field is refused with the reason, and nothing is saved', async ({ as, path, body, count }) => {
    for (const hidden of HIDDEN) {
      const before = await count(t);
      const response = await send(as, path, body(`Amelia${hidden}Khan`));
      const answer = {
        hidden: escape(hidden),
        refused: [400, 422].includes(response.status),
        saysWhy: /hidden control characters/.test(await response.text()),
      };
      expect(answer).toEqual({ hidden: escape(hidden), refused: true, saysWhy: true });
      await t.app.background.idle();
      expect(await count(t)).toBe(before);
    }
  });

  it('the same fields take ordinary text, accents, emoji and Welsh', async () => {
    const response = await send('staff', '/api/training/mine', {
      completedOn: '2026-11-20',
      evidence: 'Cwrs ar-lein — Zoë 👩‍🏫 tystysgrif 🏴󠁧󠁢󠁷󠁬󠁳󠁿',
    });
    expect(response.status).toBe(201);
  });

  describe('in the bot', () => {
    const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
    const tom = teamsUser("Tom O'Neill", '00000000-0000-0000-0000-000000000103');

    it('refuses hidden characters in the evidence of "I\'ve done it", and saves nothing', async () => {
      const before = await trainingRecords(t);
      const card = await t.click(alex, 'my-training', 'logTraining', { completedOn: '2026-11-20', evidence: RLO });
      expect(allText(card)).toMatch(/hidden control characters/);
      expect(await trainingRecords(t)).toBe(before);
    });

    it('refuses hidden characters in why a post cannot be taken down, and leaves the task open', async () => {
      const owner = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === "Tom O'Neill")!;
      const task = await t.app.stores.takedowns.insert({
        postId: '1',
        pupilId: '1',
        media: 'images',
        noticeId: '1',
        ownerId: owner.id,
        status: 'to do',
        reason: '',
        updatedAt: t.clock.now().toISOString(),
      });
      const card = await t.click(tom, `takedown-${task.id}`, 'takedownCannotRemove', { taskId: task.id, reason: `Deleted by ${RLO}` });
      expect(allText(card)).toMatch(/hidden control characters/);
      expect((await t.app.stores.takedowns.get(task.id))!.status).toBe('to do');
    });
  });
});

function escape(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
