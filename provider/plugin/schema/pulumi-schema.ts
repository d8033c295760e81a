/**
 * The parts of Pulumi's package schema (https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/schema/)
 * that the vb365 package uses.
 */

export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
  oneOf?: TypeSpec[];
}

export interface PropertySpec extends TypeSpec {
  description?: string;
  secret?: boolean;
  default?: string | number | boolean;
  willReplaceOnChanges?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface ResourceSpec extends Omit<ObjectTypeSpec, "type"> {
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
}

export interface PackageSpec {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  homepage?: string;
  repository?: string;
  license: string;
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  resources: Record<string, ResourceSpec>;
  types: Record<string, ObjectTypeSpec>;
  language: Record<string, unknown>;
}

/** The schema's own type for a value of any shape. */
export const ANY: TypeSpec = { $ref: "pulumi.json#/Any" };

export const PACKAGE = "vb365";

/** `vb365:index:<name>`: the token of a resource or object type of this package. */
export function token(name: string): string {
  return `${PACKAGE}:index:${name}`;
}
