import type * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../client";
import { containsUnknown, isUnknown, restoreUnknowns, structuralFailures, UNKNOWN_SENTINEL, withoutUnknowns } from "../common/check";
import { plainInputs } from "../tenant-certificate/normalize";
import { withDefaultsOf } from "../common/definition";
import { ORGANIZATION_FIELDS, SERVICE_NAMES, SETTINGS_FIELDS } from "./definition";
import { APPLICATION_CERTIFICATE_FIELDS, type CertificateReading, NEXT_APPLICATION_CERTIFICATE_FIELDS, readApplicationCertificate, serviceCertificateFields } from "./certificate";
import { type OrganizationPlan, planOf } from "./plan";
import { checkRules, deviceCodeNameFailures, registrationFailures } from "./rules";
import { knownInputs, organizationInputsSchema } from "./schema";
import type { OrganizationInputs } from "./types";

/**
 * Validates and normalises inputs at preview, before any request: structure (zod), the rules of
 * the authentication kind, and the certificate itself. Values still unknown at preview are
 * passed through and assumed valid; they are checked again once known. `previous`: the inputs the
 * organization was created or last updated with (check's old inputs), undefined before creation.
 */
export function checkOrganization(news: Record<string, unknown>, apiVersion: ApiVersion | undefined, previous?: OrganizationInputs): pulumi.dynamic.CheckResult<OrganizationInputs> {
  const raw = plainInputs(news);
  // A list with a thumbprint not known yet (an azuread registration being replaced) is unknown as
  // a whole: which certificates the application trusts is decided again once it is known.
  if (containsUnknown(raw.registeredThumbprints)) raw.registeredThumbprints = UNKNOWN_SENTINEL;
  const parsed = organizationInputsSchema().safeParse(withoutUnknowns(raw));
  if (!parsed.success) return { failures: structuralFailures(parsed.error.issues, raw, "Vb365Organization", knownInputs) };

  const inputs = withDefaults(parsed.data);
  // Rules see an unknown value as "given": it will be checked again when it is known.
  const plan = planOf(assumeUnknownsGiven(inputs, raw));
  const creating = !previous || Object.keys(previous).length === 0;
  const failures = checkRules(plan, apiVersion).filter((failure) => stillApplies(failure, plan, previous));
  if (creating && !failures.some((failure) => failure.property === "organizationName")) failures.push(...deviceCodeNameFailures(plan));
  const readings = new Map<string, CertificateReading>();
  // The shared certificate is opened once for both services.
  const read = (certificate: string, password: string | undefined, service: string, input: string) => {
    const key = `${certificate}\u0000${password ?? ""}`;
    const fields = input === APPLICATION_CERTIFICATE_FIELDS.pfx ? APPLICATION_CERTIFICATE_FIELDS : serviceCertificateFields(service);
    const reading = readings.get(key) ?? readApplicationCertificate(certificate, password, fields);
    readings.set(key, reading);
    return reading;
  };
  const fail = (property: string, reason: string) => {
    if (!failures.some((failure) => failure.property === property)) failures.push({ property, reason });
  };
  for (const { service, settings, certificateInput } of plan.declared) {
    if (!certificateInput || isUnknown(settings)) continue;
    const { applicationCertificate: certificate, applicationCertificatePassword: password } = settings;
    if (!certificate || isUnknown(certificate) || isUnknown(password)) continue;
    const reading = read(certificate, password, service, certificateInput);
    if (!reading.problem) inputs[service]!.applicationCertificateThumbprint = reading.thumbprint;
    else fail(certificateInput, reading.problem);
  }
  const { nextApplicationCertificate: next, nextApplicationCertificatePassword: nextPassword } = inputs;
  if (next !== undefined && !isUnknown(raw.nextApplicationCertificate) && !isUnknown(raw.nextApplicationCertificatePassword)) {
    const reading = readApplicationCertificate(next, nextPassword, NEXT_APPLICATION_CERTIFICATE_FIELDS);
    if (!reading.problem) inputs.nextApplicationCertificateThumbprint = reading.thumbprint;
    else fail("nextApplicationCertificate", reading.problem);
  }
  if (creating && failures.length === 0) failures.push(...registrationFailures(planOf(restoreUnknowns(inputs, raw) as OrganizationInputs)));
  if (failures.length) return { failures };
  return { inputs: restoreUnknowns(inputs, raw) as OrganizationInputs };
}

/** v8's refusals to add an organization with legacy protocols or basic authentication. */
const V8_ADDING_ONLY = ["exchangeOnlineSettings.useMfa", "exchangeOnlineSettings.useApplicationOnlyAuth"];

/**
 * Some rules hold only when VB365 adds the organization: the device code is a one-time
 * credential (it may leave the config afterwards), and v8 still updates organizations added
 * with legacy protocols or basic authentication before an upgrade, as long as they keep it.
 */
function stillApplies(failure: pulumi.dynamic.CheckFailure, plan: OrganizationPlan, previous: OrganizationInputs | undefined): boolean {
  if (!previous || Object.keys(previous).length === 0) return true;
  if (failure.property === "userCode") return false;
  return !(V8_ADDING_ONLY.includes(failure.property) && planOf(previous).kind === plan.kind);
}

function withDefaults(inputs: OrganizationInputs): OrganizationInputs {
  const result = withDefaultsOf(ORGANIZATION_FIELDS, inputs);
  for (const service of SERVICE_NAMES) {
    const settings = inputs[service];
    if (settings) result[service] = withDefaultsOf(SETTINGS_FIELDS, settings);
  }
  return result;
}

function assumeUnknownsGiven(inputs: OrganizationInputs, raw: Record<string, unknown>): OrganizationInputs {
  return restoreUnknowns(inputs, raw) as OrganizationInputs;
}
