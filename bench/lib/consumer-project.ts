import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ConsumerProject } from "../../test/helpers/consumer-project";

const CONSUMER = path.join(__dirname, "..", "consumer");

export interface ConsumerBench {
  dir: string;
  programDir(name: "tenants" | "noop"): string;
  remove(): void;
}

/**
 * A Pulumi project the way a user has it: pulumi-vb365 from `npm pack`, installed next to
 * @pulumi/pulumi, TypeScript and ts-node. Benchmarks run there, so they measure what users get
 * (the provider is referenced by module name in state, not stored as code). The floor's no-op
 * provider is installed there too, as the package vb365-bench-noop, so that it is referenced the
 * same way.
 */
export function consumerProject(): ConsumerBench {
  const project = ConsumerProject.create({});
  try {
    installNoopProvider(project.dir);
    const programs = Object.fromEntries(
      (["tenants", "noop"] as const).map((name) => [name, project.addProgram(`vb365-bench-${name}`, fs.readFileSync(path.join(CONSUMER, `${name}.ts`), "utf8"))]),
    );
    return { dir: project.dir, programDir: (name) => programs[name]!, remove: () => project.dispose() };
  } catch (error) {
    project.dispose();
    throw error;
  }
}

function installNoopProvider(projectDir: string): void {
  const source = fs.readFileSync(path.join(CONSUMER, "noop-provider.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const dir = path.join(projectDir, "node_modules", "vb365-bench-noop");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "vb365-bench-noop", version: "0.0.0", main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), outputText);
}
