import { execFileSync } from "node:child_process";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");

let cached: string | undefined;

/**
 * The directory holding `pulumi`, found (or built) by scripts/ensure-pulumi, the same script
 * `npm test` runs first. Engine tests never skip: without a CLI this throws the script's own
 * explanation of what to install.
 */
export function pulumiBinDir(): string {
  if (cached) return cached;
  const stdout = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-pulumi")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = stdout.trim().split("\n");
  cached = lines[lines.length - 1];
  return cached;
}
