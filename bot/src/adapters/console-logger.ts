import type { Logger } from '../app/app-deps';
import { oneLine } from '../app/log-value';

/**
 * One line per event, whatever the message holds (line breaks are escaped, so no line can be forged).
 * Errors show their type and message only: never request bodies or headers.
 */
export function consoleLogger(quiet = false): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${oneLine(message)}`;
  return {
    info: (message) => {
      if (!quiet) console.log(line('info ', message));
    },
    warn: (message) => console.warn(line('warn ', message)),
    error: (message, error) => {
      const detail = error instanceof Error ? `: ${error.name}: ${error.message}` : '';
      console.error(line('error', `${message}${detail}`));
    },
  };
}
