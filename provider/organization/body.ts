import { type FieldMeta, withDefaultsOf } from "../common/definition";
import { ORGANIZATION_FIELDS } from "./definition";
import { switchesWithDeviceCode } from "./certificate-rotation";
import type { OrganizationPlan } from "./plan";
import type { ServiceConnectionState } from "./types";

/**
 * The JSON body of POST (create) or PUT (update) /Organizations for these inputs, in VB365's own
 * property names: every input the definition sends (not the provider's own, such as
 * organizationName; create-only ones on create only), as declared or defaulted, plus the explicit
 * useApplicationOnlyAuth. Each service carries the certificate the plan chose for it, or none where
 * the server's stays; an update that switches with a device code carries what makes VB365 register
 * the new certificate on the application: configureApplication and the code (SPEC6/7/8).
 */
export function organizationBody(plan: OrganizationPlan, purpose: "create" | "update"): Record<string, unknown> {
  const { kind } = plan;
  const inputs = withDefaultsOf(ORGANIZATION_FIELDS, plan.inputs);
  const body: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ORGANIZATION_FIELDS) as Array<[keyof typeof ORGANIZATION_FIELDS, FieldMeta]>) {
    if (field.sent === false || field.fields || (field.change === "createOnly" && purpose !== "create")) continue;
    // Left out is left out: isTeamsChatsOnline, for one, arrived in 6a (build 6.1.0.222).
    if (inputs[name] !== undefined) body[name] = inputs[name];
  }
  for (const { service, settings } of plan.services) {
    // After creation the server knows the application it registered; PUT must not name another.
    body[service] = serviceBody(settings, purpose === "update" && kind === "newApplication", plan.inputs.keepServerCredentials === true);
  }
  // What only one authentication kind uses is sent with that kind only.
  if (kind !== "newApplication") delete body.newApplicationName;
  if (!plan.usesDeviceCode) delete body.userCode;
  if (kind === "existingApplicationConfigured" && purpose === "create") body.configureApplication = true;
  else delete body.configureApplication;
  if (purpose === "update" && switchesWithDeviceCode(plan)) {
    body.configureApplication = true;
    body.userCode = plan.inputs.userCode;
  }
  return body;
}

function serviceBody(settings: ServiceConnectionState, omitApplicationId: boolean, kept: boolean): Record<string, unknown> {
  const { applicationCertificateThumbprint: _derived, ...declared } = settings;
  const appOnly = settings.useApplicationOnlyAuth ?? true;
  const body: Record<string, unknown> = { ...declared, useApplicationOnlyAuth: appOnly };
  // Every field body of app-only authentication sends useMfa: true (vb365-api.md §10); what the
  // server does without it is unknown, so the provider sends what is known to work. A kept
  // organization works as the server has it: what is not declared stays the server's.
  if (appOnly && settings.useMfa === undefined && !kept) body.useMfa = true;
  if (omitApplicationId) delete body.applicationId;
  return body;
}
