import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { TenantCertificate, Vb365Organization } from "pulumi-vb365";
import { TenantCertificate, Vb365Organization } from "../../provider";

// The whole onboarding in one `pulumi up`, nobody signing in: this stack registers the Entra
// application in the customer's tenant, grants it the permissions VB365 needs (admin consent
// included), uploads the tenant's certificate to it, and only then adds the organization to
// VB365 with that application. The azuread provider works in the tenant of azuread:tenantId.
const config = new pulumi.Config();
const organization = config.require("organization");
const account = config.require("account");

// Application permissions of modern app-only authentication, from Veeam's "Permissions for
// Modern App-Only Authentication" (backup), by Microsoft's first-party application ids.
const APIS = [
  {
    key: "graph", // Microsoft Graph
    clientId: "00000003-0000-0000-c000-000000000000",
    roles: ["Directory.Read.All", "Group.Read.All", "Sites.Read.All", "TeamSettings.ReadWrite.All", "ChannelMember.ReadWrite.All", "ChannelMessage.Read.All"],
  },
  {
    key: "exchange", // Office 365 Exchange Online
    clientId: "00000002-0000-0ff1-ce00-000000000000",
    roles: ["full_access_as_app", "Exchange.ManageAsApp"],
  },
  {
    key: "sharepoint", // Office 365 SharePoint Online
    clientId: "00000003-0000-0ff1-ce00-000000000000",
    roles: ["Sites.FullControl.All", "User.Read.All"],
  },
];

// Read, not managed: Microsoft's own service principals exist in every tenant.
const apis = APIS.map((api) => ({ ...api, principal: azuread.getServicePrincipalOutput({ clientId: api.clientId }) }));

function roleId(api: (typeof apis)[number], role: string): pulumi.Output<string> {
  return api.principal.appRoleIds.apply((ids) => {
    const id = ids[role];
    if (!id) throw new Error(`${api.key} offers no application permission ${role} in this tenant.`);
    return id;
  });
}

const application = new azuread.Application("vb365", {
  displayName: `Veeam Backup for Microsoft 365 (${organization})`,
  signInAudience: "AzureADMyOrg",
  requiredResourceAccesses: apis.map((api) => ({
    resourceAppId: api.clientId,
    resourceAccesses: api.roles.map((role) => ({ id: roleId(api, role), type: "Role" })),
  })),
});
const servicePrincipal = new azuread.ServicePrincipal("vb365", { clientId: application.clientId });

// Admin consent: one assignment per application permission.
const consents = apis.flatMap((api) =>
  api.roles.map(
    (role) =>
      new azuread.AppRoleAssignment(`vb365-${api.key}-${role}`, {
        appRoleId: roleId(api, role),
        principalObjectId: servicePrincipal.objectId,
        resourceObjectId: api.principal.objectId,
      }),
  ),
);

// VB365 v8 checks that its application holds the Global Reader role.
const globalReader = new azuread.DirectoryRole("global-reader", { displayName: "Global Reader" });
const readerAssignment = new azuread.DirectoryRoleAssignment("vb365-global-reader", {
  roleId: globalReader.templateId,
  principalObjectId: servicePrincipal.objectId,
});

// The tenant's own certificate, rotated 30 days before it expires: the next one is made beside the
// current one. The application registers the newest of them (the next one while there is one):
// a new value replaces the registration, which Pulumi creates before the organization's update
// that depends on it, and deletes (the old certificate's registration) only after it. After the
// old certificate has expired the next one is the current one, and the registration stays.
const certificate = new TenantCertificate("tenant", {
  subject: { commonName: `${organization} VB365` },
  validityDays: 730,
  rotateBeforeDays: 30,
});
const newest = <T>(next: pulumi.Output<T | null | undefined>, current: pulumi.Output<T>) => pulumi.all([next, current]).apply(([n, c]) => n ?? c);
const registration = new azuread.ApplicationCertificate("vb365", {
  applicationId: application.id,
  type: "AsymmetricX509Cert",
  value: newest(certificate.nextCertificatePem, certificate.certificatePem),
  endDate: newest(certificate.nextNotAfter, certificate.notAfter),
});
// What the application trusts once the registration exists: the organization learns it from the
// registration itself, so it switches to the next certificate only after Entra has it.
const registeredThumbprints = pulumi.all([registration.id, newest(certificate.nextThumbprint, certificate.thumbprint)]).apply(([, thumbprint]) => [thumbprint]);

const appOnly = { applicationId: application.clientId };
const tenant = new Vb365Organization(
  "tenant",
  {
    organizationName: organization,
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    isTeamsChatsOnline: true,
    applicationCertificate: certificate.pfxBase64,
    applicationCertificatePassword: certificate.password,
    nextApplicationCertificate: certificate.nextPfxBase64,
    nextApplicationCertificatePassword: certificate.password,
    registeredThumbprints,
    exchangeOnlineSettings: { ...appOnly, account },
    sharePointOnlineSettings: { ...appOnly, officeOrganizationName: organization },
  },
  // VB365 signs in with the application as soon as it adds the organization.
  { dependsOn: [registration, readerAssignment, ...consents] },
);

export const applicationClientId = application.clientId;
export const organizationId = tenant.organizationId;
export const thumbprint = certificate.thumbprint;
export const certificateNotAfter = certificate.notAfter;
export const nextThumbprint = certificate.nextThumbprint;
/** Where the rotation stands: `switched: …` once the organization uses the next certificate. */
export const certificateRotation = tenant.certificateRotation;
