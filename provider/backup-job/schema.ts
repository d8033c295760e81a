import { typeOfListEntry } from "../common/check";
import { objectSchema, unknownKeys } from "../common/definition";
import { once } from "../common/once";
import { BACKUP_JOB_FIELDS, itemKeys, scheduleKeys, windowKeys, windowSpanKeys } from "./definition";

/** Structure and value checks of every input, built from the definition on first use (once.ts). */
export const backupJobInputsSchema = once(() => objectSchema(BACKUP_JOB_FIELDS, (issue) => unknownKeys(issue, (keys) => `is not an input of Vb365BackupJob (${keys.join(", ")})`)));

/** The inputs known where an unknown one was found: at the top, in the schedule and its windows, or in an item of its type. */
export function knownJobInputs(path: ReadonlyArray<PropertyKey>, raw: unknown): string[] {
  if (path.length === 0) return Object.keys(BACKUP_JOB_FIELDS);
  if (path[0] === "schedule") {
    if (path.length === 1) return scheduleKeys();
    if (path.length === 2) return windowKeys();
    if (path.length === 4) return windowSpanKeys();
  }
  const entry = typeOfListEntry(path, raw);
  return entry ? itemKeys(entry.type) : [];
}
