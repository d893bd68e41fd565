/**
 * `policy social media` in the private chat, through the bot's real endpoint: the version in force
 * with a link to the policy library, and "I have read and understood it", signed once.
 */
import { allText } from '../../fixtures/cards';
import { pdfDocument } from '../../fixtures/media-files';
import { cardActionInvoke, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');

describe('the policy library in the chat', () => {
  let t: TestApp;
  let versionId: string;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, linda]) await t.install(user);
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    const head = people.find((person) => person.displayName === 'Adele Vance')!.id;
    const policyId = (await t.app.stores.policies.find({ limit: 50 })).items.find((policy) => policy.title === 'Social Media Policy')!.id;
    const details = {
      number: '3',
      approvedOn: '2026-11-20',
      changes: 'Section 4: photos only on approved school devices.',
      mustRead: 'staff',
    };
    const response = await fetch(`${t.app.url}/api/policy-library/${policyId}/versions`, {
      method: 'POST',
      headers: { 'x-demo-person': head, 'x-file-name': 'policy.pdf', 'x-version-details': encodeURIComponent(JSON.stringify(details)) },
      body: pdfDocument(),
    });
    versionId = ((await response.json()) as { version: { id: string } }).version.id;
    await t.app.background.idle();
  });
  afterAll(() => t.stop());

  it('shows the version in force with a link to the library and, for staff, the button to sign it', async () => {
    const { card, activityId } = await t.say(alex, 'policy social media');
    const text = allText(card);
    expect(text).toContain('Social Media Policy');
    expect(text).toContain('Version 3, approved on 20 November 2026 by Adele Vance.');
    expect(text).toContain('Section 4: photos only on approved school devices.');
    expect(JSON.stringify(card)).toContain('/tab/?view=policies');

    const signed = await t.click(alex, activityId, 'readPolicyVersion', { versionId });
    expect(allText(signed)).toContain('Thank you: you have read and understood it.');
    expect(JSON.stringify(signed)).not.toContain('readPolicyVersion');
    const reads = (await t.app.stores.policyReads.find({ where: { versionId }, limit: 5 })).items;
    expect(reads.map((entry) => [entry.personName, entry.at])).toEqual([['Alex Wilber', t.clock.now().toISOString()]]);
    // A second click (an old card) records nothing more.
    await t.click(alex, activityId, 'readPolicyVersion', { versionId });
    expect((await t.app.stores.policyReads.find({ where: { versionId }, limit: 5 })).items).toHaveLength(1);
  });

  it('does not ask a governor to sign a version for staff, and says what the library holds when the name is not found', async () => {
    const card = (await t.say(linda, 'policy social media')).card;
    expect(JSON.stringify(card)).not.toContain('readPolicyVersion');
    const refused = await t.post(cardActionInvoke(linda, t.serviceUrl, `policy-${versionId}`, 'readPolicyVersion', { versionId }));
    expect(JSON.stringify(refused.body)).toContain('not one you are asked to read');
    expect((await t.app.stores.policyReads.find({ where: { versionId }, limit: 5 })).items.map((entry) => entry.personName)).toEqual([
      'Alex Wilber',
    ]);
    expect(allText((await t.say(alex, 'policy behaviour')).card)).toContain(
      'I can\'t find a policy called "behaviour" in the library. The library holds: Social Media Policy.',
    );
  });
});
