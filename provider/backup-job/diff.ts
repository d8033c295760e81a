import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../common/check";
import { type FieldMeta, namesWhere } from "../common/definition";
import { BACKUP_JOB_FIELDS } from "./definition";
import type { BackupJobInputs, BackupJobOutputs } from "./types";

const REPLACING = namesWhere(BACKUP_JOB_FIELDS, (candidate) => candidate.change === "replace");
const IN_PLACE = namesWhere(BACKUP_JOB_FIELDS, (candidate) => candidate.change === "update");

/**
 * Another organization or server means another job; everything else PUT changes in place. Items
 * are compared as declared (by name), so an object's id never shows as a change.
 */
export function diffBackupJob(olds: BackupJobOutputs, news: BackupJobInputs): pulumi.dynamic.DiffResult {
  const replaces = REPLACING.filter((key) => changed(olds[key], news[key], BACKUP_JOB_FIELDS[key]));
  const updates = IN_PLACE.filter((key) => changed(olds[key], news[key], BACKUP_JOB_FIELDS[key]));
  return { changes: replaces.length > 0 || updates.length > 0, replaces };
}

function changed(before: unknown, after: unknown, field: FieldMeta): boolean {
  if (isUnknown(after)) return true;
  return JSON.stringify(before ?? field.default ?? null) !== JSON.stringify(after ?? field.default ?? null);
}
