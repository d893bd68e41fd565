/**
 * A page's code, loaded on demand (tab/src/ui/bundle.ts): asked for once however often it is
 * wanted, known as loaded once it has come (a page whose code is there shows in the same render),
 * and asked for again after a failure (the page's code started as the tab opens, lost to a dropped
 * connection, is asked for again when the page is shown).
 */
import { bundle } from '../../../tab/src/ui/bundle';

describe("a page's bundle", () => {
  it('is loaded once, and says so once it has come', async () => {
    const load = jest.fn(async () => ({ Page: 'the page' }));
    const page = bundle(load);
    expect(page.loaded()).toBeUndefined();
    const [first, second] = await Promise.all([page(), page()]);
    expect(first).toBe(second);
    expect(page.loaded()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is asked for again after it failed to load, and is not loaded meanwhile', async () => {
    const load = jest
      .fn()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ Page: 'the page' });
    const page = bundle(load);
    await expect(page()).rejects.toThrow('Failed to fetch');
    expect(page.loaded()).toBeUndefined();
    await expect(page()).resolves.toEqual({ Page: 'the page' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
