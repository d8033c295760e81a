import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { StoredApplication } from "./entra";
import type { Inventory } from "./inventory";
import type { StoredJob, StoredOrganization, StoredRepository, StoredRole } from "./model";

/** What `--state-file` holds. Tokens and device codes are not kept: a restart signs everybody out (decided). */
export interface PersistedState {
  format: "vb365-emulator-state";
  version: 1;
  savedAt: string;
  organizations: StoredOrganization[];
  /** By organization id; absent in files written before inventories existed. */
  inventories?: Record<string, Inventory>;
  jobs: StoredJob[];
  repositories: StoredRepository[];
  /** Restore operator roles; absent in files written before roles existed. */
  roles?: StoredRole[];
  /** Entra applications with the certificates they trust; absent in files written before they existed. */
  applications?: StoredApplication[];
}

// Only the envelope is checked: the records are the emulator's own output.
function envelope() {
  return z.object({
    format: z.literal("vb365-emulator-state"),
    version: z.literal(1),
    organizations: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
    inventories: z.record(z.string(), z.object({ users: z.array(z.unknown()), groups: z.array(z.unknown()), sites: z.array(z.unknown()), teams: z.array(z.unknown()) })).optional(),
    jobs: z.array(z.object({ id: z.string(), organizationId: z.string() }).passthrough()),
    repositories: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
    roles: z.array(z.object({ id: z.string(), organizationId: z.string() }).passthrough()).optional(),
    applications: z.array(z.object({ applicationId: z.string(), certificates: z.array(z.unknown()) }).passthrough()).optional(),
  });
}

/** Reads the state file; `undefined` when it does not exist yet. */
export function loadState(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The state file ${file} is not valid JSON (${(error as Error).message}). Delete it or point --state-file elsewhere.`);
  }
  const result = envelope().safeParse(parsed);
  if (!result.success) {
    throw new Error(`The state file ${file} was not written by vb365-emulator (${result.error.issues[0]?.message}). Delete it or point --state-file elsewhere.`);
  }
  return parsed as PersistedState;
}

/** Writes atomically (temp file + rename), so a crash never leaves half a file behind. */
export function saveState(file: string, state: Omit<PersistedState, "format" | "version" | "savedAt">): void {
  const full: PersistedState = { format: "vb365-emulator-state", version: 1, savedAt: new Date().toISOString(), ...state };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
