import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { School } from '../../domain/school/school';

export interface TeamsDeps extends AppDeps {
  background: BackgroundTasks;
  school: School;
  /** A fresh random key for each form card (see submissionKey). */
  newKey(): string;
}
