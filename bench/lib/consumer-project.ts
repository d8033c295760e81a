import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

/**
 * A Pulumi project the way a user has it: pulumi-vb365 from `npm pack`, installed next to
 * @pulumi/pulumi, TypeScript and ts-node. Benchmarks run there, so they measure what users get
 * (the provider is referenced by module name in state, not stored as code).
 */
export function consumerProject(): { dir: string; programDir(name: "tenants" | "noop"): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-bench-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: REPO, encoding: "utf8" }).trim().split("\n").pop()!;
  const version = (name: string) => require(`${name}/package.json`).version as string;
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "vb365-bench",
      private: true,
      dependencies: { "pulumi-vb365": `file:./${tarball}`, "@pulumi/pulumi": version("@pulumi/pulumi") },
      devDependencies: { typescript: version("typescript"), "ts-node": version("ts-node"), "@types/node": version("@types/node") },
    }),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  for (const name of ["tenants", "noop"]) {
    const programDir = path.join(dir, name);
    fs.mkdirSync(programDir);
    fs.copyFileSync(path.join(__dirname, "..", "consumer", `${name}.ts`), path.join(programDir, "index.ts"));
    fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), `name: vb365-bench-${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
    fs.writeFileSync(
      path.join(programDir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", moduleResolution: "node", target: "ES2022", esModuleInterop: true, skipLibCheck: true } }),
    );
  }
  return { dir, programDir: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
