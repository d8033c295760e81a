// Run as its own process (mocks are global to the Pulumi runtime): runs examples/azuread-app
// against Pulumi's mock engine, no Microsoft endpoint reached, with its TenantCertificate inside
// a rotation (a next certificate beside the current one), and prints, as JSON, what the engine was
// sent for each resource. Used by test/unit/resources/azuread-app.test.ts.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const PROJECT = "vb365-example-azuread-app";
/** The certificates the mocked TenantCertificate reports: the one in use and the next one. */
export const CURRENT = { thumbprint: "A".repeat(40), pem: "-----BEGIN CERTIFICATE-----\nCURRENT\n-----END CERTIFICATE-----\n", notAfter: "2027-01-01T00:00:00.000Z" };
export const NEXT = { thumbprint: "B".repeat(40), pem: "-----BEGIN CERTIFICATE-----\nNEXT\n-----END CERTIFICATE-----\n", notAfter: "2028-01-01T00:00:00.000Z" };

/** Every application permission the example asks for, as the tenant's service principals would offer it. */
const ROLES = ["Directory.Read.All", "Group.Read.All", "Sites.Read.All", "TeamSettings.ReadWrite.All", "ChannelMember.ReadWrite.All", "ChannelMessage.Read.All", "full_access_as_app", "Exchange.ManageAsApp", "Sites.FullControl.All", "User.Read.All"];

interface Registration {
  type: string;
  urn: string;
  dependencies: string[];
  inputs: Record<string, unknown>;
}

async function main(): Promise<void> {
  process.env.PULUMI_CONFIG = JSON.stringify({ [`${PROJECT}:organization`]: "contoso.onmicrosoft.com", [`${PROJECT}:account`]: "veeam-backup@contoso.onmicrosoft.com" });
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const state: Record<string, unknown> = { ...args.inputs };
        if (args.type.endsWith(":TenantCertificate")) {
          Object.assign(state, {
            thumbprint: CURRENT.thumbprint,
            certificatePem: CURRENT.pem,
            notAfter: CURRENT.notAfter,
            pfxBase64: "Q1VSUkVOVA==",
            password: "pfx-password",
            nextThumbprint: NEXT.thumbprint,
            nextCertificatePem: NEXT.pem,
            nextNotAfter: NEXT.notAfter,
            nextPfxBase64: "TkVYVA==",
          });
        }
        return { id: `${args.name}-id`, state };
      },
      call: (args) => (args.token === "azuread:index/getServicePrincipal:getServicePrincipal" ? { objectId: `${String(args.inputs.clientId)}-object`, appRoleIds: Object.fromEntries(ROLES.map((role) => [role, `${role}-id`])) } : {}),
    },
    PROJECT,
    "test",
    false,
  );
  const registered: Registration[] = [];
  // Boundary: the mock engine's request is a generated protobuf class the SDK does not type.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const monitor = (pulumi.runtime as any).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: (error: unknown, response: any) => void) => {
    const { __provider: _provider, ...inputs } = request.getObject()?.toJavaScript() ?? {};
    return register(request, (error: unknown, response: any) => {
      registered.push({ type: request.getType(), urn: response?.getUrn?.() ?? "", dependencies: request.getDependenciesList(), inputs });
      callback(error, response);
    });
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const example = (await import(path.join(__dirname, "..", "..", "examples", "azuread-app", "index.ts"))) as { organizationId: pulumi.Output<string> };
  // Every registration waits for the outputs it takes; the organization's comes last.
  await new Promise<void>((resolve) => example.organizationId.apply(() => setImmediate(resolve)));
  process.stdout.write(JSON.stringify(registered));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
