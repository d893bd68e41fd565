/**
 * .m365agentsplayground.yml: the Agents Playground's people are the demo school's, matched by
 * Entra object id, so each has their role; `npm run playground -- --as <name>` chats as another.
 */
import { DEMO_PEOPLE, PLAYGROUND_DEFAULT_AAD_ID } from '../../bot/src/app/demo-school';
import { TENANT_ID } from '../fixtures/teams-activities';
import { chattingAs, parsePlaygroundConfig, playgroundConfigText } from '../../scripts/playground-config';
import { text } from './toolkit-files';

const config = parsePlaygroundConfig(text('.m365agentsplayground.yml'));
const roleOf = (aadObjectId: string) => DEMO_PEOPLE.find((person) => person.aadObjectId === aadObjectId)?.roles;

describe("the Agents Playground's people", () => {
  it("start with the Playground's default user, a staff member of the demo school", () => {
    expect(config.currentUser).toMatchObject({ name: 'Alex Wilber', aadObjectId: PLAYGROUND_DEFAULT_AAD_ID });
    expect(roleOf(config.currentUser.aadObjectId)).toEqual(['staff']);
    expect(config.tenantId).toBe(TENANT_ID);
  });

  it('are all demo school staff, with their names, covering every role the access flow needs', () => {
    for (const user of [config.currentUser, ...config.users]) {
      expect(DEMO_PEOPLE.find((person) => person.aadObjectId === user.aadObjectId)?.displayName).toBe(user.name);
    }
    const roles = config.users.flatMap((user) => roleOf(user.aadObjectId) ?? []);
    expect(roles).toEqual(expect.arrayContaining(['onlineSafetyLead', 'headteacher', 'ictTechnician', 'dsl', 'admin']));
  });

  it("fit the Playground's config: exactly five others, unique ids", () => {
    expect(config.users).toHaveLength(5);
    const ids = [config.currentUser, ...config.users].map((user) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('chatting as someone else', () => {
  it('swaps them in as the current user, with a personal chat of their own', () => {
    const adele = chattingAs(config, 'adele');
    expect(adele.currentUser.name).toBe('Adele Vance');
    expect(roleOf(adele.currentUser.aadObjectId)).toContain('headteacher');
    expect(adele.users.map((user) => user.name)).toContain('Alex Wilber');
    expect(adele.users).toHaveLength(5);
    expect(adele.personalChat.id).not.toBe(config.personalChat.id);
    expect(parsePlaygroundConfig(playgroundConfigText(adele))).toEqual(adele);
  });

  it('names the people there are when the name is unknown', () => {
    expect(() => chattingAs(config, 'sam')).toThrow(
      'No one called "sam" in the Playground\'s people: Alex, Megan, Adele, Isaiah, Patti, Lynne.',
    );
  });
});
