/**
 * When the school records cannot be reached, every tab route says so plainly (503, try again)
 * instead of restify's raw 500 with the error's own text.
 */
import { TestApp } from '../../fixtures/test-app';

describe("the tabs' API when the records cannot be reached", () => {
  let t: TestApp;
  let adminId: string;
  let dslId: string;
  beforeAll(async () => {
    t = await new TestApp().start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    adminId = people.find((person) => person.roles.includes('admin'))!.id;
    dslId = people.find((person) => person.roles.includes('dsl'))!.id;
    // The directory has been read; now the database goes away under the running app.
    jest
      .spyOn(t.app.stores.pupils, 'find')
      .mockRejectedValue(Object.assign(new Error('The database could not be reached.'), { name: 'StoreUnavailableError' }));
    jest
      .spyOn(t.app.stores.socialAccounts, 'find')
      .mockRejectedValue(Object.assign(new Error('The database could not be reached.'), { name: 'StoreUnavailableError' }));
    jest
      .spyOn(t.app.stores.trainingRecords, 'find')
      .mockRejectedValue(Object.assign(new Error('The database could not be reached.'), { name: 'StoreUnavailableError' }));
  });
  afterAll(() => t.stop());

  it.each([
    ['the class list', '/api/classes', () => adminId],
    ['the school accounts', '/api/social-accounts', () => dslId],
    ['training', '/api/training', () => dslId],
  ])('%s answers 503 with a message a person can act on, and no error text', async (_name, path, who) => {
    const response = await fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': who() } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/could not be reached.*try again/i);
    expect(JSON.stringify(body)).not.toMatch(/StoreUnavailableError|database/);
  });
});
