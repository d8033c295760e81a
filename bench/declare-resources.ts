// Time to declare N tenants (a TenantCertificate and a Vb365Organization each) against Pulumi's
// mock engine, under ts-node as Pulumi runs TypeScript programs. Prints milliseconds as JSON.
//
//   npx ts-node --transpile-only bench/declare-resources.ts [tenants]   (default 100)
//
// Run it with and without PULUMI_DEBUG_PROMISE_LEAKS=1 (which turns the stack-trace pause of
// provider/common/promise-stack-traces.ts off) to see what the pause saves; mocks are global to
// the runtime, so each figure needs a process of its own.
import * as pulumi from "@pulumi/pulumi";

async function main(): Promise<void> {
  const tenants = Number(process.argv[2] ?? 100);
  pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "project", "stack", false);
  const { TenantCertificate, Vb365Organization } = await import("../provider");
  const started = process.hrtime.bigint();
  const organizations = [];
  for (let i = 0; i < tenants; i++) {
    const certificate = new TenantCertificate(`tenant-${i}`, { subject: { commonName: `tenant-${i} VB365` } });
    organizations.push(new Vb365Organization(`tenant-${i}`, {
      isExchangeOnline: true,
      isSharePointOnline: true,
      applicationCertificate: certificate.pfxBase64,
      applicationCertificatePassword: certificate.password,
    }));
  }
  const declareMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Let the mocks finish the registrations, so that the SDK finds no pending promise at exit.
  await Promise.all(organizations.map((organization) => new Promise<void>((resolve) => organization.organizationId.apply(() => resolve()))));
  process.stdout.write(`${JSON.stringify({ tenants, declareMs: Math.round(declareMs), paused: !process.env.PULUMI_DEBUG_PROMISE_LEAKS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
