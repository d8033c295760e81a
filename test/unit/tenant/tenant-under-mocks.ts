// Run as its own process (mocks are global to the Pulumi runtime): declares one Vb365Tenant with a
// backup job and two restore-operator roles, and one that keeps the server's credentials, against Pulumi's mock engine and prints, as JSON, what
// the engine was sent for each resource and what the component exports. Used by component.test.ts.
import * as pulumi from "@pulumi/pulumi";

/** What the engine was sent for one resource (by `<type>/<name>`): its type, parent, dependencies and inputs. */
export interface Registration {
  type: string;
  parent: string;
  dependencies: string[];
  inputs: Record<string, unknown>;
}

/** The server-side ids the mocks hand out, so that the test knows which id came from where. */
const OUTPUT_ID: Record<string, string> = {
  "pulumi-nodejs:dynamic/vb365:Organization": "organizationId",
  "pulumi-nodejs:dynamic/vb365:BackupJob": "jobId",
  "pulumi-nodejs:dynamic/vb365:RestoreOperatorRole": "roleId",
};

const SERVER_THUMBPRINT = "C0FFEE".padEnd(40, "0");
/** contoso's certificates: the one its organization uses and the next one of its rotation. */
const CURRENT = "A".repeat(40);
const NEXT = "B".repeat(40);
const WAITING = `waiting: the customer to register certificate ${NEXT} on application 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a in contoso.onmicrosoft.com (their Entra app registration), then to add it to registeredThumbprints; ${CURRENT} stays in use until then, valid until 2027-01-01T00:00:00.000Z.`;

async function main(): Promise<void> {
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const output = OUTPUT_ID[args.type];
        const state = output ? { ...args.inputs, [output]: `${output}-of-${args.name}` } : args.inputs;
        // A kept organization's thumbprint is the one the server reports.
        if (args.inputs.keepServerCredentials) state.exchangeOnlineSettings = { ...args.inputs.exchangeOnlineSettings, applicationCertificateThumbprint: SERVER_THUMBPRINT };
        // contoso is inside its rotation window: a next certificate, which its application does not trust yet.
        if (args.name === "contoso" && args.type.endsWith(":TenantCertificate")) Object.assign(state, { thumbprint: CURRENT, nextThumbprint: NEXT, nextPfxBase64: "TkVYVA==", nextCertificatePem: "-----BEGIN CERTIFICATE-----\nNEXT\n-----END CERTIFICATE-----\n" });
        if (args.name === "contoso" && args.type.endsWith(":Organization")) Object.assign(state, { exchangeOnlineSettings: { applicationCertificateThumbprint: CURRENT }, certificateRotation: WAITING });
        return { id: `${args.name}-id`, state };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  const registered: Record<string, Registration> = {};
  // Boundary: the mock engine's request is a generated protobuf class the SDK does not type.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const monitor = (pulumi.runtime as any).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: unknown) => {
    // The serialized provider is the same for every resource of a type, and long.
    const { __provider: _provider, ...inputs } = request.getObject()?.toJavaScript() ?? {};
    registered[`${request.getType().split(":").pop()}/${request.getName()}`] = {
      type: request.getType(),
      parent: request.getParent(),
      dependencies: request.getDependenciesList(),
      inputs,
    };
    return register(request, callback);
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const warnings: string[] = [];
  // Without an engine (mocks), pulumi.log.warn writes to console.warn.
  console.warn = (line: string) => warnings.push(line);
  const { Vb365Tenant } = await import("../../../provider");

  const tenant = new Vb365Tenant("fabrikam", {
    organizationName: "fabrikam.onmicrosoft.com",
    organization: { isExchangeOnline: true, isSharePointOnline: true, connection: "eu-west" },
    backupJobs: [{ name: "exchange", repositoryName: "Default Backup Repository", backupType: "EntireOrganization" }],
    restoreOperatorRoles: [
      { name: "helpdesk", roleType: "SpecificObjects", operators: [{ type: "User", user: "admin@fabrikam.onmicrosoft.com" }], selectedItems: [{ type: "Group", group: "Sales" }] },
      { name: "it-admins", roleName: "IT admins", operators: [{ type: "Group", group: "All Company" }] },
    ],
  });
  // Taken over from the server with the credentials it has.
  const kept = new Vb365Tenant("northwind", {
    organizationName: "northwind.onmicrosoft.com",
    certificate: "keep",
    organization: {
      isExchangeOnline: true,
      isSharePointOnline: false,
      adoptExisting: true,
      exchangeOnlineSettings: { applicationId: "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a", account: "veeam-backup@northwind.onmicrosoft.com" },
    },
  });
  const [tenantUrn, organizationUrn, restoreOperatorRoleIds, backupJobIds, keptThumbprint, keptNotAfter] = await new Promise<
    [string, string, Record<string, string>, Record<string, string>, string, string | undefined]
  >((resolve) =>
    pulumi
      .all([tenant.urn, tenant.organization.urn, tenant.restoreOperatorRoleIds, tenant.backupJobIds, kept.thumbprint, kept.certificateNotAfter])
      .apply((values) => resolve(values)),
  );
  const keptCertificate = kept.certificate === undefined ? "none" : "declared";
  // Rotating: its application is the customer's; the customer confirmed the current certificate.
  const rotating = new Vb365Tenant("contoso", {
    organizationName: "contoso.onmicrosoft.com",
    certificate: { rotateBeforeDays: 30 },
    registeredThumbprints: [CURRENT],
    deviceCodeConfigKey: "deviceCode-contoso",
    organization: {
      isExchangeOnline: true,
      isSharePointOnline: false,
      exchangeOnlineSettings: { applicationId: "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a", account: "veeam-backup@contoso.onmicrosoft.com" },
    },
  });
  const [thumbprint, nextThumbprint, nextCertificatePem, certificateRotation] = await new Promise<Array<string | undefined>>((resolve) =>
    pulumi.all([rotating.thumbprint, rotating.nextThumbprint, rotating.nextCertificatePem, rotating.certificateRotation]).apply((values) => resolve(values)),
  );
  // Registration waits for the certificate's outputs; the warning for the organization's.
  await new Promise<void>((resolve) => rotating.organization.organizationId.apply(() => setImmediate(resolve)));
  process.stdout.write(
    JSON.stringify({
      registered,
      tenantUrn,
      organizationUrn,
      restoreOperatorRoleIds,
      backupJobIds,
      kept: { thumbprint: keptThumbprint, notAfter: keptNotAfter ?? null, certificate: keptCertificate },
      rotating: { thumbprint, nextThumbprint, nextCertificatePem, certificateRotation, warnings },
    }),
  );
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
