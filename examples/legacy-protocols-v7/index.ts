import * as pulumi from "@pulumi/pulumi";
// In your own project: import { Vb365Organization } from "pulumi-vb365";
import { Vb365Organization } from "../../provider";

// Modern authentication with legacy protocols allowed: a backup account with an app password
// plus an Entra application with a client secret. VB365 v6 and v7 still add organizations this
// way; v8 refuses new ones, and so does this resource's preview when vb365:apiVersion is v8.
const config = new pulumi.Config();
const organization = config.require("organization");

const legacy = {
  useApplicationOnlyAuth: false,
  useMfa: true,
  account: config.require("account"),
  // Secrets stay secrets: config.requireSecret, never config.require.
  password: config.requireSecret("accountPassword"),
  applicationId: config.require("applicationId"),
  applicationSecret: config.requireSecret("applicationSecret"),
  // Let VB365 give the account the roles it needs (ApplicationImpersonation, SharePoint admin).
  grantAdminAccess: true,
};

const tenant = new Vb365Organization("fabrikam", {
  organizationName: organization,
  region: "Worldwide",
  isExchangeOnline: true,
  isSharePointOnline: true,
  exchangeOnlineSettings: legacy,
  sharePointOnlineSettings: legacy,
});

export const organizationId = tenant.organizationId;
export const apiVersion = tenant.apiVersion;
