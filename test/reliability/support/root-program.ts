import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";
import { TestStack } from "../../helpers/engine";
import { emulatorConfig } from "../../helpers/emulator-stack";
import { revealed } from "../../helpers/secrets-scan";
import { type EngineRun, EngineRunner } from "./engine-runner";
import { results } from "./results";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const APPLICATION_ID = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";

/**
 * One tenant the customer registered an application for: no device code needed. `confirmed`: the
 * thumbprints the customer confirmed registering on it.
 */
export function validTenantsFile(confirmed: readonly string[] = []): string {
  return `tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
    services: { exchange: true, sharePoint: true, teams: false }
    authentication: { kind: existingApplication, applicationId: ${APPLICATION_ID} }
    certificate: { keySize: 2048, validityDays: 365 }
    certificateRegistration: { by: customer, thumbprints: [${confirmed.join(", ")}] }
`;
}

/**
 * The root program (Pulumi.yaml, program/) on a stack of its own, against an emulator of its
 * own, reading a tenants file the suite writes: onboarded once, so that bad files are previewed
 * against a checkpoint that holds resources.
 */
export class RootProgram {
  readonly runner: EngineRunner;
  /** The tenants file once onboarded, with the customer's confirmation: what bad files are made from. */
  validTenants = validTenantsFile();

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
    fs.writeFileSync(tenantsFile, validTenantsFile());
    results.secrets.add("VB365 password of the root program's emulator", DEFAULT_USER.password);
    const stack = await TestStack.create({
      programDir: REPO_ROOT,
      stackName: `reliability-root-${process.pid}-${crypto.randomBytes(3).toString("hex")}`,
      config: { ...emulatorConfig(emulator), tenantsFile: { value: tenantsFile } },
    });
    return new RootProgram(emulator, stack, tenantsFile);
  }

  /**
   * Onboards the file's tenant as in the field: its certificate made alone by a targeted up, the
   * customer registering it on their application (the suite plays them) and confirming it in the
   * file, then the up that adds the organization.
   */
  async onboard(): Promise<EngineRun> {
    const certificate = await this.runner.up("root program: the tenant's certificate alone, for the customer", ["**:Tenant::northwind", "**:TenantCertificate::northwind"]);
    if (!certificate.ok) return certificate;
    const { thumbprint, certificatePem } = ((await this.stack.stack.outputs()).certificates?.value as Record<string, { thumbprint: string; certificatePem: string }>).northwind!;
    this.emulator.addApplicationCertificate(APPLICATION_ID, { certificatePem, organizationName: "northwind.onmicrosoft.com" });
    this.validTenants = validTenantsFile([thumbprint]);
    this.writeTenants(this.validTenants);
    return this.runner.up("root program: onboard one tenant");
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
