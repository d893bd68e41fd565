/** The go-live checklist's runner: fixed order, a failing or stuck check is red, never green. */
import { checkReadiness } from '../../../../bot/src/app/readiness/check-readiness';
import { finding } from '../../../../bot/src/domain/readiness/readiness';

describe('the go-live checklist', () => {
  it('lists the items in the order of the installation guide, leaving out those that do not apply', async () => {
    const items = await checkReadiness({
      jobs: async () => finding('jobs', 'green', 'Every job ran this morning.'),
      credential: async () => finding('credential', 'amber', 'A client secret that ends on 2027-01-05.', 'Move to the managed identity.'),
    });
    expect(items.map((item) => [item.id, item.level])).toEqual([
      ['credential', 'amber'],
      ['jobs', 'green'],
    ]);
    expect(items[0]).toMatchObject({ number: 1, title: 'How the app signs in to Microsoft Graph', fix: 'Move to the managed identity.' });
    // Numbered as in the guide, whatever is left out here.
    expect(items[1]!.number).toBe(11);
    expect(items[1]!.fix).toBeUndefined();
  });

  it('reports a check that throws or never finishes as red, with what went wrong', async () => {
    const items = await checkReadiness(
      {
        school: async () => {
          throw new Error('SharePoint answered 503');
        },
        'term-dates': () => new Promise(() => undefined),
      },
      50,
    );
    expect(items).toEqual([
      expect.objectContaining({ id: 'school', level: 'red', found: expect.stringContaining('SharePoint answered 503') }),
      expect.objectContaining({ id: 'term-dates', level: 'red', found: expect.stringContaining('did not finish') }),
    ]);
  });
});
