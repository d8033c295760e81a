import type * as pulumi from "@pulumi/pulumi";
import { type OutputProperties, resourceProperties, Vb365DynamicResource } from "../common/dynamic-resource";
import type { InputsOf } from "../common/inputs";
import { BACKUP_JOB_FIELDS, BACKUP_JOB_OUTPUT_FIELDS } from "./definition";
import type { BackupJobInputs, BackupJobOutputs } from "./types";
// One provider object for every resource of this type; the state stores only a reference to it.
import provider = require("../runtime/backup-job-stub");


/** Arguments of {@link Vb365BackupJob}: the inputs of its definition (definition.ts), each described there. */
export type Vb365BackupJobArgs = InputsOf<BackupJobInputs>;

/**
 * A backup job of a VB365 organization: the whole organization or selected users, groups, sites
 * and Teams, into a repository, on a schedule. Objects are named as people know them (a UPN, a
 * site's URL) and resolved in the organization when the job is created or changed; one that
 * resolves to nothing fails before anything is created.
 *
 * @example
 * new Vb365BackupJob("contoso-exchange", {
 *   organizationId: org.organizationId,
 *   repositoryName: "Default Backup Repository",
 *   backupType: "SelectedItems",
 *   selectedItems: [{ type: "PartialOrganization", mailbox: true, archiveMailbox: true }],
 *   schedule: {
 *     type: "Daily",
 *     dailyTime: "22:00",
 *     // Nights and weekends: a run still going at 06:00 on a workday is stopped.
 *     backupWindow: { allowed: [{ days: "Everyday", from: "20:00", to: "06:00" }, { days: "Weekends", from: "00:00", to: "24:00" }] },
 *   },
 * });
 */
export class Vb365BackupJob extends Vb365DynamicResource {
  constructor(name: string, args: Vb365BackupJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, resourceProperties(BACKUP_JOB_FIELDS, BACKUP_JOB_OUTPUT_FIELDS, args, name), opts, "vb365", "BackupJob");
  }
}

/** Every output the state keeps (definition.ts) as a property: the inputs and what the server assigns. */
export interface Vb365BackupJob extends OutputProperties<BackupJobOutputs> {}
