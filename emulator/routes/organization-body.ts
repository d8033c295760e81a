import { z } from "zod";
import { ciEnum, ciObject, guid, netBool } from "../binding";
import { ORGANIZATION_TYPES, REGIONS } from "../model";

// RestOrganizationComposed as a request body (SPEC6/7/8). Read-only properties (id, name,
// officeName, _links, isBackedup, ...) are not declared, so they are ignored like any unknown
// property; that is how clients can PUT back what they GET (decided: the spec is silent).

const optionalBool = () => netBool().nullish();
const optionalString = () => z.string().nullish();

/** .NET binds "" to a null Guid?; clients that send every field empty (ANON-PS) rely on it. */
const optionalGuid = () => z.preprocess((raw) => (raw === "" ? null : raw), guid().nullish());

/** RESTOffice365ConnectionSettings: identical property list in v6, v7 and v8. */
export const connectionSettingsBody = ciObject({
  useApplicationOnlyAuth: optionalBool(),
  officeOrganizationName: optionalString(),
  sharePointSaveAllWebParts: optionalBool(),
  account: optionalString(),
  password: optionalString(),
  grantAdminAccess: optionalBool(),
  useMfa: optionalBool(),
  useCustomVeeamAADApplication: optionalBool(),
  applicationId: optionalGuid(),
  applicationSecret: optionalString(),
  applicationCertificate: optionalString(),
  applicationCertificatePassword: optionalString(),
  applicationCertificateThumbprint: optionalString(),
});

/** RESTExchangeSettings and RESTSharepointSettings merged: both are on-premises server logins. */
export const onPremisesSettingsBody = ciObject({
  serverName: optionalString(),
  username: optionalString(),
  password: optionalString(),
  useSSL: optionalBool(),
  skipCAverification: optionalBool(),
  skipCommonnameverification: optionalBool(),
  skipRevocationcheck: optionalBool(),
  grantImpersonation: optionalBool(),
  configureThrottlingpolicy: optionalBool(),
  grantAccesstositecollections: optionalBool(),
  serverPort: z.number().int().nullish(),
});

export const organizationBody = ciObject({
  type: ciEnum(ORGANIZATION_TYPES).nullish(),
  region: ciEnum(REGIONS).nullish(),
  description: optionalString(),
  isExchangeOnline: optionalBool(),
  isSharePointOnline: optionalBool(),
  isTeamsOnline: optionalBool(),
  isTeamsChatsOnline: optionalBool(),
  configureApplication: optionalBool(),
  userCode: optionalString(),
  newApplicationName: optionalString(),
  exchangeOnlineSettings: connectionSettingsBody.nullish(),
  sharePointOnlineSettings: connectionSettingsBody.nullish(),
  isExchange: optionalBool(),
  isSharepoint: optionalBool(),
  exchangeSettings: onPremisesSettingsBody.nullish(),
  sharepointSettings: onPremisesSettingsBody.nullish(),
});

export type OrganizationBody = z.output<typeof organizationBody>;
export type ConnectionSettingsBody = z.output<typeof connectionSettingsBody>;
export type OnPremisesSettingsBody = z.output<typeof onPremisesSettingsBody>;
