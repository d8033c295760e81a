import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-vb365";

/**
 * The root of this package: cli/ when run from source, dist/cli/ when built, so the depth
 * differs and the directory is found by walking up to our own package.json.
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package.json above ${from}.`);
  }
}

export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}
