/**
 * A governor's reminders on the fixed school day (Tuesday 24 November 2026), through the reminder
 * jobs of the running app and the Bot Connector stand-in: the board's review (due 10 December)
 * and the governor's own online safety training both open the Governance page; the headteacher's
 * review reminder still opens the Training tab, where the review is recorded.
 */
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const mark = teamsUser('Mark Green', '00000000-0000-0000-0000-000000000105');
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022');

describe("a governor's reminders", () => {
  const t = new TestApp();
  beforeAll(async () => {
    await t.start();
    for (const user of [mark, adele]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsAfter = async (job: string, user: { conversationId: string }) => {
    const before = t.connector.sent.length;
    expect((await fetch(`${t.app.url}/api/jobs/${job}`, { method: 'POST' })).status).toBe(202);
    await t.app.background.idle();
    return t.connector.sent
      .slice(before)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => cardOf(entry));
  };
  const links = (card: Record<string, unknown>) => JSON.stringify(card.actions).match(/\/tab\/\?view=\w+/g);

  it("opens the Governance page from the board's review reminder, and the Training tab from the headteacher's", async () => {
    const before = t.connector.sent.length;
    const governor = await cardsAfter('policy-reviews', mark);
    expect(governor.map(allText)).toEqual([expect.stringContaining('is due for review (Governing board) on 10 December 2026, in 16 days')]);
    expect(links(governor[0]!)).toEqual(['/tab/?view=governance']);
    const head = t.connector.sent
      .slice(before)
      .filter((entry) => entry.conversationId === adele.conversationId)
      .map((entry) => cardOf(entry));
    expect(head.map(allText)).toEqual([expect.stringContaining('A policy review is overdue')]);
    expect(links(head[0]!)).toEqual(['/tab/?view=training']);
  });

  it('reminds the governor of their own online safety training, opening the Governance page', async () => {
    const cards = await cardsAfter('training-reminders', mark);
    expect(cards.map(allText)).toEqual([
      expect.stringContaining("Governors' online safety training is due by 24 November 2026 (Social Media Policy s.2)"),
    ]);
    expect(links(cards[0]!)).toEqual(['/tab/?view=governance']);
  });
});
