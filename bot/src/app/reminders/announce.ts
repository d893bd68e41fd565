import type { FanOutReport, PlannedReminder } from './deliver-reminders';

/** Sends messages through the reminders' outbox and pace (durable, never twice). */
export type Announce = (run: string, planned: PlannedReminder[]) => Promise<FanOutReport>;
