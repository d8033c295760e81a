import { typeOfListEntry } from "../common/check";
import { objectSchema, unknownKeys } from "../common/definition";
import { once } from "../common/once";
import { BACKUP_JOB_FIELDS, itemKeys, scheduleKeys } from "./definition";

/** Structure and value checks of every input, built from the definition on first use (once.ts). */
export const backupJobInputsSchema = once(() => objectSchema(BACKUP_JOB_FIELDS, (issue) => unknownKeys(issue, (keys) => `is not an input of Vb365BackupJob (${keys.join(", ")})`)));

/** The inputs known where an unknown one was found: at the top, or in an item of its type. */
export function knownJobInputs(path: ReadonlyArray<PropertyKey>, raw: unknown): string[] {
  if (path.length === 0) return Object.keys(BACKUP_JOB_FIELDS);
  if (path.length === 1 && path[0] === "schedule") return scheduleKeys();
  const entry = typeOfListEntry(path, raw);
  return entry ? itemKeys(entry.type) : [];
}
