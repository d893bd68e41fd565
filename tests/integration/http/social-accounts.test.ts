/**
 * The register of school accounts (Social Media Policy s.5) through the real HTTP API: only the
 * DSL and designated staff add or change an account, always linked to a school email, owned by
 * one of them; a change made by someone else meanwhile is never overwritten.
 */
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

describe('the school accounts register (s.5)', () => {
  let t: TestApp;
  let ids: { dsl: string; staff: string; designated: string };
  beforeAll(async () => {
    t = await new TestApp().start();
    const everyone = (await t.app.stores.people.find({ limit: 50 })).items;
    const byName = (name: string) => everyone.find((person) => person.displayName === name)!.id;
    ids = { dsl: byName('Patti Fernandez'), staff: byName('Alex Wilber'), designated: byName("Tom O'Neill") };
  });
  afterAll(() => t.stop());

  const call = (method: string, path: string, as: string, body?: object) =>
    fetch(`${t.app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-demo-person': as },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const account = () => ({
    platform: 'Facebook',
    handle: 'Riverside Primary PTA',
    purpose: 'Events for parents',
    reason: 'Most parents use Facebook (business reason)',
    ownerId: ids.designated,
    schoolEmail: 'pta@riverside.example',
    successMeasure: 'Event sign-ups',
  });

  it('lets the DSL register an account owned by designated staff, and lists it for staff', async () => {
    const created = await call('POST', '/api/social-accounts', ids.dsl, account());
    expect(created.status).toBe(201);
    const list = (await (await call('GET', '/api/social-accounts', ids.staff)).json()) as {
      accounts: { handle: string; ownerName: string }[];
      owners: { displayName: string }[];
    };
    expect(list.accounts).toContainEqual(expect.objectContaining({ handle: 'Riverside Primary PTA', ownerName: "Tom O'Neill" }));
    expect(list.owners.map((owner) => owner.displayName)).toEqual(['Patti Fernandez', "Tom O'Neill"]);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['a personal email', { schoolEmail: 'riverside.pta@gmail.com' }, 'schoolEmail', /official school email/],
    ['no reason', { reason: ' ' }, 'reason', /required/],
    ['an owner who is not the DSL or designated staff', { ownerId: 'staff' }, 'ownerId', /DSL or one of the designated/],
  ])('refuses %s with the field marked, and saves nothing', async (_name, change, field, message) => {
    const body = { ...account(), ...change, ownerId: change.ownerId === 'staff' ? ids.staff : ids.designated, handle: `@refused-${field}` };
    const response = await call('POST', '/api/social-accounts', ids.dsl, body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string> }).errors[field]).toMatch(message);
    const list = (await (await call('GET', '/api/social-accounts', ids.staff)).json()) as { accounts: { handle: string }[] };
    expect(list.accounts.map((a) => a.handle)).not.toContain(`@refused-${field}`);
  });

  it('retires an account instead of deleting it, and refuses a change made on an out-of-date copy', async () => {
    const list = (await (await call('GET', '/api/social-accounts', ids.dsl)).json()) as {
      accounts: { id: string; version: number; handle: string }[];
    };
    const pta = list.accounts.find((a) => a.handle === 'Riverside Primary PTA')!;
    const retired = await call('PUT', `/api/social-accounts/${pta.id}`, ids.designated, {
      ...account(),
      active: false,
      version: pta.version,
    });
    expect(retired.status).toBe(200);
    const stale = await call('PUT', `/api/social-accounts/${pta.id}`, ids.dsl, {
      ...account(),
      purpose: 'Something else',
      version: pta.version,
    });
    expect(stale.status).toBe(409);
    expect((await t.app.stores.socialAccounts.get(pta.id))!).toMatchObject({ active: false, purpose: 'Events for parents' });
    const audit = (await t.app.stores.audit.forRecord('socialAccount', pta.id)).map((entry) => entry.action);
    expect(audit).toEqual(['social-account.added', 'social-account.changed']);
  });

  it('does not offer a retired account when staff ask to post', async () => {
    const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
    await t.install(alex);
    const form = await t.say(alex, 'request to post');
    expect(JSON.stringify(form.card)).not.toContain('Riverside Primary PTA');
    expect(JSON.stringify(form.card)).toContain('@RiversidePrimary');
  });
});
