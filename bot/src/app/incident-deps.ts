import type { SchoolCalendar } from '../domain/calendar/school-calendar';
import type { TimescaleSettings } from '../domain/incidents/incident-timescales';
import type { AppDeps } from './app-deps';

/** The incident log's use cases also need the school's working days and hours (timescales, due dates). */
export interface IncidentDeps extends AppDeps {
  calendar: SchoolCalendar;
  timescales: TimescaleSettings;
}
