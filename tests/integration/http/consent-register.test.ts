/** The consent register through the tabs' API (Social Media Policy s.4). */
import { TestApp } from '../../fixtures/test-app';

describe('the consent register', () => {
  let t: TestApp;
  let admin: string;
  let teacher: string;
  let freyaId: string;
  let ameliaId: string;
  beforeAll(async () => {
    t = await new TestApp().start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    admin = people.find((person) => person.roles.includes('admin'))!.id;
    teacher = people.find((person) => person.displayName === 'Alex Wilber')!.id;
    const pupils = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 50 })).items;
    freyaId = pupils.find((pupil) => pupil.displayName === 'Freya Jones')!.id;
    ameliaId = pupils.find((pupil) => pupil.displayName === 'Amelia Khan')!.id;
  });
  afterAll(() => t.stop());

  const call = (persona: string, method: 'GET' | 'POST', path: string, body?: object) =>
    fetch(`${t.app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-demo-person': persona },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it("shows staff a class with each pupil's consent today", async () => {
    const response = await call(teacher, 'GET', '/api/consent?className=4b');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { pupils: { displayName: string; consent: Record<string, string> }[] };
    expect(body.pupils.find((pupil) => pupil.displayName === 'Freya Jones')!.consent).toEqual({ images: 'withdrawn', videos: 'given' });
  });

  it('records a written withdrawal from the date received, and lists earlier posts to take down', async () => {
    const dsl = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('dsl'))!;
    const account = await t.app.stores.socialAccounts.insert({
      platform: 'X',
      handle: '@riverside',
      purpose: 'News for parents',
      reason: 'Keeping parents informed',
      ownerId: dsl.id,
      ownerName: dsl.displayName,
      schoolEmail: 'office@riverside.example',
      successMeasure: 'Parent survey',
      active: true,
    });
    const before = await t.app.stores.posts.insert({
      accountId: account.id,
      postedOn: '2026-06-01',
      media: ['images'],
      pupilIds: [ameliaId],
      link: 'https://x.example/1',
    });
    await t.app.stores.posts.insert({
      accountId: account.id,
      postedOn: '2026-06-02',
      media: ['videos'],
      pupilIds: [ameliaId],
      link: 'https://x.example/2',
    });

    const response = await call(admin, 'POST', '/api/consent', {
      pupilId: ameliaId,
      media: 'images',
      decision: 'refused',
      effectiveFrom: '2026-11-20',
      source: 'written notice',
    });
    expect(response.status).toBe(201);
    // The demo school's own sports-day post shows Amelia too: two image posts before the notice.
    const body = (await response.json()) as { event: object; takedowns: { link: string }[] };
    expect(body.event).toMatchObject({ decision: 'refused', recordedBy: 'Lynne Robbins' });
    expect(body.takedowns.map((task) => task.link).sort()).toEqual(['https://x.example/1', 'https://x.example/RiversidePrimary/status/1']);
    expect((await t.app.stores.takedowns.find({ where: { ownerId: dsl.id }, limit: 10 })).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ postId: before.id, pupilId: ameliaId, media: 'images', status: 'to do' })]),
    );

    const register = (await (await call(teacher, 'GET', '/api/consent?className=4B')).json()) as {
      pupils: { displayName: string; consent: Record<string, string> }[];
    };
    expect(register.pupils.find((pupil) => pupil.displayName === 'Amelia Khan')!.consent.images).toBe('withdrawn');
    // History is kept: the original form is still there.
    expect((await t.app.stores.consents.find({ where: { pupilId: ameliaId }, limit: 10 })).items.map((event) => event.decision)).toEqual([
      'given',
      'given',
      'refused',
    ]);
  });

  it.each([
    [{ pupilId: 'x' }, 400],
    [{ media: 'audio' }, 400],
    [{ effectiveFrom: '20/11/2026' }, 400],
    [{ effectiveFrom: '2099-01-01' }, 422],
    [{ pupilId: '99999' }, 422],
  ])('refuses %j with %i', async (change, status) => {
    const body = {
      pupilId: freyaId,
      media: 'videos',
      decision: 'refused',
      effectiveFrom: '2026-11-20',
      source: 'written notice',
      ...change,
    };
    expect((await call(admin, 'POST', '/api/consent', body)).status).toBe(status);
  });

  it('lets only the admin team record consent, and only staff see a class', async () => {
    expect(
      (
        await call(teacher, 'POST', '/api/consent', {
          pupilId: freyaId,
          media: 'videos',
          decision: 'refused',
          effectiveFrom: '2026-11-20',
          source: 'written notice',
        })
      ).status,
    ).toBe(403);
    const governor = (await t.app.stores.people.find({ limit: 50 })).items.find(
      (person) => person.roles.includes('governor') && !person.roles.includes('staff'),
    )!;
    expect((await call(governor.id, 'GET', '/api/consent?className=4B')).status).toBe(403);
  });
});
