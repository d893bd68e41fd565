import { parse, stringify } from 'yaml';

/**
 * The Agents Playground's config (.m365agentsplayground.yml) holds the person chatting and five
 * others. Chatting as another of them swaps that person in; each person keeps a personal chat of
 * their own, so the bot's messages to one never land in another's chat.
 */
export interface PlaygroundUser {
  id: string;
  name: string;
  givenName: string;
  aadObjectId: string;
  [key: string]: unknown;
}

export interface PlaygroundConfig {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  [key: string]: unknown;
}

export function parsePlaygroundConfig(text: string): PlaygroundConfig {
  return parse(text) as PlaygroundConfig;
}

export function chattingAs(config: PlaygroundConfig, who: string): PlaygroundConfig {
  const everyone = [config.currentUser, ...config.users];
  const wanted = who.trim().toLowerCase();
  const person = everyone.find((user) => user.givenName.toLowerCase() === wanted || user.name.toLowerCase() === wanted);
  if (!person) throw new Error(`No one called "${who}" in the Playground's people: ${everyone.map((user) => user.givenName).join(', ')}.`);
  return {
    ...config,
    currentUser: person,
    users: everyone.filter((user) => user !== person),
    personalChat: { id: `personal-chat-${person.givenName.toLowerCase()}` },
  };
}

export function playgroundConfigText(config: PlaygroundConfig): string {
  return `# Written by npm run playground from .m365agentsplayground.yml; edit that file instead.\n${stringify(config)}`;
}
