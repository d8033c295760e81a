import type { FaultCase } from "./fault-cases";
import { OPERATION_NAMES } from "./fault-cases";
import type { EngineRun, Fleet } from "./fleet";
import { isClean } from "./inventory";
import type { FaultCaseResult } from "./results";

/**
 * A failure a user can act on: the provider's own sentence, naming the call (method and path)
 * and what happened, never a bare gRPC "Unknown Error" or an object dump.
 */
export function isClearFailure(message: string): boolean {
  return /VB365 (GET|POST|PUT|DELETE) \/v\d+\/\S+ failed/.test(message) && !/Unknown Error|\[object Object\]|\bundefined\b/.test(message);
}

export function firstLine(message: string | undefined): string | undefined {
  return message
    ?.split("\n")
    .map((line) => line.trim())
    .find((line) => /VB365|error/i.test(line) && line.length > 0);
}

function disarm(fleet: Fleet): void {
  fleet.emulator.clearFaults();
  fleet.hooks.clear();
}

async function operate(fleet: Fleet, fault: FaultCase, attempt: number): Promise<EngineRun> {
  const name = `${fault.id} (run ${attempt})`;
  switch (fault.operation) {
    case "refresh":
      return fleet.refresh(name);
    case "delete":
      return fleet.destroyOrganizations(name);
    default:
      return fleet.up(name);
  }
}

/** The outcome after one or two attempts, in the words of the report. */
function outcomeOf(firstOk: boolean, firstError: string | undefined, lastOk: boolean, lastError: string | undefined): { outcome: string; clear: boolean } {
  if (firstOk) return { outcome: "converged on retry within the run", clear: true };
  const clear = isClearFailure(firstError ?? "");
  if (!lastOk) return { outcome: `failed again on the next run: ${firstLine(lastError) ?? "no message"}`, clear };
  return { outcome: clear ? "failed with a clear message, converged on the next run" : "converged on the next run, but the first failure was unclear", clear };
}

/** Runs one fault case of an engine operation and judges it. */
export async function runFaultCase(fleet: Fleet, fault: FaultCase): Promise<FaultCaseResult> {
  const started = Date.now();
  fleet.emulator.resetCounters();
  if (fault.operation === "update") await fleet.toggleTeams();
  const armed = fault.arm(fleet);
  const first = await operate(fleet, fault, 1);
  const fired = armed.fired();
  const requests = fleet.emulator.counters().byKind;
  disarm(fleet);
  const last = first.ok ? first : await operate(fleet, fault, 2);
  const { outcome, clear } = outcomeOf(first.ok, first.error, last.ok, last.error);
  return judge(fleet, fault, { started, injected: armed.description, fired, requests, runs: first.ok ? 1 : 2, outcome, firstRunError: first.ok ? undefined : firstLine(first.error), ok: last.ok && clear });
}

/**
 * The device-code call as `vb365 device-code` makes it: the library under the fault, run once
 * more without it if it failed. The code it returns is used by the create that follows, which
 * `finishDeviceCodeCase` checks.
 */
export async function runDeviceCodeCase(fleet: Fleet, fault: FaultCase): Promise<{ result: FaultCaseResult; userCode: string }> {
  const started = Date.now();
  fleet.emulator.resetCounters();
  const armed = fault.arm(fleet);
  let firstError: string | undefined;
  let userCode: string | undefined;
  try {
    userCode = await fleet.signIn();
  } catch (error) {
    firstError = error instanceof Error ? error.message : String(error);
  }
  const fired = armed.fired();
  const requests = fleet.emulator.counters().byKind;
  disarm(fleet);
  let lastError = firstError;
  if (firstError !== undefined) {
    try {
      userCode = await fleet.signIn();
      lastError = undefined;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  const { outcome, clear } = outcomeOf(firstError === undefined, firstError, lastError === undefined, lastError);
  const result: FaultCaseResult = {
    id: fault.id,
    fleet: fleet.variant.label,
    sharedCertificates: fleet.variant.certificates !== "per-tenant",
    callKind: fault.callKind,
    fault: fault.fault,
    persistent: fault.persistent,
    operation: OPERATION_NAMES[fault.operation],
    injected: armed.description,
    fired,
    outcome,
    firstRunError: firstLine(firstError),
    runs: firstError === undefined ? 1 : 2,
    converged: lastError === undefined && clear && fired > 0,
    duplicates: 0,
    orphans: [],
    missing: [],
    stale: [],
    mismatches: [],
    requests,
    durationMs: Date.now() - started,
  };
  return { result, userCode: userCode ?? "" };
}

/** After the create that used the code: the organization of tenant0 exists, made with that very code. */
export function finishDeviceCodeCase(fleet: Fleet, result: FaultCaseResult, userCode: string): FaultCaseResult {
  const used = fleet.emulator.deviceCodes().find((code) => code.userCode === userCode)?.used ?? false;
  const inventory = fleet.inventory();
  return {
    ...result,
    converged: result.converged && used && isClean(inventory),
    outcome: used ? result.outcome : `${result.outcome}; but the code was not used by the create that followed`,
    duplicates: inventory.duplicates,
    orphans: inventory.orphans,
    missing: inventory.missing,
    stale: inventory.stale,
    mismatches: inventory.mismatches,
  };
}

interface Observed {
  started: number;
  injected: string;
  fired: number;
  requests: Record<string, number>;
  runs: number;
  outcome: string;
  firstRunError: string | undefined;
  /** The last run succeeded, and a failed first run failed clearly. */
  ok: boolean;
}

function judge(fleet: Fleet, fault: FaultCase, observed: Observed): FaultCaseResult {
  const expected = fault.operation === "delete" ? [] : fleet.declared();
  const inventory = fleet.inventory(expected);
  const organizations = fleet.emulator.state().organizations;
  const teamsAsDeclared = organizations.every((organization) => organization.isTeamsOnline === fleet.teamsOnline);
  const certificatesKept = fleet.certificates() === fleet.expectedCertificates;
  const converged = observed.ok && isClean(inventory) && teamsAsDeclared && certificatesKept && observed.fired > 0;
  let outcome = observed.outcome;
  if (observed.fired === 0) outcome += "; the fault never fired, so nothing was proven";
  if (!teamsAsDeclared) outcome += "; isTeamsOnline on the server differs from the program";
  if (!certificatesKept) outcome += "; certificates were lost";
  if (inventory.mismatches.length) outcome += `; resources point at another tenant's organization: ${inventory.mismatches.join(", ")}`;
  return {
    id: fault.id,
    fleet: fleet.variant.label,
    sharedCertificates: fleet.variant.certificates !== "per-tenant",
    callKind: fault.callKind,
    fault: fault.fault,
    persistent: fault.persistent,
    operation: OPERATION_NAMES[fault.operation],
    injected: observed.injected,
    fired: observed.fired,
    outcome,
    firstRunError: observed.firstRunError,
    runs: observed.runs,
    converged,
    duplicates: inventory.duplicates,
    orphans: inventory.orphans,
    missing: inventory.missing,
    stale: inventory.stale,
    mismatches: inventory.mismatches,
    requests: observed.requests,
    durationMs: Date.now() - observed.started,
  };
}
