import * as fs from "node:fs";
import * as path from "node:path";
import type { RequestLogEntry } from "../../../emulator";
import { type PulumiRun, spawnPulumi } from "../../helpers/pulumi-process";
import { FLEET_SIZE, type Fleet } from "./fleet";
import { isClean } from "./inventory";
import type { InterruptionResult } from "./results";

/** Each create takes this long on the server, so that the run is still busy when the signal comes. */
const CREATE_LATENCY_MS = 800;

type Step = InterruptionResult["recovery"][number];

/** When to send the signal: right after VB365 answered the create the predicate picks. */
export interface Moment {
  description: string;
  create: (entry: RequestLogEntry) => boolean;
}

function isCreate(entry: RequestLogEntry): boolean {
  return entry.kind === "organizations.create" && entry.status > 0 && entry.status < 300;
}

function body(entry: RequestLogEntry): Record<string, unknown> {
  return (entry.requestBody ?? {}) as Record<string, unknown>;
}

function usesLegacyProtocols(request: Record<string, unknown>): boolean {
  const settings = (request.exchangeOnlineSettings ?? {}) as { useApplicationOnlyAuth?: boolean; useMfa?: boolean };
  return settings.useApplicationOnlyAuth === false && settings.useMfa === true;
}

export const MOMENTS = {
  afterCreates: (n: number): Moment => {
    let seen = 0;
    return { description: `after ${n} of ${FLEET_SIZE} creates`, create: (entry) => isCreate(entry) && ++seen >= n };
  },
  /** tenant0 is made with a device code, which its create uses up. */
  afterDeviceCodeCreate: (): Moment => ({ description: "the moment VB365 added tenant0 (new application, device code)", create: (entry) => isCreate(entry) && !!body(entry).newApplicationName }),
  /** tenant2 authenticates with legacy protocols over the v7 connection: no certificate. */
  afterLegacyCreate: (): Moment => ({ description: "the moment VB365 added tenant2 (legacy protocols, no certificate)", create: (entry) => isCreate(entry) && usesLegacyProtocols(body(entry)) }),
};

function pendingOperations(fleet: Fleet): number {
  const checkpoint = JSON.parse(fleet.stack.stateText()) as { checkpoint?: { latest?: { pending_operations?: unknown[] } } };
  return checkpoint.checkpoint?.latest?.pending_operations?.length ?? 0;
}

function lockFiles(fleet: Fleet): string[] {
  const dir = path.join(fleet.stack.backendDir, ".pulumi", "locks");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".json"));
}

/**
 * The file backend writes a checkpoint, then its metadata file (`<stack>.json.attrs`). A SIGKILL
 * between the two leaves that file empty, and every command then stops with "failed to load
 * checkpoint: EOF" although the checkpoint itself is whole. Returns the files removed.
 */
function removeEmptyCheckpointMetadata(fleet: Fleet): string[] {
  const dir = path.dirname(fleet.stack.stateFilePath());
  const empty = fs.readdirSync(dir).filter((name) => name.endsWith(".attrs") && fs.statSync(path.join(dir, name)).size === 0);
  for (const name of empty) fs.rmSync(path.join(dir, name));
  return empty;
}

/** The organizations a `pulumi up` refused to take over, by the hint its error gives. */
function organizationsToAdopt(output: string): string[] {
  const names = [...output.matchAll(/The organization '([^']+)' has already been added\.[^\n]*set adoptExisting: true/g)].map((match) => match[1]);
  return [...new Set(names)].map((name) => name.replace(/\.onmicrosoft\.com$/, ""));
}

/**
 * `pulumi up` of the fleet, spawned as a pipeline runs it, signalled after a few creates, then
 * the recovery docs/reliability.md documents, step by step, until the fleet has converged.
 */
export async function interruptUp(fleet: Fleet, signal: "SIGINT" | "SIGKILL", moment: Moment): Promise<InterruptionResult> {
  const started = Date.now();
  const recovery: Step[] = [];
  const cli = async (args: string[], note?: string): Promise<PulumiRun> => {
    const run = await spawnPulumi(fleet.stack, args).done;
    fleet.scanCommand(`recovery after ${signal}: pulumi ${args.join(" ")}`, run.stdout + run.stderr);
    recovery.push({ step: `pulumi ${args.join(" ")}`, exitCode: run.code, ...(note ? { note } : {}) });
    return run;
  };

  fleet.emulator.injectFault({ kind: "organizations.create", latencyMs: CREATE_LATENCY_MS });
  const interrupted = spawnPulumi(fleet.stack, ["up", "--yes"]);
  let answered = 0;
  fleet.hooks.after(moment.create, 1, () => {
    answered = fleet.emulator.state().organizations.length;
    interrupted.interrupt(signal);
  });
  const exit = await interrupted.done;
  // A CI runner ends the job's other processes too: the provider and language host a SIGKILLed CLI leaves behind.
  const leftovers = interrupted.endLeftovers();
  fleet.hooks.clear();
  fleet.emulator.clearFaults();
  fleet.scanCommand(`pulumi up interrupted by ${signal}`, interrupted.output());

  const lockLeft = lockFiles(fleet).length > 0;
  const pending = pendingOperations(fleet);
  if (lockLeft) {
    let cancel = await cli(["cancel", "--yes"]);
    if (cancel.code !== 0 && /failed to load checkpoint: EOF/.test(cancel.stdout + cancel.stderr)) {
      const removed = removeEmptyCheckpointMetadata(fleet);
      recovery.push({ step: `rm ${removed.join(" ")} (empty checkpoint metadata)`, exitCode: removed.length ? 0 : 1 });
      cancel = await cli(["cancel", "--yes"]);
    }
  }
  if (pending > 0) await cli(["refresh", "--clear-pending-creates", "--yes"]);
  let up = await cli(["up", "--yes"]);
  // A failed run starts no further creates, so each run may name organizations the last one did not reach.
  const adopt: string[] = [];
  for (let round = 0; up.code !== 0 && round < 3; round++) {
    const named = organizationsToAdopt(up.stdout + up.stderr).filter((tenant) => !adopt.includes(tenant));
    if (named.length === 0) break;
    adopt.push(...named);
    await fleet.setAdopt(adopt);
    up = await cli(["up", "--yes"], `adoptExisting: true for ${named.join(", ")}, which the previous run named`);
  }
  if (adopt.length) await fleet.setAdopt([]);

  const inventory = fleet.inventory();
  const teamsAsDeclared = fleet.emulator.state().organizations.every((organization) => organization.isTeamsOnline === fleet.teamsOnline);
  return {
    fleet: fleet.variant.label,
    sharedCertificates: fleet.variant.certificates !== "per-tenant",
    signal,
    moment: moment.description,
    interruptedAfterCreates: answered,
    exit: `${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`}${leftovers ? `; ${leftovers} provider/language processes outlived it and were ended` : ""}`,
    pendingOperations: pending,
    lockLeft,
    recovery,
    converged: up.code === 0 && isClean(inventory) && teamsAsDeclared,
    duplicates: inventory.duplicates,
    orphans: inventory.orphans,
    mismatches: inventory.mismatches,
    durationMs: Date.now() - started,
  };
}
