import { CATALOGUE, type CatalogueEntry } from "../../catalogue";
import { CONNECTION_CONFIG, type ConfigKey } from "../../client/config-keys";
import type { Field, Fields } from "../../common/definition";
import { inputSchemaOf } from "../../common/field-schema";
import { ANY, type ObjectTypeSpec, PACKAGE, type PackageSpec, type PropertySpec, type ResourceSpec, type TypeSpec, token } from "./pulumi-schema";
import { type JsonSchema, ObjectTypes, type TypeNamer, typeOfJson } from "./types-from-json-schema";

/**
 * The names of the package's object types, by resource and the path of properties to them; a
 * path not named here gets the resource's name and the path's, in PascalCase. These names reach
 * the generated SDKs' class names, so they are a contract: rename none.
 */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  "TenantCertificate.subject": "CertificateSubject",
  "Organization.exchangeOnlineSettings": "ServiceConnectionSettings",
  "Organization.sharePointOnlineSettings": "ServiceConnectionSettings",
  "BackupJob.selectedItems": "JobItem",
  "BackupJob.excludedItems": "JobItem",
  "BackupJob.schedule": "JobSchedule",
  "BackupJob.schedule.backupWindow": "JobWindow",
  "BackupJob.schedule.periodicallyWindow": "JobWindow",
  "BackupJob.schedule.backupWindow.allowed": "JobWindowSpan",
  "BackupJob.schedule.periodicallyWindow.allowed": "JobWindowSpan",
  "RestoreOperatorRole.operators": "RoleOperator",
  "RestoreOperatorRole.selectedItems": "RoleItem",
  "RestoreOperatorRole.excludedItems": "RoleItem",
};

/** The package schema of the vb365 provider plugin, read from the resources' definitions. */
export function packageSchema(version: string): PackageSpec {
  const types = new ObjectTypes();
  const resources = Object.fromEntries(CATALOGUE.map((entry) => [token(entry.name), resourceSpec(entry, types)]));
  const config = Object.fromEntries(Object.entries(CONNECTION_CONFIG).map(([name, key]) => [name, configProperty(key)]));
  return {
    name: PACKAGE,
    displayName: "Veeam Backup for Microsoft 365",
    version,
    description: "Onboard and protect Microsoft 365 tenants in Veeam Backup for Microsoft 365: tenant certificates, organizations, backup jobs and restore-operator roles through the VB365 REST API (v6, v7, v8).",
    keywords: ["pulumi", "vb365", "veeam", "microsoft365", "backup", "category/utility"],
    license: "Apache-2.0",
    config: { variables: config },
    provider: {
      description: "The connection to a VB365 server: the `vb365:` stack configuration, with `VB365_*` environment variables as fallbacks.",
      properties: {},
      inputProperties: config,
    },
    resources,
    types: types.specs,
    // respectSchemaVersion: a generated SDK asks the engine for the plugin of this version, which
    // the plugin reports; without it, one asks for 0.0.0 and pulumi import's code generation fails.
    language: {
      nodejs: { packageName: "@pulumi-vb365/vb365", packageDescription: "The vb365 provider plugin's SDK for Node.js (TypeScript programs can also use pulumi-vb365's own resources).", respectSchemaVersion: true },
      python: { packageName: "pulumi_vb365", respectSchemaVersion: true },
      go: { importBasePath: "github.com/pulumi-vb365/sdk/go/vb365", generateResourceContainerTypes: false, respectSchemaVersion: true },
    },
  };
}

function resourceSpec(entry: CatalogueEntry, types: ObjectTypes): ResourceSpec {
  const names: TypeNamer = (path) => TYPE_NAMES[[entry.name, ...path].join(".")] ?? pascal([entry.name, ...path]);
  const nestedOutputs = new Map((entry.nested ?? []).flatMap((nested) => nested.inputs.map((input) => [input, nested.outputs ?? {}] as const)));
  const property = (name: string, field: Field): PropertySpec => propertyOf(field, [name], names, types, nestedOutputs.get(name));
  const inputProperties = mapFields(entry.inputs, property);
  const stored = entry.keepsInputs ? Object.fromEntries(Object.entries(entry.inputs).filter(([, field]) => field.inState !== false)) : {};
  const outputs = { ...mapFields(stored, property), ...mapFields(entry.outputs, property) };
  return {
    description: entry.summary,
    properties: outputs,
    required: Object.keys(entry.outputs).filter((name) => isRequired(entry.outputs[name]!)),
    inputProperties,
  };
}

function propertyOf(field: Field, path: string[], names: TypeNamer, types: ObjectTypes, addedOutputs?: Fields): PropertySpec {
  const type: TypeSpec = field.fields ? types.add(names(path), objectOfFields(field.fields, addedOutputs ?? {}, path, names, types)) : typeOfJson(inputSchemaOf(field) as JsonSchema, path, names, types);
  const spec: PropertySpec = { ...type, description: field.description };
  if (field.secret) spec.secret = true;
  if (isPrimitive(field.default)) spec.default = field.default;
  if (field.change === "replace") spec.willReplaceOnChanges = true;
  return spec;
}

/** An object input whose fields are defined one by one (a service's settings), with what the provider adds to it. */
function objectOfFields(fields: Fields, added: Fields, path: string[], names: TypeNamer, types: ObjectTypes): ObjectTypeSpec {
  const properties = mapFields({ ...fields, ...added }, (name, field) => propertyOf(field, [...path, name], names, types));
  return { type: "object", properties };
}

function configProperty(key: ConfigKey): PropertySpec {
  const type: TypeSpec = key.type === "object" ? { type: "object", additionalProperties: ANY } : { type: key.type };
  const fallback = key.env ? ` Environment variable: \`${key.env}\`.` : "";
  return { ...type, description: `${key.description}${fallback}`, ...(key.secret ? { secret: true } : {}) };
}

function mapFields(fields: Fields, map: (name: string, field: Field) => PropertySpec): Record<string, PropertySpec> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, map(name, field)]));
}

/** An output the provider always sets: its schema does not take undefined. */
function isRequired(field: Field): boolean {
  return !field.schema().safeParse(undefined).success;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function pascal(parts: readonly string[]): string {
  return parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
}
