import { DEBUG_LOG } from "./engine-scan";
import type { AuditResult, BadInputResult, FaultCaseResult, HostileInputResult, InterruptionResult, TlsResult, WrongTenantResult } from "./results";
import type { SecretFinding } from "./secrets";

/** What a run measured: the suite's `results`, or the parts of a run merged (report-files.ts). */
export interface Measured {
  startedAt: number;
  pulumiVersion: string;
  faultCases: FaultCaseResult[];
  badInputs: BadInputResult[];
  interruptions: InterruptionResult[];
  wrongTenantSignIns: WrongTenantResult[];
  tls: TlsResult[];
  hostileInputs: HostileInputResult[];
  audit: AuditResult | undefined;
  secrets: { readonly size: number; scans: number; readonly findings: SecretFinding[] };
  engineRuns: number;
}

/** The reliability figures, computed from what the suite recorded (never typed in). */
export function reliabilityFigures(measured: Measured, finishedAt: number) {
  const faults = measured.faultCases;
  const kills = measured.interruptions.filter((run) => run.signal === "SIGKILL");
  const interrupts = measured.interruptions.filter((run) => run.signal === "SIGINT");
  const badInputs = measured.badInputs;
  const hostile = measured.hostileInputs;
  const findings = measured.secrets.findings.filter((finding) => finding.location !== DEBUG_LOG);
  const debugFindings = measured.secrets.findings.filter((finding) => finding.location === DEBUG_LOG);
  return {
    generatedBy: "npm run test:reliability -- --write-report (test/reliability); do not edit by hand",
    generatedAt: new Date(finishedAt).toISOString(),
    suiteRuntimeSeconds: Math.round((finishedAt - measured.startedAt) / 1000),
    pulumiCli: measured.pulumiVersion,
    faultCases: faults.length,
    faultCasesConverged: faults.filter((result) => result.converged).length,
    faultCasesConvergedOnRetry: faults.filter((result) => result.converged && result.runs === 1).length,
    faultCasesFailedClearlyThenConverged: faults.filter((result) => result.converged && result.runs === 2).length,
    duplicates: faults.reduce((sum, result) => sum + result.duplicates, 0) + measured.interruptions.reduce((sum, run) => sum + run.duplicates, 0),
    orphans: faults.reduce((sum, result) => sum + result.orphans.length, 0) + measured.interruptions.reduce((sum, run) => sum + run.orphans.length, 0),
    sharedCertificateCases: faults.filter((result) => result.sharedCertificates).length + measured.interruptions.filter((run) => run.sharedCertificates).length,
    crossTenantMismatches:
      faults.reduce((sum, result) => sum + result.mismatches.length, 0) +
      measured.interruptions.reduce((sum, run) => sum + run.mismatches.length, 0) +
      measured.wrongTenantSignIns.reduce((sum, run) => sum + run.mismatches.length, 0),
    wrongTenantSignIns: measured.wrongTenantSignIns.length,
    wrongTenantSignInsRefused: measured.wrongTenantSignIns.filter((run) => run.refused && run.leftNothing).length,
    killedUpConverged: kills.length > 0 && kills.every((run) => run.converged),
    interruptedUpConverged: interrupts.length > 0 && interrupts.every((run) => run.converged),
    badInputs: badInputs.length,
    badInputsCaughtAtPreview: badInputs.filter((result) => result.caught).length,
    badInputsThroughPulumiPreview: badInputs.filter((result) => result.through === "pulumi preview").length,
    apiCallsDuringBadInputs: badInputs.reduce((sum, result) => sum + result.apiCalls, 0),
    hostileInputs: hostile.length,
    hostileInputsRefusedWithin2s: hostile.filter((result) => result.refused && result.durationMs < 2_000).length,
    hostileInputsSlowestMs: hostile.reduce((slowest, result) => Math.max(slowest, result.durationMs), 0),
    hostileInputsLeaking: hostile.filter((result) => result.leaked.length > 0).length,
    hostileInputsHalfCreated: hostile.filter((result) => result.halfCreated.length > 0).length,
    hostileInputsByArea: Object.fromEntries([...new Set(hostile.map((result) => result.area))].map((area) => [area, hostile.filter((result) => result.area === area).length])),
    plaintextSecretsFound: findings.length,
    secretsInPulumiDebugLog: debugFindings.length,
    secretValuesLookedFor: measured.secrets.size,
    placesScannedForSecrets: measured.secrets.scans,
    engineRuns: measured.engineRuns,
    tlsRefusedUntilTrusted: measured.tls.length > 0 && measured.tls.every((result) => result.namesSettings && (result.refused || result.converged === true)),
    npmAuditHighOrCritical: measured.audit?.highOrCritical ?? null,
    npmAudit: measured.audit ?? { command: "npm audit --omit=dev", highOrCritical: null, unavailable: "not run" },
    details: {
      faultCases: faults,
      interruptions: measured.interruptions,
      wrongTenantSignIns: measured.wrongTenantSignIns,
      badInputs,
      hostileInputs: hostile,
      tls: measured.tls,
      secretFindings: findings,
      // What kinds of secret the SDK's debug log held, without the thousands of single findings.
      pulumiDebugLog: [...new Set(debugFindings.map((finding) => finding.secret.replace(/ of .*$/, "")))],
    },
  };
}

export type ReliabilityFigures = ReturnType<typeof reliabilityFigures>;
