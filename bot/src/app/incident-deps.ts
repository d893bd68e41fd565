import type { TimescaleSettings } from '../domain/incidents/incident-timescales';
import type { AppDeps } from './app-deps';

/** The incident log's use cases also need the school's working hours (the working days are the stored term dates). */
export interface IncidentDeps extends AppDeps {
  timescales: TimescaleSettings;
}
