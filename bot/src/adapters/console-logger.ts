import type { Logger } from '../app/app-deps';

/** One line per event. Errors show their type and message only: never request bodies or headers. */
export function consoleLogger(quiet = false): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${message}`;
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
