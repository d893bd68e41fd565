/**
 * The command menu Teams shows (appPackage/manifest.json) promises only what the bot answers:
 * each command, typed as the menu types it, gets a real answer through the bot's endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'appPackage', 'manifest.json'), 'utf8')) as {
  bots: { commandLists: { commands: { title: string }[] }[] }[];
};
const titles = [...new Set(manifest.bots[0]!.commandLists.flatMap((list) => list.commands.map((command) => command.title)))];

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');

describe("the manifest's command menu", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
  });
  afterAll(() => t.stop());

  it.each(titles)('"%s" gets an answer, not "didn\'t understand"', async (title) => {
    const text = allText((await t.say(alex, title)).card);
    expect(text).not.toMatch(/didn't understand/);
    expect(text.length).toBeGreaterThan(20);
  });
});
