import type * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../client";
import { isUnknown, restoreUnknowns, structuralFailures, withoutUnknowns } from "../common/check";
import { withDefaultsOf } from "../common/definition";
import { plainInputs } from "../tenant-certificate/normalize";
import { BACKUP_JOB_FIELDS } from "./definition";
import { checkJobRules, scheduleWithDefaults } from "./rules";
import { backupJobInputsSchema, knownJobInputs } from "./schema";
import type { BackupJobInputs } from "./types";

/**
 * Validates and normalises a job's inputs at preview, before any request. Values still unknown
 * (the organization's id while it is being created) are passed through and assumed valid.
 */
export function checkBackupJob(news: Record<string, unknown>, apiVersion: ApiVersion | undefined): pulumi.dynamic.CheckResult<BackupJobInputs> {
  const raw = plainInputs(news);
  const parsed = backupJobInputsSchema().safeParse(withoutUnknowns(raw));
  if (!parsed.success) return { failures: structuralFailures(parsed.error.issues, raw, "Vb365BackupJob", knownJobInputs) };
  const inputs = withDefaultsOf(BACKUP_JOB_FIELDS, parsed.data);
  if (inputs.schedule && !isUnknown(raw.schedule)) inputs.schedule = scheduleWithDefaults(inputs.schedule);
  const failures = checkJobRules(restoreUnknowns(inputs, raw) as BackupJobInputs, apiVersion);
  if (failures.length) return { failures };
  return { inputs: restoreUnknowns(inputs, raw) as BackupJobInputs };
}
