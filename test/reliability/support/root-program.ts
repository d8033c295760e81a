import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";
import { TestStack } from "../../helpers/engine";
import { emulatorConfig } from "../../helpers/emulator-stack";
import { revealed } from "../../helpers/secrets-scan";
import { EngineRunner } from "./engine-runner";
import { results } from "./results";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** One tenant the customer registered an application for: no device code needed. */
export const VALID_TENANTS_FILE = `tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
    services: { exchange: true, sharePoint: true, teams: false }
    authentication: { kind: existingApplication, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a }
    certificate: { keySize: 2048, validityDays: 365 }
`;

/**
 * The root program (Pulumi.yaml, program/) on a stack of its own, against an emulator of its
 * own, reading a tenants file the suite writes: onboarded once, so that bad files are previewed
 * against a checkpoint that holds resources.
 */
export class RootProgram {
  readonly runner: EngineRunner;

  private constructor(
    readonly emulator: Emulator,
    readonly stack: TestStack,
    readonly tenantsFile: string,
  ) {
    this.runner = new EngineRunner(stack);
  }

  static async start(): Promise<RootProgram> {
    const emulator = await startEmulator();
    const tenantsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vb365-reliability-tenants-")), "tenants.yaml");
    fs.writeFileSync(tenantsFile, VALID_TENANTS_FILE);
    results.secrets.add("VB365 password of the root program's emulator", DEFAULT_USER.password);
    const stack = await TestStack.create({
      programDir: REPO_ROOT,
      stackName: `reliability-root-${process.pid}-${crypto.randomBytes(3).toString("hex")}`,
      config: { ...emulatorConfig(emulator), tenantsFile: { value: tenantsFile } },
    });
    return new RootProgram(emulator, stack, tenantsFile);
  }

  writeTenants(text: string): void {
    fs.writeFileSync(this.tenantsFile, text);
  }

  /** The PFX and password of every certificate join the secrets looked for. */
  async registerCertificateSecrets(): Promise<void> {
    const exported = await this.stack.stack.exportStack();
    for (const resource of exported.deployment.resources ?? []) {
      const pfx = revealed(resource.outputs?.pfxBase64);
      const password = revealed(resource.outputs?.password);
      if (typeof pfx === "string" && typeof password === "string") results.secrets.addPfx(`root program ${String(resource.urn).split("::").pop()}`, pfx, password);
    }
  }

  async dispose(): Promise<void> {
    await this.stack.dispose();
    await this.emulator.close();
    fs.rmSync(path.dirname(this.tenantsFile), { recursive: true, force: true });
  }
}
