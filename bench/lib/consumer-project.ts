import * as fs from "node:fs";
import * as path from "node:path";
import { ConsumerProject } from "../../test/helpers/consumer-project";

/**
 * A Pulumi project the way a user has it: pulumi-vb365 from `npm pack`, installed next to
 * @pulumi/pulumi, TypeScript and ts-node. Benchmarks run there, so they measure what users get
 * (the provider is referenced by module name in state, not stored as code).
 */
export function consumerProject(): { dir: string; programDir(name: "tenants" | "noop"): string; remove(): void } {
  const project = ConsumerProject.create({});
  const programs = Object.fromEntries(
    (["tenants", "noop"] as const).map((name) => [name, project.addProgram(`vb365-bench-${name}`, fs.readFileSync(path.join(__dirname, "..", "consumer", `${name}.ts`), "utf8"))]),
  );
  return { dir: project.dir, programDir: (name) => programs[name]!, remove: () => project.dispose() };
}
