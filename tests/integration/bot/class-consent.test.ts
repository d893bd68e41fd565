/** "consent 4B": what staff check before taking photos (Social Media Policy s.4). */
import { allText } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const governor = teamsUser('Mark Green', '00000000-0000-0000-0000-000000000105');

describe('class consent in the bot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
  });
  afterAll(() => t.stop());

  it('lists the class with images and videos consent at a glance', async () => {
    const text = allText((await t.say(alex, 'consent 4B')).card);
    expect(text).toMatch(/Photo and video consent — 4B/);
    expect(text).toMatch(/3 pupils without full consent/);
    const row = (name: string) => text.slice(text.indexOf(name)).split('\n').slice(0, 3);
    expect(row('Amelia Khan')).toEqual(['Amelia Khan', '✓', '✓']);
    expect(row('Oliver Bennett')).toEqual(['Oliver Bennett', '✓', '✗']);
    expect(row('Freya Jones')).toEqual(['Freya Jones', 'withdrawn', '✓']);
    expect(row('Zain Ahmed')).toEqual(['Zain Ahmed', '✗ none recorded', '✗ none recorded']);
  });

  it.each(['consent 4b', 'Consent for class 4B', '<at>Online Safety Desk</at> consent 4B'])('understands "%s"', async (typed) => {
    expect(allText((await t.say(alex, typed)).card)).toMatch(/Photo and video consent — 4B/);
  });

  it('names the classes when the class is unknown, and asks which class when none is given', async () => {
    expect(allText((await t.say(alex, 'consent 9Z')).card)).toMatch(/can't find class 9Z\. Classes: 4B, 6A/);
    expect(allText((await t.say(alex, 'consent')).card)).toMatch(/Which class\?/);
  });

  it('is for staff: a governor is told who can see it', async () => {
    expect(allText((await t.say(governor, 'consent 4B')).card)).toMatch(/Only staff can see a class's photo consent/);
  });
});
