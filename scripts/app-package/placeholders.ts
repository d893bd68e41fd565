/**
 * `${{NAME}}` placeholders, as the Teams Toolkit writes them in the app manifest, the Entra app
 * manifest, the ARM parameters and its yml files.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names a placeholder may leave empty: the app name's suffix is blank for the school's own environment. */
export const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export interface Resolved {
  text: string;
  /** Placeholders with no value (unset, or empty where a value is needed). */
  missing: string[];
}

/** Fills every placeholder; values are JSON-escaped when `json` is set, as they land inside JSON strings. */
export function resolvePlaceholders(text: string, values: Record<string, string>, { json = false } = {}): Resolved {
  const missing = placeholdersIn(text).filter((name) => values[name] === undefined || (values[name] === '' && !MAY_BE_EMPTY.has(name)));
  const resolved = text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name] ?? '';
    return json ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: resolved, missing };
}
