import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot } from "../package-info";
import { PulumiError } from "./errors";

/** Used when the package's scripts/pulumi-cli/go.mod (the pin ensure-pulumi follows) cannot be read. */
const FALLBACK_VERSION = "3.248.0";

/**
 * The `pulumi` executable: the first on PATH, else the one scripts/ensure-pulumi (npm run
 * setup:pulumi) built or downloaded into $PULUMI_HOME/versions/<pinned version>/bin.
 */
export function findPulumi(env: NodeJS.ProcessEnv): string {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, "pulumi"))) return path.join(dir, "pulumi");
  }
  const cached = path.join(env.PULUMI_HOME || path.join(os.homedir(), ".pulumi"), "versions", pinnedVersion(), "bin", "pulumi");
  if (isExecutable(cached)) return cached;
  throw new PulumiError(
    `The Pulumi CLI was not found on PATH or in ${path.dirname(cached)}. Install it, or run \`npm run setup:pulumi\` ` +
      "in the pulumi-vb365 package, which builds it into that directory.",
  );
}

export function pinnedVersion(): string {
  try {
    const goMod = fs.readFileSync(path.join(packageRoot(), "scripts", "pulumi-cli", "go.mod"), "utf8");
    return /github\.com\/pulumi\/pulumi\/pkg\/v3 v([0-9.]+)/.exec(goMod)?.[1] ?? FALLBACK_VERSION;
  } catch {
    return FALLBACK_VERSION;
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
