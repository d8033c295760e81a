import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiBinDir } from "../../helpers/pulumi-cli";
import { measuredPart, writeReliabilityReport } from "./report-files";
import { results } from "./results";
import { disposeSharedFleets } from "./shared-fleet";

/**
 * Root hooks of the reliability suite: the clock starts before the first spec, and after the
 * last one the fleets go and what was measured is written, whatever passed or failed, so the
 * files always show the last run as it was. A process that is one part of a run
 * (test/reliability/run.ts sets RELIABILITY_PART_FILE) writes its part for the runner to merge;
 * a process on its own writes the report (support/report-files.ts).
 */
export const mochaHooks = {
  beforeAll(): void {
    results.startedAt = Date.now();
    results.pulumiVersion = execFileSync(path.join(pulumiBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
  },
  async afterAll(): Promise<void> {
    await disposeSharedFleets();
    const partFile = process.env.RELIABILITY_PART_FILE;
    if (partFile) {
      fs.mkdirSync(path.dirname(partFile), { recursive: true });
      fs.writeFileSync(partFile, `${JSON.stringify(measuredPart(results), null, 2)}\n`);
    } else {
      writeReliabilityReport(results, Date.now(), process.argv.includes("--write-report"));
    }
  },
};
