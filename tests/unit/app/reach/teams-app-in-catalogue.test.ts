/**
 * The id links into Teams use: the catalogue's, looked up once and kept a day; while the
 * catalogue does not list the app, links open the web tab and the catalogue is asked again hourly.
 */
import { TeamsAppInCatalogue } from '../../../../bot/src/app/reach/teams-app-in-catalogue';
import type { CatalogueApp, TeamsAppCatalogue } from '../../../../bot/src/ports/teams-apps.port';

const MANIFEST = 'manifest-id';
const PUBLISHED: CatalogueApp = {
  catalogueId: 'catalogue-id',
  manifestId: MANIFEST,
  displayName: 'Online Safety Desk',
  distributionMethod: 'organization',
};
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function catalogue(answers: (CatalogueApp | undefined | Error)[]): TeamsAppCatalogue & { asked: number } {
  const fake = {
    asked: 0,
    async find() {
      const answer = answers[Math.min(fake.asked++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return fake;
}

describe('the Teams app in the catalogue', () => {
  let now = Date.parse('2026-11-24T07:00:00Z');
  const clock = { now: () => new Date(now) };

  it('gives links the catalogue id once found, and keeps it a day without asking again', async () => {
    const asked = catalogue([PUBLISHED]);
    const app = new TeamsAppInCatalogue(MANIFEST, asked, clock, silent);
    expect(app.idForLinks()).toBeUndefined();
    await app.current();
    expect(app.idForLinks()).toBe('catalogue-id');
    now += 23 * 3_600_000;
    expect(app.idForLinks()).toBe('catalogue-id');
    expect(asked.asked).toBe(1);
  });

  it('gives no id (links open the web tab) while the app is not listed, and asks again after an hour', async () => {
    const asked = catalogue([undefined, PUBLISHED]);
    const app = new TeamsAppInCatalogue(MANIFEST, asked, clock, silent);
    expect(await app.current()).toBeUndefined();
    now += 59 * 60_000;
    expect(await app.current()).toBeUndefined();
    expect(asked.asked).toBe(1);
    now += 2 * 60_000;
    expect(await app.current()).toEqual(PUBLISHED);
    expect(app.idForLinks()).toBe('catalogue-id');
  });

  it('keeps the last answer when the catalogue cannot be read', async () => {
    const asked = catalogue([PUBLISHED, new Error('503')]);
    const app = new TeamsAppInCatalogue(MANIFEST, asked, clock, silent);
    await app.current();
    now += 25 * 3_600_000;
    expect(await app.current()).toEqual(PUBLISHED);
    expect(app.idForLinks()).toBe('catalogue-id');
  });

  it('links by the manifest id when there is no catalogue to ask (an app uploaded by hand), and nowhere without an app id', () => {
    expect(new TeamsAppInCatalogue(MANIFEST, undefined, clock, silent).idForLinks()).toBe(MANIFEST);
    expect(new TeamsAppInCatalogue(undefined, catalogue([PUBLISHED]), clock, silent).idForLinks()).toBeUndefined();
  });
});
