import { conversationKey } from '../../../bot/src/app/remember-conversation';

describe('the key of a person in a conversation', () => {
  const aad = '00000000-0000-0000-0000-0000000000020';

  it('fits an indexed SharePoint text column however long the conversation id', () => {
    expect(conversationKey(aad, `a:1${'x'.repeat(5000)}`).length).toBeLessThanOrEqual(255);
  });

  it('is stable and tells conversations apart', () => {
    expect(conversationKey(aad, 'a:1abc')).toBe(conversationKey(aad, 'a:1abc'));
    const keys = new Set(Array.from({ length: 2000 }, (_, i) => conversationKey(aad, `a:1personal-${i}`)));
    expect(keys.size).toBe(2000);
    expect(conversationKey(aad, 'a:1abc')).not.toBe(conversationKey('00000000-0000-0000-0000-0000000000021', 'a:1abc'));
  });
});
