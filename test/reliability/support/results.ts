import { SecretScanner } from "./secrets";

export type CallKind = "token" | "device code" | "create" | "read" | "update" | "delete" | "list";
export type FaultName = "429 + Retry-After" | "503" | "reset before" | "reset after" | "timeout" | "tokens expired";

/** One cell of the fault matrix, as it ran. */
export interface FaultCaseResult {
  id: string;
  callKind: CallKind;
  fault: FaultName;
  /** Faults that never stop: the first run must fail clearly and the next one converge. */
  persistent: boolean;
  /** What exercised the call: "pulumi up (input change)", "pulumi refresh", ... */
  operation: string;
  /** How the faults were set: the emulator fault specs and mid-run actions, in words. */
  injected: string;
  /** Emulator firings of the injected faults (and mid-run actions taken). */
  fired: number;
  /** "converged on retry" when the first run succeeded; else "failed clearly, converged on the next run", or how it went wrong. */
  outcome: string;
  /** The first line of the error the first run stopped with, if it did. */
  firstRunError?: string;
  runs: number;
  converged: boolean;
  duplicates: number;
  orphans: string[];
  missing: string[];
  stale: string[];
  requests: Record<string, number>;
  durationMs: number;
}

/** One bad input and what stopped it. */
export interface BadInputResult {
  id: string;
  target: "tenants.yaml" | "TenantCertificate" | "Vb365Organization" | "vb365: config";
  /** "check" (the provider's or the program's validation, called directly) or "pulumi preview". */
  through: "check" | "pulumi preview";
  field: string;
  message: string;
  namesField: boolean;
  saysWhatIsValid: boolean;
  apiCalls: number;
  stateUnchanged: boolean;
  caught: boolean;
}

export interface InterruptionResult {
  signal: "SIGINT" | "SIGKILL";
  /** When the signal was sent. */
  moment: string;
  /** Organizations the server had answered for when the signal was sent. */
  interruptedAfterCreates: number;
  exit: string;
  /** Left in the checkpoint by the interrupted run. */
  pendingOperations: number;
  lockLeft: boolean;
  /** Each recovery command as run, with its exit code. */
  recovery: Array<{ step: string; exitCode: number | null; note?: string }>;
  converged: boolean;
  duplicates: number;
  orphans: string[];
  durationMs: number;
}

export interface TlsResult {
  case: string;
  refused: boolean;
  message: string;
  namesSettings: boolean;
  converged?: boolean;
}

export interface AuditResult {
  command: string;
  /** High plus critical findings; null when the audit could not run. */
  highOrCritical: number | null;
  bySeverity?: Record<string, number>;
  /** Why there is no number, in the registry's words. */
  unavailable?: string;
}

/** Everything the suite measured, written to reliability.json and docs/reliability.md at the end. */
export const results = {
  startedAt: Date.now(),
  faultCases: [] as FaultCaseResult[],
  badInputs: [] as BadInputResult[],
  interruptions: [] as InterruptionResult[],
  tls: [] as TlsResult[],
  audit: undefined as AuditResult | undefined,
  /** One scanner for the whole suite: every secret any part used is looked for everywhere. */
  secrets: new SecretScanner(),
  engineRuns: 0,
  pulumiVersion: "",
};
