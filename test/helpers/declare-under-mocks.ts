// Run as its own process (mocks are global to the Pulumi runtime): declares one TenantCertificate
// and one Vb365Organization against Pulumi's mock engine and prints, as JSON, what the engine was
// sent and what the stack-trace pause left behind. Used by test/unit/resources/declaration.test.ts.
import * as pulumi from "@pulumi/pulumi";

async function main(): Promise<void> {
  pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "project", "stack", false);
  const sourcePositions: string[] = [];
  const stackTraces: string[][] = [];
  const registered: Record<string, unknown> = {};
  // Boundary: the mock engine's request is a generated protobuf class the SDK does not type.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const monitor = (pulumi.runtime as any).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: unknown) => {
    sourcePositions.push(request.getSourceposition()?.getUri() ?? "");
    stackTraces.push((request.getStacktrace()?.getFramesList() ?? []).map((frame: any) => frame.getPc()?.getUri() ?? ""));
    registered[request.getType()] = request.getObject()?.toJavaScript();
    return register(request, callback);
  };
  const leakCandidates: Set<{ _debugStackTrace?: string }> = require("@pulumi/pulumi/runtime/state").getStore().leakCandidates;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const { TenantCertificate, Vb365Organization } = await import("../../provider");

  const limitBefore = Error.stackTraceLimit;
  const certificate = new TenantCertificate("contoso", { subject: { commonName: "contoso VB365" } });
  const organization = new Vb365Organization("contoso", {
    isExchangeOnline: true,
    isSharePointOnline: true,
    applicationCertificate: certificate.pfxBase64,
    applicationCertificatePassword: certificate.password,
    // Credentials in plain strings, as a careless program would pass them.
    exchangeOnlineSettings: { account: "backup@contoso.onmicrosoft.com", password: "plain-account-password", applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", applicationSecret: "plain-client-secret" },
    // Settings that are an Output as a whole, as from another resource.
    sharePointOnlineSettings: pulumi.output({ applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: "contoso.onmicrosoft.com" }),
  });
  const stacks = [...leakCandidates].map((promise) => promise._debugStackTrace ?? "");
  const limitAfter = Error.stackTraceLimit;

  let thrownStack = "";
  try {
    new TenantCertificate("", { subject: { commonName: "nameless" } });
  } catch (error) {
    thrownStack = (error as Error).stack ?? "";
  }
  // The organization's registration waits for the certificate's outputs, which the mocks resolve.
  await new Promise<void>((resolve) => organization.organizationId.apply(() => resolve()));

  process.stdout.write(
    JSON.stringify({
      limitBefore,
      limitAfter: Error.stackTraceLimit,
      limitAfterDeclaring: limitAfter,
      promises: stacks.length,
      promisesWithFrames: stacks.filter((stack) => stack.includes("\n    at ")).length,
      sourcePositions,
      stackTraces,
      registered,
      thrownStack,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
