import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiBinDir } from "../../helpers/pulumi-cli";
import { reliabilityMarkdown } from "./report-markdown";
import { reliabilityFigures } from "./report";
import { results } from "./results";
import { disposeSharedFleets } from "./shared-fleet";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
/** Where every run leaves its figures; ignored by git, so that a test run changes no tracked file. */
const RUN_DIR = path.join(REPO_ROOT, "test-results", "reliability");

/**
 * Root hooks of the reliability suite: the clock starts before the first spec, and after the
 * last one the fleets go and the report is written, whatever passed or failed, so the files
 * always show the last run as it was: to test-results/reliability/, and with `--write-report`
 * (npm run test:reliability -- --write-report) to the published reliability.json and
 * docs/reliability.md too.
 */
export const mochaHooks = {
  beforeAll(): void {
    results.startedAt = Date.now();
    results.pulumiVersion = execFileSync(path.join(pulumiBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
  },
  async afterAll(): Promise<void> {
    await disposeSharedFleets();
    const figures = reliabilityFigures(results, Date.now());
    const json = `${JSON.stringify(figures, null, 2)}\n`;
    const markdown = reliabilityMarkdown(figures);
    fs.mkdirSync(RUN_DIR, { recursive: true });
    fs.writeFileSync(path.join(RUN_DIR, "reliability.json"), json);
    fs.writeFileSync(path.join(RUN_DIR, "reliability.md"), markdown);
    if (process.argv.includes("--write-report")) {
      fs.writeFileSync(path.join(REPO_ROOT, "reliability.json"), json);
      fs.writeFileSync(path.join(REPO_ROOT, "docs", "reliability.md"), markdown);
    }
    const { details: _details, npmAudit: _audit, ...summary } = figures;
    console.log(`\n  reliability figures (${path.relative(REPO_ROOT, RUN_DIR)}/): ${JSON.stringify(summary)}`);
  },
};
