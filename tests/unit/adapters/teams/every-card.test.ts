/**
 * Every card the app can send parses with the `adaptivecards` library without warnings, declares
 * schema 1.5 and stays well under Teams' 40 KB message limit even with every field at its longest.
 */
import { allText, parseWarnings } from '../../../fixtures/cards';
import { accessRequestCard } from '../../../../bot/src/adapters/teams/cards/access-request-card';
import { EVERY_CARD, fullRequest } from '../../../fixtures/every-card';

describe('every card the app can send', () => {
  it.each(EVERY_CARD)('%s parses cleanly, is schema 1.5 and well under 40 KB', (_name, card) => {
    expect(parseWarnings(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const message = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
    const utf16Bytes = JSON.stringify(message).length * 2;
    expect(utf16Bytes).toBeLessThan(36 * 1024);
  });

  it('the check itself catches an element Teams would not know', () => {
    expect(parseWarnings({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Magic', id: 'x' }] }).length).toBeGreaterThan(0);
  });

  it('every Action.Execute has an Action.Submit fallback carrying its verb (older clients)', () => {
    const card = accessRequestCard({ request: fullRequest('withHeadteacher'), steps: ['approve', 'refuse'], viewerIsRequester: false });
    // Several buttons are stacked in the body, one ActionSet each (so that none is cut short on a phone).
    const actions = [
      ...card.body.filter((element) => element.type === 'ActionSet').flatMap((set) => set.actions as { verb: string }[]),
      ...(card.actions ?? []),
    ];
    expect(actions).toHaveLength(2);
    for (const action of actions) {
      expect(action).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit', data: { verb: action.verb } } });
    }
  });
});

describe('user text is shown exactly as typed', () => {
  const typed = '**bold** _it_ [click](https://evil.example) <script>x</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}}';
  const request = { ...fullRequest('withOnlineSafetyLead'), siteContent: typed, requesterName: '*Alex*' };
  const card = accessRequestCard({ request, steps: [], viewerIsRequester: false });

  it('goes into a TextRun, which Teams does not read as markdown', () => {
    const json = JSON.stringify(card);
    expect(json).toContain(
      JSON.stringify('**bold** _it_ [click](https://evil.example) <script>x</script> {\u200B{DATE(2026-01-01T00:00:00Z, SHORT)}}'),
    );
  });

  it('never puts typed text into a markdown TextBlock', () => {
    const blocks: string[] = [];
    JSON.stringify(card, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'TextBlock')
        blocks.push(String((value as { text: unknown }).text));
      return value;
    });
    expect(blocks.some((text) => text.includes('[click]'))).toBe(false);
  });
});

describe("photos on the headteacher's card", () => {
  const card = EVERY_CARD.find(([name]) => name.startsWith('posting request (an ordinary post with twenty files'))![1] as Record<
    string,
    unknown
  >;
  const images = (JSON.stringify(card).match(/"type":"Image","url":"data:image\/jpeg;base64,/g) ?? []).length;

  it('shows small thumbnails inside the card when there is room, and counts the rest', () => {
    expect(images).toBe(4);
    expect(allText(card)).toMatch(/Also attached: 10 JPEG photos, 2 PNG images, 2 HEIC photos, 1 MP4 video and 1 MOV video/);
    expect(JSON.stringify(card)).toContain(
      '"type":"Action.OpenUrl","title":"See the photos and videos in full","url":"https://osd.example/tab/?view=posting&id=123456"',
    );
  });

  it("says blurring is the requester's own statement", () => {
    expect(allText(card)).toMatch(/Faces blurred:\*\* yes \(the requester's own statement: the app does not check it\)/);
  });
});
