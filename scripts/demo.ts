/**
 * `npm start`: the main job, end to end, on a fresh machine. Onboards the tenants of
 * tenants.yaml with `pulumi up` on the root program, against the embedded VB365 emulator unless
 * VB365_URL points at a real server. Safe to run again: a second run changes nothing.
 *
 * What it does, in the order a platform team would:
 *   1. starts the emulator (its organizations persist in .vb365-demo/, like a real server's);
 *   2. prepares a local file backend and a passphrase, and the `demo` stack's vb365: config;
 *   3. runs the device-code pause for every tenant that still needs one, to be added or for a
 *      certificate rotation (the emulator plays the customer signing in), and stores each code as
 *      a stack secret;
 *   4. against the emulator, plays the customers who register certificates on their own
 *      applications (tenants.yaml says which): their certificates made alone first, registered,
 *      and confirmed in a copy of tenants.yaml the stack reads (demo-customer.ts);
 *   5. runs `pulumi up` and prints what was onboarded, and how to go on; a rotation that began in
 *      it gets the customers' registrations and a second up.
 */
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandError, LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { DEFAULT_USER, startEmulator, type Emulator, type TlsMaterial } from "../emulator";
import { resolveConnection, type ConnectionSettings } from "../provider/client";
import { deviceCodeLogin } from "../provider/device-code";
import { loadTenantsFile, type TenantDeclaration } from "../program/tenants-file";
import { certificatesOf, customerTenants, missingCertificates, playCustomers } from "./demo-customer";

const repoRoot = path.resolve(__dirname, "..", "..");
const workDir = path.join(repoRoot, ".vb365-demo");
const STACK = "demo";
const TENANTS_FILE = path.join(repoRoot, "tenants.yaml");

interface Summary {
  [tenant: string]: {
    organization: string;
    organizationId: string;
    thumbprint: string;
    certificateNotAfter?: string;
    certificateRotation?: string;
    deviceCodeConfigKey?: string;
    backupJobs?: string[];
    restoreOperatorRoles?: string[];
    restorePortalStatus?: string;
    restorePortalConsentUrl?: string;
  };
}

/** The demo emulator's Restore Portal application (a made-up id, as the whole demo server is). */
const DEMO_PORTAL_APPLICATION = "58a0f8e1-97bd-4804-ba69-bde1db293223";

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true, mode: 0o700 });
  const started = Date.now();
  const emulator = process.env.VB365_URL ? undefined : await startDemoEmulator();
  try {
    const connection = emulator ? emulatorConnection(emulator) : resolveConnection({ config: () => undefined, env: process.env });
    say(emulator ? `VB365 emulator ready at ${emulator.url} (state in ${relative(path.join(workDir, "emulator-state.json"))})` : `Using the VB365 server at ${connection.url}`);

    const stack = await demoStack(connection);
    if (process.argv.includes("--destroy")) {
      say(`pulumi destroy (stack "${STACK}")\n`);
      await stack.destroy({ color: "always", onOutput: stream });
      say("every organization of the stack is removed from VB365, and the stack is empty");
      return;
    }
    const tenants = loadTenantsFile(TENANTS_FILE);
    await collectDeviceCodes(stack, tenants, connection, emulator);
    if (emulator) await registeredByCustomers(stack, tenants, emulator);

    say(`pulumi up (stack "${STACK}", ${tenants.length} tenants)\n`);
    let result = await stack.up({ color: "always", onOutput: stream });
    // A rotation that began in this up: the customers register the next certificates or sign in
    // again, and the organizations switch in a second up.
    if (emulator) {
      const signedIn = await collectDeviceCodes(stack, tenants, connection, emulator);
      const registered = await registeredByCustomers(stack, tenants, emulator);
      if (signedIn + registered.length > 0) {
        say("pulumi up again: the next certificates are registered, so the organizations switch to them\n");
        result = await stack.up({ color: "always", onOutput: stream });
      }
    }
    const summary = (result.outputs.summary?.value ?? {}) as Summary;
    printSummary(summary, tenants, Date.now() - started);
  } finally {
    await emulator?.close();
  }
}

/**
 * The emulator keeps its organizations, certificate and port between runs, like a real server:
 * `pulumi destroy` and `refresh` use the vb365: settings of the last update, so its URL must not move.
 */
async function startDemoEmulator(): Promise<Emulator> {
  const portFile = path.join(workDir, "emulator-port");
  const savedPort = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, "utf8")) : 0;
  // The demo's provider has set up the Restore Portal, so each tenant gets its consent step.
  const restorePortal = { isEnabled: true, applicationId: DEMO_PORTAL_APPLICATION, msalAuthorityUri: "https://login.microsoftonline.com/common", restorePortalUri: "https://vb365.demo.invalid:4443" };
  const options = { stateFile: path.join(workDir, "emulator-state.json"), tls: await demoTls(), restorePortal };
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ ...options, port: savedPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    say(`port ${savedPort} is taken; the emulator moves to a new one (the next npm start records it)`);
    emulator = await startEmulator({ ...options, port: 0 });
  }
  fs.writeFileSync(portFile, String(emulator.port));
  return emulator;
}

/** The emulator's certificate is kept, so the stack's vb365:caCertificate stays the same between runs. */
async function demoTls(): Promise<TlsMaterial> {
  const file = path.join(workDir, "emulator-tls.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as TlsMaterial;
  const { generateSelfSigned } = await import("../emulator/tls");
  const material = await generateSelfSigned(["127.0.0.1", "localhost"]);
  fs.writeFileSync(file, JSON.stringify(material), { mode: 0o600 });
  return material;
}

function emulatorConnection(emulator: Emulator): ConnectionSettings {
  const values: Record<string, string | undefined> = {
    "vb365:url": emulator.url,
    "vb365:username": DEFAULT_USER.name,
    "vb365:password": DEFAULT_USER.password,
    "vb365:caCertificate": emulator.caPem,
  };
  return resolveConnection({ config: (key) => values[key], env: {} });
}

async function demoStack(connection: ConnectionSettings): Promise<Stack> {
  const binDir = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-pulumi")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .pop()!;
  const backend = path.join(workDir, "state");
  if (!fs.existsSync(backend)) {
    // A new backend: settings left by an earlier demo were encrypted with its passphrase.
    fs.rmSync(path.join(repoRoot, `Pulumi.${STACK}.yaml`), { force: true });
  }
  fs.mkdirSync(backend, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: STACK, workDir: repoRoot },
    {
      pulumiCommand: await PulumiCommand.get({ root: path.dirname(binDir), skipVersionCheck: true }),
      envVars: {
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_CONFIG_PASSPHRASE: passphrase(),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // `npm start` has just type-checked the program (npm run build); ts-node need not again.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      },
    },
  );
  await stack.setAllConfig({
    "vb365:url": { value: connection.url },
    "vb365:username": { value: connection.username },
    "vb365:password": { value: connection.password, secret: true },
    "vb365:apiVersion": { value: connection.apiVersion },
    ...(connection.caCertificate ? { "vb365:caCertificate": { value: connection.caCertificate } } : {}),
    ...(connection.insecureSkipVerify ? { "vb365:insecureSkipVerify": { value: "true" } } : {}),
  });
  return stack;
}

/** PULUMI_CONFIG_PASSPHRASE when set; otherwise one generated for the demo and kept beside its state. */
function passphrase(): string {
  if (process.env.PULUMI_CONFIG_PASSPHRASE !== undefined) return process.env.PULUMI_CONFIG_PASSPHRASE;
  const file = path.join(workDir, "passphrase");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(24).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The customers who register certificates on their own applications, played against the emulator:
 * the certificates of tenants not onboarded yet are made alone first (a targeted up, as the
 * customer's part begins with the certificate), then each current and next certificate is
 * registered and confirmed in the demo's copy of tenants.yaml, which the stack reads from now on.
 * Returns the tenants that got a new registration.
 */
async function registeredByCustomers(stack: Stack, tenants: TenantDeclaration[], emulator: Emulator): Promise<string[]> {
  const customers = customerTenants(tenants);
  if (customers.length === 0) {
    // The copy of an earlier run would hide edits of tenants.yaml; a key never set is no failure.
    await stack.removeConfig("tenantsFile").catch(() => undefined);
    return [];
  }
  let certificates = await certificatesOf(stack);
  const missing = missingCertificates(customers, certificates);
  if (missing.length > 0) {
    say(`${missing.join(", ")}: the certificate is made first, alone, for the customer to register on their application`);
    await stack.up({ color: "always", onOutput: stream, target: missing.flatMap((tenant) => [`**:Tenant::${tenant}`, `**:TenantCertificate::${tenant}`]) });
    certificates = await certificatesOf(stack);
  }
  const copy = path.join(workDir, "tenants.yaml");
  const added = playCustomers(emulator, customers, certificates, TENANTS_FILE, copy);
  await stack.setConfig("tenantsFile", { value: copy });
  for (const tenant of customers.filter((customer) => added.includes(customer.name))) {
    say(`${tenant.name}: the customer registered its certificate on application ${tenant.authentication.applicationId} and confirmed it (the demo lists it in ${relative(copy)})`);
  }
  return added;
}

/**
 * The device-code pause, for each tenant whose application VB365 registers or configures and
 * that is not onboarded yet, or whose certificate rotation waits for a fresh sign-in.
 * Against the emulator the customer's sign-in is simulated; against a real server the code and
 * URL are printed and the wait lasts until the customer signs in or the code expires.
 */
async function collectDeviceCodes(stack: Stack, tenants: TenantDeclaration[], connection: ConnectionSettings, emulator: Emulator | undefined): Promise<number> {
  const onboarded = ((await stack.outputs()).summary?.value ?? {}) as Summary;
  let collected = 0;
  for (const tenant of tenants) {
    const auth = tenant.authentication;
    const needsCode = auth.kind === "newApplication" || (auth.kind === "existingApplication" && auth.configureApplication);
    // A tenant whose certificates VB365 registers waits for nothing but a fresh sign-in.
    const row = onboarded[tenant.name];
    const rotating = row?.deviceCodeConfigKey !== undefined && (row.certificateRotation?.startsWith("waiting:") ?? false);
    if (!needsCode || (onboarded[tenant.name] && !rotating)) continue;
    say(`${tenant.name}: the customer's Global Administrator must sign in ${rotating ? "again, for the rotation of the certificate" : "once"} (device code)`);
    const login = await deviceCodeLogin({
      connection,
      region: tenant.region,
      pollIntervalMs: emulator ? 500 : undefined,
      onVerification: (verification) => {
        say(`  send to the admin of ${tenant.organization}: open ${verification.verificationUrl} and enter ${verification.userCode} (valid until ${verification.expiresAt.toISOString()})`);
        if (emulator) {
          // Simulated: the customer signs in a moment later, to the organization they own.
          setTimeout(() => emulator.approveDeviceCode(verification.userCode, tenant.organization), 700).unref();
        }
      },
    });
    await stack.setConfig(auth.userCodeConfigKey, { value: login.userCode, secret: true });
    say(`  signed in; code stored as the secret ${auth.userCodeConfigKey} of stack "${STACK}"`);
    collected++;
  }
  return collected;
}

function printSummary(summary: Summary, tenants: TenantDeclaration[], elapsedMs: number): void {
  const rows = tenants.map((tenant) => {
    const row = summary[tenant.name];
    return [tenant.name, row?.organization ?? "-", row?.organizationId ?? "(not onboarded)", row?.thumbprint ?? "-", row?.certificateNotAfter?.slice(0, 10) ?? "-", row?.backupJobs?.join(", ") || "-", row?.restoreOperatorRoles?.join(", ") || "-"];
  });
  const header = ["tenant", "Microsoft 365 organization", "VB365 organization id", "certificate thumbprint", "expires", "backup jobs", "restore operator roles"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
  const rotations = tenants.map((tenant) => ({ tenant, row: summary[tenant.name] })).filter(({ row }) => row?.certificateRotation);
  if (rotations.length > 0) {
    console.log("Certificate rotations:");
    for (const { tenant, row } of rotations) console.log(`  ${tenant.name}: ${row.certificateRotation}`);
    console.log("");
  }
  const portal = tenants.map((tenant) => ({ tenant, row: summary[tenant.name] })).filter(({ row }) => row?.restorePortalStatus);
  if (portal.length > 0) {
    console.log("Restore Portal, the customer's one-time step (docs/restore-portal.md):");
    for (const { tenant, row } of portal) console.log(`  ${tenant.name}: ${row.restorePortalConsentUrl ?? row.restorePortalStatus}`);
    console.log("");
  }
  console.log(`Done in ${(elapsedMs / 1000).toFixed(1)} s. Running npm start again changes nothing.

Go on:
  - edit tenants.yaml and run npm start again to onboard or remove tenants;
  - remove every tenant again: npm start -- --destroy
  - look at the stack with the Pulumi CLI:
      export PATH="$(bash scripts/ensure-pulumi 2>/dev/null | tail -n1):$PATH"
      export PULUMI_BACKEND_URL=file://${path.join(workDir, "state")} PULUMI_CONFIG_PASSPHRASE_FILE=${path.join(workDir, "passphrase")}
      pulumi stack output summary --stack ${STACK} --show-secrets
  - use a real VB365: VB365_URL=https://vb365.example.com:4443 VB365_USERNAME=... VB365_PASSWORD=... npm start
    (see README.md, "Onboarding for real").`);
}

function stream(output: string): void {
  streamed = true;
  process.stdout.write(output);
}

function say(message: string): void {
  console.log(`[vb365] ${message}`);
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}

let streamed = false;

main().catch((error: unknown) => {
  // When the engine's output was streamed, it already says what failed and why.
  const message = error instanceof CommandError && streamed ? "pulumi failed; its messages are above" : error instanceof Error ? error.message : String(error);
  console.error(`\n[vb365] failed: ${message}`);
  process.exitCode = 1;
});
