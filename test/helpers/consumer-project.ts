import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

export interface ConsumerOptions {
  /** index.ts of a program in the project's root; more can be added with `addProgram`. */
  program?: string;
  /** Default: the SDK this repository is developed against. */
  sdkVersion?: string;
  /** Directory of the `node` that installs and runs the project. Default: the one running the tests. */
  nodeDir?: string;
  /** A packed pulumi-vb365 to install instead of this checkout (`packRevision`). */
  tarball?: string;
}

/**
 * A project as a user starts one: what `pulumi new typescript` gives, plus this package as
 * `npm pack` makes it, installed by the Node.js that will run the program. Its directory and
 * the tarball go with `dispose`.
 */
export class ConsumerProject {
  private constructor(
    readonly dir: string,
    readonly nodeDir: string,
  ) {}

  static create(options: ConsumerOptions): ConsumerProject {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-consumer-"));
    const nodeDir = options.nodeDir ?? path.dirname(process.execPath);
    const project = new ConsumerProject(dir, nodeDir);
    try {
      const tarball = options.tarball ? copyInto(dir, options.tarball) : packInto(dir);
      const version = (name: string) => require(`${name}/package.json`).version as string;
      const dependencies = { "pulumi-vb365": `file:./${tarball}`, "@pulumi/pulumi": options.sdkVersion ?? version("@pulumi/pulumi") };
      const devDependencies = { typescript: version("typescript"), "ts-node": version("ts-node"), "@types/node": version("@types/node") };
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies, devDependencies }));
      if (options.program !== undefined) writeProgram(dir, "consumer", options.program);
      project.npmInstall([]);
    } catch (error) {
      project.dispose();
      throw error;
    }
    return project;
  }

  /** Upgrades pulumi-vb365 to this checkout as `npm pack` makes it, as a user upgrades. */
  upgradeToCheckout(): void {
    this.npmInstall([`file:./${packInto(this.dir)}`]);
  }

  /** A program in a folder of its own, using the project's node_modules; returns its directory. */
  addProgram(name: string, source: string): string {
    const programDir = path.join(this.dir, name);
    fs.mkdirSync(programDir);
    writeProgram(programDir, name, source);
    return programDir;
  }

  /** PATH with this project's node first: what the CLI, language host and provider find. */
  get path(): string {
    return [this.nodeDir, process.env.PATH].filter(Boolean).join(path.delimiter);
  }

  /** The version of an installed dependency. */
  installedVersion(name: string): string {
    return JSON.parse(fs.readFileSync(path.join(this.dir, "node_modules", name, "package.json"), "utf8")).version;
  }

  /** tsc over the program, with the project's own SDK types. */
  typeCheck(): void {
    this.node([path.join(this.dir, "node_modules", "typescript", "bin", "tsc"), "-p", this.dir], { encoding: "utf8" });
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** npm itself runs on the project's node, so that the SDK's `engines` is checked against it. */
  private npmInstall(packages: string[]): void {
    this.node([npmCli(), "install", ...packages, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { stdio: ["ignore", "ignore", "inherit"] });
  }

  private node(args: string[], options: { stdio?: ["ignore", "ignore", "inherit"]; encoding?: "utf8" }): void {
    execFileSync(path.join(this.nodeDir, "node"), args, { cwd: this.dir, env: { ...process.env, PATH: this.path }, ...options });
  }
}

/**
 * The package as it was at `revision` (a commit of this repository), as `npm pack` made it then:
 * its sources from git, built by this checkout's TypeScript and dependencies. Returns the
 * tarball's path in `destination`, named after the revision.
 */
export function packRevision(revision: string, destination: string): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-release-"));
  try {
    execFileSync("sh", ["-c", `git archive "$0" | tar -x -C "$1"`, revision, tree], { cwd: REPO });
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(tree, "node_modules"), "dir");
    execFileSync(process.execPath, [path.join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: tree });
    const packed = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", tree], { cwd: tree, encoding: "utf8" }).trim().split("\n").pop()!;
    const tarball = path.join(destination, `pulumi-vb365-${revision.slice(0, 12)}.tgz`);
    fs.copyFileSync(path.join(tree, packed), tarball);
    return tarball;
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

/** This checkout as `npm pack` makes it (`prepack` builds it): packed once per test process. */
let checkoutTarball: string | undefined;

/** This checkout's tarball, copied into `dir`; returns its file name. */
function packInto(dir: string): string {
  if (!checkoutTarball) {
    const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-pack-"));
    const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: REPO, encoding: "utf8" }).trim().split("\n").pop()!;
    checkoutTarball = path.join(packDir, name);
    process.once("exit", () => fs.rmSync(packDir, { recursive: true, force: true }));
  }
  return copyInto(dir, checkoutTarball);
}

function copyInto(dir: string, tarball: string): string {
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
  return path.basename(tarball);
}

/** What `pulumi new typescript` writes: Pulumi.yaml, a strict tsconfig and index.ts. */
function writeProgram(dir: string, name: string, source: string): void {
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", moduleResolution: "node", target: "ES2022", esModuleInterop: true, noEmit: true, types: ["node"] } }),
  );
  fs.writeFileSync(path.join(dir, "index.ts"), source);
}

/** npm's own entry script, to be run by any node. */
function npmCli(): string {
  const npm = execFileSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).trim();
  return fs.realpathSync(npm);
}
