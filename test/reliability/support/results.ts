import { SecretScanner } from "./secrets";

export type CallKind = "token" | "device code" | "create" | "read" | "update" | "delete" | "list";
export type FaultName = "429 + Retry-After" | "503" | "reset before" | "reset after" | "timeout" | "tokens expired";

/** One cell of the fault matrix, as it ran. */
export interface FaultCaseResult {
  id: string;
  /** The fleet it ran on (FleetVariant.label). */
  fleet: string;
  /** Whether tenants of that fleet share a certificate and an application. */
  sharedCertificates: boolean;
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
  /** Resources pointing at another tenant's organization, or several at one (Inventory.mismatches). */
  mismatches: string[];
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
  fleet: string;
  sharedCertificates: boolean;
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
  mismatches: string[];
  durationMs: number;
}

/** A device code signed in to another tenant than the organization that used it declares. */
export interface WrongTenantResult {
  fleet: string;
  /** The tenant the code was signed in to. */
  signedInTo: string;
  /** The first run stopped with the provider's message naming both tenants. */
  refused: boolean;
  message: string;
  /** The server held no organization of the wrong tenant afterwards, and the state none for it. */
  leftNothing: boolean;
  /** After a sign-in to the right tenant, the next run converged. */
  converged: boolean;
  mismatches: string[];
}

export interface TlsResult {
  case: string;
  refused: boolean;
  message: string;
  namesSettings: boolean;
  converged?: boolean;
}

/** One hostile input (hostile-input.test.ts) and what the product did with it. */
export interface HostileInputResult {
  id: string;
  area: string;
  refused: boolean;
  message: string;
  leaked: string[];
  halfCreated: string[];
  durationMs: number;
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
  wrongTenantSignIns: [] as WrongTenantResult[],
  tls: [] as TlsResult[],
  hostileInputs: [] as HostileInputResult[],
  audit: undefined as AuditResult | undefined,
  /** One scanner for the whole suite: every secret any part used is looked for everywhere. */
  secrets: new SecretScanner(),
  engineRuns: 0,
  pulumiVersion: "",
};
