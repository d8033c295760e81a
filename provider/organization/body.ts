import type { OrganizationPlan } from "./plan";
import type { ServiceConnectionState } from "./types";

/**
 * The JSON body of POST (create) or PUT (update) /Organizations for these inputs, in VB365's own
 * property names. Only what the user declared is sent, plus the explicit useApplicationOnlyAuth.
 */
export function organizationBody(plan: OrganizationPlan, purpose: "create" | "update"): Record<string, unknown> {
  const { inputs, kind } = plan;
  const body: Record<string, unknown> = {
    type: "Office365",
    region: inputs.region ?? "Worldwide",
    isExchangeOnline: inputs.isExchangeOnline ?? false,
    isSharePointOnline: inputs.isSharePointOnline ?? false,
    isTeamsOnline: inputs.isTeamsOnline ?? false,
  };
  // isTeamsChatsOnline arrived in 6a (build 6.1.0.222); leave it out unless asked for.
  if (inputs.isTeamsChatsOnline !== undefined) body.isTeamsChatsOnline = inputs.isTeamsChatsOnline;
  if (inputs.description !== undefined) body.description = inputs.description;
  for (const { service, settings } of plan.services) {
    // After creation the server knows the application it registered; PUT must not name another.
    body[service] = serviceBody(settings, purpose === "update" && kind === "newApplication");
  }
  if (purpose === "create") {
    if (kind === "newApplication") body.newApplicationName = inputs.newApplicationName;
    if (inputs.userCode && plan.usesDeviceCode) body.userCode = inputs.userCode;
  }
  if (kind === "existingApplicationConfigured" && purpose === "create") body.configureApplication = true;
  return body;
}

function serviceBody(settings: ServiceConnectionState, omitApplicationId: boolean): Record<string, unknown> {
  const { applicationCertificateThumbprint: _derived, ...declared } = settings;
  const appOnly = settings.useApplicationOnlyAuth ?? true;
  const body: Record<string, unknown> = { ...declared, useApplicationOnlyAuth: appOnly };
  // Every field body of app-only authentication sends useMfa: true (vb365-api.md §10); what the
  // server does without it is unknown, so the provider sends what is known to work.
  if (appOnly && settings.useMfa === undefined) body.useMfa = true;
  if (omitApplicationId) delete body.applicationId;
  return body;
}
