import { toCsv } from '../../../../bot/src/adapters/http/csv';

describe('CSV exports', () => {
  it('quotes every cell and doubles quotes inside', () => {
    expect(toCsv(['A', 'B'], [['say "hi"', 'a,b']])).toBe('"A","B"\r\n"say ""hi""","a,b"\r\n');
  });

  it.each(['=cmd|" /C calc"!A0', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tx', '\rx', '  =HYPERLINK("http://x")', '\uFF1D1+1'])(
    'shows %p as text, never as a formula',
    (value) => {
      expect(toCsv(['A'], [[value]]).split('\r\n')[1]).toBe(`"'${value.replace(/"/g, '""')}"`);
    },
  );
});
