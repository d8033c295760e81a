import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";
import { TestStack } from "../../helpers/engine";
import { EngineRunner } from "./engine-runner";
import { results } from "./results";

const PROGRAM_DIR = path.join(__dirname, "..", "programs", "fleet");

/**
 * Two tenants with existing applications against an emulator whose self-signed certificate the
 * stack does not trust at first: no vb365:caCertificate, no VB365_CA_FILE.
 */
export class TlsStack {
  readonly runner: EngineRunner;
  readonly caFile: string;

  private constructor(
    readonly emulator: Emulator,
    readonly stack: TestStack,
  ) {
    this.runner = new EngineRunner(stack);
    this.caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vb365-reliability-ca-")), "vb365-ca.pem");
    fs.writeFileSync(this.caFile, emulator.caPem!);
  }

  static async start(): Promise<TlsStack> {
    const user = { name: "svc-tls", password: `rel-${crypto.randomBytes(12).toString("base64url")}` };
    const emulator = await startEmulator({ users: [DEFAULT_USER, user] });
    results.secrets.add("VB365 password of the TLS stack", user.password);
    const stack = await TestStack.create({
      programDir: PROGRAM_DIR,
      stackName: `tls-${process.pid}-${crypto.randomBytes(3).toString("hex")}`,
      config: {
        "vb365:url": { value: emulator.url },
        "vb365:username": { value: user.name },
        "vb365:password": { value: user.password, secret: true },
        count: { value: "2" },
        mix: { value: "existing" },
      },
    });
    return new TlsStack(emulator, stack);
  }

  /** VB365_CA_FILE for the CLI, the language host and the provider it starts; undefined removes it. */
  setCaFile(file: string | undefined): void {
    if (file === undefined) delete this.stack.stack.workspace.envVars.VB365_CA_FILE;
    else this.stack.stack.workspace.envVars.VB365_CA_FILE = file;
  }

  organizations(): number {
    return this.emulator.state().organizations.length;
  }

  async dispose(): Promise<void> {
    await this.stack.dispose();
    await this.emulator.close();
    fs.rmSync(path.dirname(this.caFile), { recursive: true, force: true });
  }
}
