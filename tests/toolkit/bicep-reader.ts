/**
 * Just enough of Bicep to check the templates here, where no Bicep compiler can be installed:
 * parameters (with decorators and defaults), outputs, a module's arguments and an object's keys.
 */
export interface Parameter {
  name: string;
  type: string;
  defaultValue?: string;
  decorators: string[];
}

export function parameters(bicep: string): Parameter[] {
  const lines = bicep.split('\n');
  return lines.flatMap((line, index) => {
    const match = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(line.trim());
    if (!match) return [];
    const decorators: string[] = [];
    for (let above = index - 1; above >= 0 && lines[above]!.trim().startsWith('@'); above--) decorators.push(lines[above]!.trim());
    return [{ name: match[1]!, type: match[2]!, ...(match[3] ? { defaultValue: match[3].trim() } : {}), decorators }];
  });
}

/** The text between the braces that open on the first line matching `start`. */
export function block(bicep: string, start: RegExp): string {
  const from = bicep.search(start);
  if (from < 0) throw new Error(`No ${start} in the template`);
  const open = bicep.indexOf('{', from);
  let depth = 0;
  for (let at = open; at < bicep.length; at++) {
    if (bicep[at] === '{') depth++;
    if (bicep[at] === '}' && --depth === 0) return bicep.slice(open + 1, at);
  }
  throw new Error(`Unbalanced braces after ${start}`);
}

/** `key: expression` lines directly inside an object block (nested objects are skipped). */
export function objectEntries(body: string): Record<string, string> {
  const entries: Record<string, string> = {};
  let depth = 0;
  for (const line of body.split('\n')) {
    const match = depth === 0 ? /^\s*(\w+):\s*(.+?)\s*$/.exec(line) : null;
    if (match) entries[match[1]!] = match[2]!;
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return entries;
}

/** The template without declarations (but with defaults) and comments: where a parameter must be used. */
export function bodyWithoutDeclarations(bicep: string): string {
  return bicep
    .split('\n')
    .filter((line) => !/^\s*(@|\/\/)/.test(line))
    .map((line) => line.replace(/^param\s+\w+\s+\w+\s*(=\s*)?/, ''))
    .join('\n');
}
