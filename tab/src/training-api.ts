export type { ComplianceRow, DueStatus, TrainingOverview, TrainingRecord } from '../../bot/src/contracts/training';
