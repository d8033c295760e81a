import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiBinDir } from "../../helpers/pulumi-cli";
import { reliabilityMarkdown } from "./report-markdown";
import { reliabilityFigures } from "./report";
import { results } from "./results";
import { disposeSharedFleet } from "./shared-fleet";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * Root hooks of the reliability suite: the clock starts before the first spec, and after the
 * last one the shared fleet goes and the report is written, whatever passed or failed, so the
 * files always show the last run as it was.
 */
export const mochaHooks = {
  beforeAll(): void {
    results.startedAt = Date.now();
    results.pulumiVersion = execFileSync(path.join(pulumiBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
  },
  async afterAll(): Promise<void> {
    await disposeSharedFleet();
    const figures = reliabilityFigures(results, Date.now());
    fs.writeFileSync(path.join(REPO_ROOT, "reliability.json"), `${JSON.stringify(figures, null, 2)}\n`);
    fs.writeFileSync(path.join(REPO_ROOT, "docs", "reliability.md"), reliabilityMarkdown(figures));
    const { details: _details, npmAudit: _audit, ...summary } = figures;
    console.log(`\n  reliability.json: ${JSON.stringify(summary)}`);
  },
};
