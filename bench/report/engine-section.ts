import { OPERATIONS } from "../engine";
import { describeRun } from "./run-method";
import { mb, ratio, s, table } from "./table";
import type { BenchResults, SizeFigures } from "./types";

/** The sizes of `npm run bench`: importing and key-generating runs, and the requests. */
export function engineSection(results: BenchResults): string {
  const sizes = results.sizes ?? [];
  const method = results.method;
  return `## Engine floor and the provider, side by side

${method ? `Measured by ${describeRun("npm run bench", method)}; ${method.runsPerSize} run(s) per size (the importing pairs: ${sizes.map((size) => `${size.importedRuns ?? 0} at N = ${size.tenants}`).join(", ")}), medians.` : ""}

N tenants = N TenantCertificate + N Vb365Organization against the emulator (bench/consumer/tenants.ts),
next to the engine's floor (bench/consumer/noop.ts) in the same run: the same 2N resources with the
same dependencies (each organization takes its certificate's outputs), of a dynamic provider that
does nothing. Both programs run in a project that installs pulumi-vb365 from \`npm pack\`, as users
do. Seconds, wall clock of the Automation API call.

### Importing PFXs made before the run (the headline's work)

Ours imports each tenant's PFX; the floor carries the same PFX and password as its certificate's
secret inputs and outputs and its organization's inputs (see the headline).

${table(
  ["N", "operation", "floor (s)", "ours (s)", "ours / floor", "checkpoint after up, floor / ours (MB)"],
  sizes.filter((size) => size.importedOurs).flatMap((size) =>
    OPERATIONS.map((operation) => [
      size.tenants,
      operation,
      s(size.importedFloor![operation]),
      s(size.importedOurs![operation]),
      ratio(size.importedOurs![operation], size.importedFloor![operation]),
      operation === "up" ? `${mb(size.importedFloorStateBytes ?? 0)} / ${mb(size.importedOursStateBytes ?? 0)}` : "",
    ]),
  ),
)}

### Generating keys inside up (the previous headline's work)

Ours generates a 2048-bit key per tenant inside \`up\`. The floor's no-op certificate holds a secret
of ${results.floorPfxChars} characters (the length of the base64 PFX the provider makes for a tenant
of that program) and a password of ${results.floorPasswordChars}, made inside its create, and its
no-op organization takes both as inputs; the bare floor is the same no-op resources without them.
The time to generate N 2048-bit RSA keys concurrently in one process (as the provider does),
measured in a separate step of the same run, is reported and subtracted before the ratio: this is
upOverFloorRatioKeyGenerationSubtracted (${results.upOverFloorRatioKeyGenerationSubtracted ?? "not among the figures of the run above"} at N = 100), which
machine load moves, since the subtracted time and the up it is subtracted from are not the same
run's. Context at N = 100: against the bare floor it is ${results.upOverBareFloorRatio}; ours importing
the PFXs over this floor is ${results.upOverFloorRatioWithoutKeyGeneration} (upOverFloorRatioWithoutKeyGeneration; this floor has no imported input to carry).

${table(
  ["N", "operation", "floor (s)", "bare floor (s)", "ours (s)", "key generation (s)", "(ours − key generation) / floor"],
  sizes.flatMap((size) =>
    OPERATIONS.map((operation) => {
      const keys = operation === "up" ? size.keyGenerationMs : 0;
      return [size.tenants, operation, s(size.floor[operation]), s(size.bareFloor[operation]), s(size.ours[operation]), operation === "up" ? s(keys) : "", ratio(size.ours[operation] - keys, size.floor[operation])];
    }),
  ),
)}

### Requests per operation (emulator counters) and memory

Requests are counted by the emulator (\`counters()\`), reset before each operation; the most any run of the size made. Peak RSS is the kernel's VmHWM of the dynamic-provider processes this benchmark started (\`/proc/<pid>/status\`, descendants of the bench process only), polled every 100 ms during the key-generating \`up\`. The floor's own dynamic-provider process peaks at ${results.floorProviderPeakRssMb} MB at N = 100.

${table(
  ["N", "token requests in up", "requests in a no-change preview", "requests in refresh", "provider peak RSS in up (MB)", "floor's provider peak RSS (MB)"],
  sizes.map((size: SizeFigures) => [size.tenants, size.tokensPerUp, size.requestsPerNoChangePreview, size.refreshRequests, size.providerPeakRssMb.toFixed(0), size.floorProviderPeakRssMb.toFixed(0)]),
)}
${results.certificates ? `\n### Certificate against openssl\n\nbench/certificate-vs-openssl.ts: a 4096-bit TenantCertificate created by the provider against \`openssl req -x509 -newkey rsa:4096\` + \`openssl pkcs12 -export\` + base64, interleaved, medians of ${results.certificates.runs} runs: provider ${s(results.certificates.providerMedianMs)} s, openssl ${s(results.certificates.opensslMedianMs)} s (ratio ${results.certificateOverOpensslRatio}); without key generation ${results.certificates.withoutKeyGeneration.providerMedianMs.toFixed(1)} ms against ${results.certificates.withoutKeyGeneration.opensslMedianMs.toFixed(1)} ms.` : ""}`;
}
