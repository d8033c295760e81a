import type * as pulumi from "@pulumi/pulumi";
import { namesWhere } from "../common/definition";
import { type OutputProperties, resourceProperties, Vb365DynamicResource } from "../common/dynamic-resource";
import type { InputsOf } from "../common/inputs";
import { ROLE_FIELDS, ROLE_OUTPUT_FIELDS } from "./definition";
import type { RoleInputs, RoleOutputs } from "./types";
// One provider object for every resource of this type; the state stores only a reference to it.
import provider = require("../runtime/restore-operator-role-stub");

const SECRET_INPUTS = namesWhere(ROLE_FIELDS, (candidate) => candidate.secret === true);
const OUTPUT_NAMES = Object.keys(ROLE_OUTPUT_FIELDS);

/** Arguments of {@link Vb365RestoreOperatorRole}: the inputs of its definition (definition.ts), each described there. */
export type Vb365RestoreOperatorRoleArgs = InputsOf<RoleInputs>;

/**
 * A restore-operator role of a VB365 organization: who of the tenant (users by UPN, groups by
 * name) may explore and restore its backed-up data, all of it or the objects named.
 *
 * @example
 * new Vb365RestoreOperatorRole("contoso-helpdesk", {
 *   organizationId: org.organizationId,
 *   operators: [{ type: "Group", group: "Helpdesk" }],
 *   roleType: "SpecificObjects",
 *   selectedItems: [{ type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" }],
 * });
 */
export class Vb365RestoreOperatorRole extends Vb365DynamicResource {
  constructor(name: string, args: Vb365RestoreOperatorRoleArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, resourceProperties(OUTPUT_NAMES, { ...args, name: args.name ?? name }, SECRET_INPUTS), opts, "vb365", "RestoreOperatorRole");
  }
}

/** Every output the state keeps (definition.ts) as a property. */
export interface Vb365RestoreOperatorRole extends OutputProperties<RoleOutputs> {}
