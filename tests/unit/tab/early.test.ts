/**
 * The tab asks for the person and the first page's data as it starts (tab/src/early.ts). What a page
 * then takes must be its own, fresh, and asked for only when the page will show it: these rules, with
 * the server's answers stood in by a fake `fetch` (the same flow in real Chromium:
 * tests/e2e/tab-early-data.test.ts).
 */
import { askEarly, forgetEarly, takeEarly, takeEarlyJson } from '../../../tab/src/early';
import { EARLY_DATA, consentRegisterPath } from '../../../tab/src/early-data';

const LOG = EARLY_DATA.incidents![0]!;
const DSL = { personaId: 'dsl-1' };

let asked: string[] = [];
let now = 1_000;
let seesIncidents = true;
let refused: string[] = [];
let classesAnswer: object = { classes: ['Year 3 & 4', 'Year 5'] };
let unreachable: string[] = [];

beforeEach(() => {
  asked = [];
  refused = [];
  unreachable = [];
  classesAnswer = { classes: ['Year 3 & 4', 'Year 5'] };
  now = 1_000;
  seesIncidents = true;
  jest.spyOn(performance, 'now').mockImplementation(() => now);
  global.fetch = jest.fn(async (path: string | URL | Request) => {
    asked.push(String(path));
    if (path === '/api/me') return Response.json({ can: { seeIncidents: seesIncidents, seeConsent: true } });
    if (path === '/api/classes') return Response.json(classesAnswer);
    if (refused.includes(String(path))) return Response.json({ error: 'Only the DSL can see this.' }, { status: 403 });
    if (unreachable.includes(String(path))) throw new TypeError('Failed to fetch');
    return Response.json({ path });
  }) as typeof fetch;
});
afterEach(() => {
  forgetEarly();
  jest.restoreAllMocks();
});

const start = (view: 'incidents' | 'consent', opensList = true) => askEarly(view, Promise.resolve(DSL), Promise.resolve(opensList));
const bodyOf = async (answer: Response | undefined) => (answer ? ((await answer.json()) as unknown) : undefined);

describe('an answer asked for as the tab starts', () => {
  it('is taken by its page once, by the person it was asked for', async () => {
    void start('incidents');
    expect(await bodyOf(await takeEarly(LOG, DSL))).toEqual({ path: LOG });
    expect(await takeEarly(LOG, DSL)).toBeUndefined();
    expect(asked).toEqual(['/api/me', LOG]);
  });

  it('is not given to someone else (a persona switched, locally)', async () => {
    void start('incidents');
    expect(await takeEarly(LOG, { personaId: 'teacher-1' })).toBeUndefined();
  });

  it.each([
    ['the person may not see the page', false, true],
    ['the link opens one record, not the list', true, false],
  ])('is never asked for when %s', async (_case, sees, opensList) => {
    seesIncidents = sees;
    void start('incidents', opensList);
    expect(await takeEarly(LOG, DSL)).toBeUndefined();
    expect(asked).toEqual(['/api/me']);
  });

  it.each([
    [9_999, true],
    [10_001, false],
  ])('taken %i ms after it was asked: used %s (an old answer is read again instead)', async (later, used) => {
    void start('incidents');
    now += later;
    expect((await takeEarly(LOG, DSL)) !== undefined).toBe(used);
  });

  it('is forgotten once the person moves to another page', async () => {
    void start('incidents');
    forgetEarly();
    expect(await takeEarly(LOG, DSL)).toBeUndefined();
  });
});

describe("Photo consent's first register", () => {
  it('is asked for as soon as the classes are known, and taken by the page', async () => {
    void start('consent');
    expect(await bodyOf(await takeEarly('/api/classes', DSL))).toEqual({ classes: ['Year 3 & 4', 'Year 5'] });
    const register = consentRegisterPath('Year 3 & 4');
    expect(await bodyOf(await takeEarly(register, DSL))).toEqual({ path: register });
    expect(asked).toEqual(['/api/me', '/api/classes', register]);
  });

  it('is not asked for once the person has moved on before the classes came', async () => {
    void start('consent');
    forgetEarly();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await takeEarly(consentRegisterPath('Year 3 & 4'), DSL)).toBeUndefined();
    expect(asked).toEqual(['/api/me', '/api/classes']);
  });
});

describe("a page's first render", () => {
  it('shows the answer as it came, once it has been read: taken once, and not asked for again', async () => {
    await start('incidents');
    expect(takeEarlyJson(LOG, DSL)).toEqual({ path: LOG });
    expect(takeEarlyJson(LOG, DSL)).toBeUndefined();
    expect(await takeEarly(LOG, DSL)).toBeUndefined();
    expect(takeEarlyJson('/api/me', DSL)).toEqual({ can: { seeIncidents: true, seeConsent: true } });
    expect(asked).toEqual(['/api/me', LOG]);
  });

  it('finds nothing before the answer has come, and the page then takes it as it comes', async () => {
    const read = start('incidents');
    expect(takeEarlyJson(LOG, DSL)).toBeUndefined();
    expect(await bodyOf(await takeEarly(LOG, DSL))).toEqual({ path: LOG });
    await read;
    expect(asked).toEqual(['/api/me', LOG]);
  });

  it('is not given what was asked as someone else, or too long ago', async () => {
    await start('incidents');
    expect(takeEarlyJson(LOG, { personaId: 'teacher-1' })).toBeUndefined();
    now += 10_001;
    expect(takeEarlyJson(LOG, DSL)).toBeUndefined();
  });

  it('is not given a refusal: the page reads it as usual and says why', async () => {
    refused = [LOG];
    await start('incidents');
    expect(takeEarlyJson(LOG, DSL)).toBeUndefined();
    const answer = await takeEarly(LOG, DSL);
    expect([answer?.status, await bodyOf(answer)]).toEqual([403, { error: 'Only the DSL can see this.' }]);
  });

  it('waits for every answer, and still comes when one fails: the page then says what went wrong', async () => {
    unreachable = [LOG];
    await expect(start('incidents')).resolves.toBeUndefined();
    expect(takeEarlyJson(LOG, DSL)).toBeUndefined();
    await expect(takeEarly(LOG, DSL)).rejects.toThrow('Failed to fetch');
  });

  it('still comes when Photo consent’s classes are not as expected, having asked for nothing more', async () => {
    classesAnswer = { error: 'not a list of classes' };
    await expect(start('consent')).resolves.toBeUndefined();
    expect(asked).toEqual(['/api/me', '/api/classes']);
  });

  it('waits for Photo consent’s first register too, and shows it', async () => {
    await start('consent');
    const register = consentRegisterPath('Year 3 & 4');
    expect(takeEarlyJson('/api/classes', DSL)).toEqual({ classes: ['Year 3 & 4', 'Year 5'] });
    expect(takeEarlyJson(register, DSL)).toEqual({ path: register });
  });
});
