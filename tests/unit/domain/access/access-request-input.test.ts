/** Appendix A's requester fields, checked at the boundary: each wrong field gets its own message. */
import { LIMITS, validateAccessRequestInput } from '../../../../bot/src/domain/access/access-request-input';

const GOOD = {
  url: 'https://www.example.org/a?b=c#d',
  siteContent: 'Maths games',
  reasons: 'Year 3 lessons',
  risksAndControls: 'Adverts: use full screen',
};

describe('the access request form', () => {
  it('accepts a complete form, trimming spaces', () => {
    expect(validateAccessRequestInput({ ...GOOD, siteContent: '  Maths games  ' })).toEqual({ ok: true, value: GOOD });
  });

  it.each([
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['file: URL', 'file:///etc/passwd'],
    ['no scheme', 'www.example.org'],
    ['relative', '/path'],
    ['spaces inside', 'https://example.org/a b'],
    ['too long', `https://example.org/${'a'.repeat(LIMITS.url)}`],
    ['empty', ''],
    ['not a string', 42],
    ['right-to-left override', 'https://example.org/\u202Egpj.exe'],
  ])('refuses a %s as the full URL', (_name, url) => {
    expect(validateAccessRequestInput({ ...GOOD, url })).toEqual({ ok: false, errors: { url: expect.stringMatching(/\w/) } });
  });

  it.each(['http://example.org', 'https://sub.example.co.uk/path?q=1'])('accepts %s', (url) => {
    expect(validateAccessRequestInput({ ...GOOD, url }).ok).toBe(true);
  });

  it('names every missing field', () => {
    const result = validateAccessRequestInput({});
    expect(result).toEqual({
      ok: false,
      errors: {
        url: 'Full URL is required.',
        siteContent: 'Site content is required.',
        reasons: 'Reasons for access is required.',
        risksAndControls: 'Identified risks and control measures is required.',
      },
    });
  });

  it.each([null, 'text', 7, []])('treats a non-object (%p) as an empty form', (raw) => {
    const required = expect.stringMatching(/is required\.$/);
    expect(validateAccessRequestInput(raw)).toEqual({
      ok: false,
      errors: { url: required, siteContent: required, reasons: required, risksAndControls: required },
    });
  });

  it('refuses text over its length limit, saying the limit', () => {
    const result = validateAccessRequestInput({ ...GOOD, reasons: 'x'.repeat(LIMITS.reasons + 1) });
    expect(result).toEqual({ ok: false, errors: { reasons: `Reasons for access must be ${LIMITS.reasons} characters or fewer.` } });
  });

  it('keeps markdown and HTML as typed (they are escaped when shown, not stripped)', () => {
    const typed = '**bold** <b>html</b> [link](javascript:x) {{DATE(2020-01-01T00:00:00Z)}}';
    expect(validateAccessRequestInput({ ...GOOD, siteContent: typed })).toMatchObject({ ok: true, value: { siteContent: typed } });
  });

  it('ignores extra keys such as __proto__', () => {
    const raw = JSON.parse(
      `{"__proto__": {"polluted": true}, "constructor": 1, "url": "${GOOD.url}", "siteContent": "a", "reasons": "b", "risksAndControls": "c"}`,
    );
    const result = validateAccessRequestInput(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toEqual({ ok: true, value: { url: GOOD.url, siteContent: 'a', reasons: 'b', risksAndControls: 'c' } });
  });
});
