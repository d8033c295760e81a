import type { ReliabilityFigures } from "./report";
import { DEBUG_LOG_NOTE, INTERRUPTED_RUN, METHOD, WRONG_TENANT } from "./report-text";
import type { CallKind, FaultCaseResult, FaultName } from "./results";

const CALLS: CallKind[] = ["token", "device code", "create", "read", "update", "delete", "list"];
const FAULTS: FaultName[] = ["429 + Retry-After", "503", "reset before", "reset after", "timeout", "tokens expired"];

/** Table cells hold no pipes or line breaks. */
function cell(text: string | number | undefined): string {
  return String(text ?? "").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function row(cells: Array<string | number | undefined>): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

function table(header: string[], rows: Array<Array<string | number | undefined>>): string {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
}

function mark(result: FaultCaseResult | undefined): string {
  if (!result) return "–";
  if (!result.converged) return "✗ not converged";
  return result.runs === 1 ? "✓ retried" : "✓ next run";
}

function requests(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
}

function yes(value: boolean): string {
  return value ? "yes" : "**no**";
}

function summary(figures: ReliabilityFigures): string {
  const audit = figures.npmAudit.highOrCritical === null ? `not known: ${figures.npmAudit.unavailable}` : String(figures.npmAudit.highOrCritical);
  return table(
    ["Figure (reliability.json)", "Measured", "Required"],
    [
      ["faultCases", figures.faultCases, "≥ 30"],
      ["faultCasesConverged", figures.faultCasesConverged, `= faultCases (${figures.faultCasesConvergedOnRetry} on retry within the run, ${figures.faultCasesFailedClearlyThenConverged} failed clearly and converged on the next run)`],
      ["duplicates", figures.duplicates, "0"],
      ["orphans", figures.orphans, "0"],
      ["sharedCertificateCases", figures.sharedCertificateCases, "fault and kill cases on fleets whose tenants share a certificate and an application"],
      ["crossTenantMismatches", figures.crossTenantMismatches, "0"],
      ["wrongTenantSignInsRefused", figures.wrongTenantSignInsRefused, `= wrong-tenant sign-ins (${figures.wrongTenantSignIns})`],
      ["killedUpConverged", yes(figures.killedUpConverged), "yes"],
      ["interruptedUpConverged (SIGINT)", yes(figures.interruptedUpConverged), "yes"],
      ["badInputs", figures.badInputs, `≥ 40 (${figures.badInputsThroughPulumiPreview} of them through a real pulumi preview)`],
      ["badInputsCaughtAtPreview", figures.badInputsCaughtAtPreview, "= badInputs"],
      ["apiCallsDuringBadInputs", figures.apiCallsDuringBadInputs, "0"],
      ["hostileInputs", figures.hostileInputs, `every case of the hostile-input section (${Object.entries(figures.hostileInputsByArea).map(([area, count]) => `${area} ${count}`).join(", ")})`],
      ["hostileInputsRefusedWithin2s", figures.hostileInputsRefusedWithin2s, `= hostileInputs (slowest ${figures.hostileInputsSlowestMs} ms)`],
      ["hostileInputsLeaking", figures.hostileInputsLeaking, "0"],
      ["hostileInputsHalfCreated", figures.hostileInputsHalfCreated, "0"],
      ["plaintextSecretsFound", figures.plaintextSecretsFound, `0 (${figures.secretValuesLookedFor} secret values, ${figures.placesScannedForSecrets} places scanned after ${figures.engineRuns} engine runs)`],
      ["secretsInPulumiDebugLog", figures.secretsInPulumiDebugLog, "reported, not the provider's: see Secrets"],
      ["tlsRefusedUntilTrusted", yes(figures.tlsRefusedUntilTrusted), "yes"],
      ["npmAuditHighOrCritical", audit, "0"],
    ],
  );
}

function matrix(cases: FaultCaseResult[]): string {
  const find = (call: CallKind, fault: FaultName) => cases.find((result) => result.callKind === call && result.fault === fault && !result.persistent);
  return table(
    ["Call \\ fault", ...FAULTS],
    CALLS.map((call) => [call, ...FAULTS.map((fault) => mark(find(call, fault)))]),
  );
}

/** One matrix per fleet, in the order the fleets ran. */
function matrices(cases: FaultCaseResult[]): string {
  const fleets = [...new Set(cases.map((result) => result.fleet))];
  return fleets.map((fleet) => `**${fleet}**\n\n${matrix(cases.filter((result) => result.fleet === fleet))}`).join("\n\n");
}

function faultDetails(cases: FaultCaseResult[]): string {
  return table(
    ["Fleet", "Case", "Injected", "Fired", "Runs", "Outcome", "First run's error", "Requests of the first run", "Time"],
    cases.map((result) => [
      result.fleet.split(":")[0],
      result.id,
      result.injected,
      result.fired,
      result.runs,
      result.outcome,
      result.firstRunError ?? "",
      requests(result.requests),
      `${(result.durationMs / 1000).toFixed(1)} s`,
    ]),
  );
}

function interruptions(figures: ReliabilityFigures): string {
  return table(
    ["Fleet", "Signal", "When", "CLI", "Pending operations", "Lock left", "Recovery as run (exit code)", "Converged", "Duplicates", "Orphans", "Mismatches"],
    figures.details.interruptions.map((run) => [
      run.fleet.split(":")[0],
      run.signal,
      run.moment,
      run.exit,
      run.pendingOperations,
      run.lockLeft ? "yes" : "no",
      run.recovery.map((step) => `\`${step.step}\` (${step.exitCode})${step.note ? ` – ${step.note}` : ""}`).join("; "),
      yes(run.converged),
      run.duplicates,
      run.orphans.length,
      run.mismatches.length,
    ]),
  );
}

function wrongTenant(figures: ReliabilityFigures): string {
  return table(
    ["Fleet", "Signed in to", "Refused", "Left nothing", "Then converged", "What the user reads"],
    figures.details.wrongTenantSignIns.map((run) => [run.fleet.split(":")[0], run.signedInTo, yes(run.refused), yes(run.leftNothing), yes(run.converged), run.message]),
  );
}

function badInputs(figures: ReliabilityFigures): string {
  return table(
    ["Input", "Through", "Case", "Error (as the user reads it)", "Requests", "State"],
    figures.details.badInputs.map((result) => [
      result.target,
      result.through,
      result.id,
      `${result.caught ? "" : "**not caught:** "}${result.message.split("\n").slice(0, 3).join(" ")}`,
      result.apiCalls,
      result.stateUnchanged ? "unchanged" : "**changed**",
    ]),
  );
}

function hostileInputs(figures: ReliabilityFigures): string {
  return table(
    ["Area", "Case", "Refused", "ms", "Leaked", "Left behind", "What the caller reads"],
    figures.details.hostileInputs.map((result) => [
      result.area,
      result.id,
      yes(result.refused),
      result.durationMs,
      result.leaked.length === 0 ? "nothing" : `**${result.leaked.join(", ")}**`,
      result.halfCreated.length === 0 ? "nothing" : `**${result.halfCreated.join(", ")}**`,
      result.message.split("\n").slice(0, 2).join(" "),
    ]),
  );
}

function secrets(figures: ReliabilityFigures): string {
  const findings = figures.details.secretFindings;
  if (findings.length === 0) return "No secret value was found in any of these places.";
  return table(
    ["Run", "Where", "Secret"],
    findings.map((finding) => [finding.run, finding.location, finding.secret]),
  );
}

function tls(figures: ReliabilityFigures): string {
  return table(
    ["Case", "Refused", "Converged", "What the user reads"],
    figures.details.tls.map((result) => [result.case, result.refused ? "yes" : "no", result.converged === undefined ? "–" : yes(result.converged), result.message]),
  );
}

/** docs/reliability.md, rewritten whole by every run of the suite. */
export function reliabilityMarkdown(figures: ReliabilityFigures): string {
  const audit = figures.npmAudit;
  return `# Reliability and security

<!-- Generated by npm run test:reliability -- --write-report (test/reliability/support/report-markdown.ts); edits are overwritten. -->

Written by \`npm run test:reliability -- --write-report\` on ${figures.generatedAt} with Pulumi CLI ${figures.pulumiCli}; the
suite ran for ${figures.suiteRuntimeSeconds} s. The same figures, with every case, are in
[reliability.json](../reliability.json).

${summary(figures)}

## Method

${METHOD}

## Fault matrix

"✓ retried": the run converged on its own, retrying or recovering; "✓ next run": it stopped with a
clear message and the next run converged.

${matrices(figures.details.faultCases)}

Every case, persistent ones included:

${faultDetails(figures.details.faultCases)}

## When a run is interrupted

${INTERRUPTED_RUN}

The suite spawns \`pulumi up --yes\` itself (the Automation API's environment: file backend,
passphrase, private PULUMI_HOME), signals it the moment the emulator has answered a given create
(each create takes 0.8 s), then runs the recovery above, step by step, as far as the output asks:

${interruptions(figures)}

## A device code signed in to another tenant

${WRONG_TENANT}

${wrongTenant(figures)}

## Bad input

${badInputs(figures)}

## Hostile input

What an attacker, a hostile server or a careless caller hands the product: PFX files built to
burn CPU, oversized and malformed bodies, secrets echoed back by a server, shared certificates
that could bind one tenant's resource to another's organization, secret marks a program added,
plain HTTP, a browser page reaching the emulator's control API. Each case must be refused or
contained within 2 s, leak no secret and leave nothing half-made.

${hostileInputs(figures)}

## Secrets

${secrets(figures)}

${DEBUG_LOG_NOTE}

## TLS

${tls(figures)}

## npm audit

\`${audit.command}\`: ${audit.highOrCritical === null ? `no figure: ${audit.unavailable}.` : `${audit.highOrCritical} high or critical advisories (${JSON.stringify(audit.bySeverity)}).`}
`;
}
