import { describeRun } from "./run-method";
import { mb, s, table } from "./table";
import type { BenchResults, Headline } from "./types";

export function headlineSection(headline: Headline, results: BenchResults): string {
  const rows = headline.pairRatios.map((pairRatio, i) => [i + 1, i % 2 === 0 ? "floor" : "ours", s(headline.floorUpMs[i]!), s(headline.oursUpMs[i]!), pairRatio.toFixed(3)]);
  const command = headline.method.only === "ratio" ? "BENCH_ONLY=ratio npm run bench" : "npm run bench";
  return `## The headline: upOverFloorRatio

**${results.upOverFloorRatio}** (goal <= ${results.goals?.upOverFloorRatio}): the median, over ${headline.runs} pairs, of ours' \`pulumi up\` time over the floor's, ${headline.tenants} tenants, both timed in the same pair on the same work. Measured by ${describeRun(command, headline.method)}.

How it is measured, and why this way:

- **No key is generated in either timed up.** Before any timed run, the bench makes one PFX per tenant with the provider's own create path (\`createTenantCertificate\`: the tenant's subject, the defaults and a generated password), so the bytes are those the provider would have generated, and writes them to a file. Ours (bench/consumer/tenants.ts) imports tenant i's PFX (\`importPfxBase64\` and \`password\`, TenantCertificate's existing-PFX import); the floor (bench/consumer/noop.ts) reads the same file, and its no-op certificate takes the same PFX and password as secret inputs and outputs them, its no-op organization takes both as inputs. The two stacks therefore hold the same secret bytes in the same places, and what is left is the provider's work: checking the inputs, opening each PFX, the requests and the emulator answering them (in the bench process, on the same 2 CPUs), and the state ours keeps beyond the floor: the certificate's public facts and PEM, the organization's settings and what the server reported (${mb(headline.oursStateBytes)} MB of checkpoint after up against the floor's ${mb(headline.floorStateBytes)} MB). The floor's no-op provider is installed as a package and stored in state as a \`require\` of it, as ours is; serialized by value it would add ~1.4 KB of code to every input and output and flatter ours.
- **Why not generate keys on both sides, or subtract them:** RSA key generation is a random prime search whose time varies from run to run (medians of 15 runs against openssl ranged 0.52–1.12 between benches; see bench/run.ts), and it takes both CPUs from the engine while it runs. Subtracting a key-generation time measured in a separate run (the previous headline, kept below as upOverFloorRatioKeyGenerationSubtracted) let a quick bench on a loaded machine print 0.284 (issue #19); making the floor generate keys too would add that variance to both terms. The key generation itself is measured apart, against openssl (certificateOverOpensslRatio).
- **Why pairs:** each pair runs the floor and ours back to back, floor first in odd pairs and ours first in even ones, so that both see the same load and a load that rises or falls through a pair does not always favour one side. The headline is the median of the pairs' ratios, so one pair disturbed by other work cannot move it.

${table(["pair", "first", "floor up (s)", "ours up (s)", "ours / floor"], rows)}`;
}
