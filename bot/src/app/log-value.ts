/**
 * A value that came with a request, as it may appear in a log line: quoted, cut short, and with
 * every control or line-breaking character escaped, so nobody can forge a log line by sending one.
 */
export function logValue(value: unknown, maxLength = 80): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'none given' : String(value);
  const short = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return JSON.stringify(short).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A whole log line with any control or line-breaking character escaped: one event, one line. */
export function oneLine(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
