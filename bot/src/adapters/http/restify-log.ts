import type { Logger } from '../../app/app-deps';

/**
 * restify's own logger, cut down to its messages. restify attaches whole requests and responses
 * (raw headers included: tokens, cookies, the job secret) to what it logs; only the message string
 * it gives is passed on.
 */
export function restifyLog(log: Logger): object {
  const messageOf = (args: unknown[]) => {
    const message = args.find((arg): arg is string => typeof arg === 'string');
    return `restify: ${message ?? 'an event without a message'}`;
  };
  const quiet = () => undefined;
  const logger = {
    level: 'warn',
    trace: quiet,
    debug: quiet,
    info: quiet,
    warn: (...args: unknown[]) => log.warn(messageOf(args)),
    error: (...args: unknown[]) => log.error(messageOf(args)),
    fatal: (...args: unknown[]) => log.error(messageOf(args)),
    child: () => logger,
  };
  return logger;
}
