import type * as pulumi from "@pulumi/pulumi";
import { diffByDefinition } from "../common/definition-diff";
import { BACKUP_JOB_FIELDS } from "./definition";
import type { BackupJobInputs, BackupJobOutputs } from "./types";

/**
 * Another organization or server means another job; everything else PUT changes in place. Items
 * are compared as declared (by name), so an object's id never shows as a change.
 */
export function diffBackupJob(olds: BackupJobOutputs, news: BackupJobInputs): pulumi.dynamic.DiffResult {
  return diffByDefinition(BACKUP_JOB_FIELDS, olds, news);
}
