import * as pulumi from "@pulumi/pulumi";
import { type OutputProperties, resourceProperties, Vb365DynamicResource } from "../common/dynamic-resource";
import { namesWhere, type NotInState } from "../common/definition";
import { type InputsOf, withSecretFields } from "../common/inputs";
import { ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, SETTINGS_FIELDS } from "./definition";
import type { LegacyRegionSpelling, OrganizationInputs, OrganizationOutputs, Region, ServiceConnectionSettings } from "./types";
// One provider object for every resource of this type (Pulumi serializes it once per program);
// the state stores only a reference to it, never the implementation.
import provider = require("../runtime/organization-stub");

const SECRET_SETTINGS = namesWhere(SETTINGS_FIELDS, (candidate) => candidate.secret === true);

/**
 * Arguments of {@link Vb365Organization}: the inputs of its definition (definition.ts, where
 * each is described), and the old region spellings check normalises.
 */
export type Vb365OrganizationArgs = Omit<InputsOf<OrganizationInputs>, "region" | "exchangeOnlineSettings" | "sharePointOnlineSettings" | "nextApplicationCertificate"> & {
  region?: pulumi.Input<Region | LegacyRegionSpelling>;
  /** TenantCertificate.nextPfxBase64 as it is: null (or undefined) while there is no next certificate. */
  nextApplicationCertificate?: pulumi.Input<string | null | undefined>;
  exchangeOnlineSettings?: pulumi.Input<InputsOf<ServiceConnectionSettings>>;
  sharePointOnlineSettings?: pulumi.Input<InputsOf<ServiceConnectionSettings>>;
};

/**
 * A Microsoft 365 organization in Veeam Backup for Microsoft 365, managed through its REST API
 * (v6, v7 or v8). Inputs mirror the API's organization fields, so a body from Veeam's
 * documentation maps one to one. The connection comes from stack config (`vb365:url`,
 * `vb365:username`, `vb365:password` as a secret, `vb365:apiVersion`, `vb365:caCertificate`) or
 * `VB365_*` variables, or from a named entry of `vb365:connections`.
 *
 * @example
 * const cert = new TenantCertificate("contoso", { subject: { commonName: "contoso VB365" } });
 * const org = new Vb365Organization("contoso", {
 *   region: "Worldwide",
 *   isExchangeOnline: true,
 *   isSharePointOnline: true,
 *   isTeamsOnline: true,
 *   newApplicationName: "VB365 contoso",
 *   userCode: config.requireSecret("contosoUserCode"),
 *   // One certificate for both services (each settings object may also name its own).
 *   applicationCertificate: cert.pfxBase64,
 *   applicationCertificatePassword: cert.password,
 * });
 */
export class Vb365Organization extends Vb365DynamicResource {
  constructor(name: string, args: Vb365OrganizationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        ...resourceProperties(ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, args),
        // Settings may carry a password, a client secret and a PFX; the rest stays readable.
        exchangeOnlineSettings: withSecretFields(args.exchangeOnlineSettings, SECRET_SETTINGS),
        sharePointOnlineSettings: withSecretFields(args.sharePointOnlineSettings, SECRET_SETTINGS),
      },
      opts,
      "vb365",
      "Organization",
    );
  }
}

/** Every output the state keeps (definition.ts) as a property: the inputs and what the server assigns. */
export interface Vb365Organization extends OutputProperties<Omit<OrganizationOutputs, NotInState<typeof ORGANIZATION_FIELDS>>> {}
