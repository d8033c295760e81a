import type { ValuesOf } from "../common/definition";
import type { BACKUP_JOB_FIELDS, BACKUP_JOB_OUTPUT_FIELDS } from "./definition";

// Read from the definition (definition.ts), where each field is described.

/** Plain (resolved) inputs of a Vb365BackupJob, as check outputs them. */
export type BackupJobInputs = ValuesOf<typeof BACKUP_JOB_FIELDS>;

export type BackupJobOutputs = BackupJobInputs & Required<ValuesOf<typeof BACKUP_JOB_OUTPUT_FIELDS>>;

export type JobItem = NonNullable<BackupJobInputs["selectedItems"]>[number];

export type JobSchedule = NonNullable<BackupJobInputs["schedule"]>;

/** A schedule's backupWindow or periodicallyWindow, as declared. */
export type JobWindow = NonNullable<JobSchedule["backupWindow"]>;

export type WindowSpan = JobWindow["allowed"][number];
