import { ANY, type ObjectTypeSpec, type PropertySpec, type TypeSpec, token } from "./pulumi-schema";

/** What zod's `toJSONSchema` says of a field, as far as the package schema needs it. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  description?: string;
}

/**
 * The object types of the package, each registered once under its name. Two places that name
 * the same type (a job's `backupWindow` and `periodicallyWindow`) must give it the same shape.
 */
export class ObjectTypes {
  readonly specs: Record<string, ObjectTypeSpec> = {};

  add(name: string, spec: ObjectTypeSpec): TypeSpec {
    const key = token(name);
    const known = this.specs[key];
    if (known && JSON.stringify(known) !== JSON.stringify(spec)) {
      throw new Error(`Two object types are named ${name} but differ; give one another name in the plugin's type names.`);
    }
    this.specs[key] = spec;
    return { $ref: `#/types/${key}` };
  }
}

/** Names an object type by where it is: the resource and the path of properties to it. */
export type TypeNamer = (path: readonly string[]) => string;

/**
 * The package schema's type of a JSON Schema: primitives as they are, objects with properties as
 * named object types, a map as an object of its values' type. A list of items that differ by
 * their `type` (a job's items: users, groups, sites…) becomes one object type with every item's
 * properties, `type` required: Pulumi's languages have no tagged unions, and check still holds
 * each item to the properties its type allows.
 */
export function typeOfJson(schema: JsonSchema, path: readonly string[], names: TypeNamer, types: ObjectTypes): PropertySpec {
  const options = schema.oneOf ?? schema.anyOf;
  if (options) return unionType(options, path, names, types);
  if (schema.const !== undefined) return { type: primitiveOf(typeof schema.const) };
  switch (schema.type) {
    case "string":
    case "boolean":
    case "integer":
      return { type: schema.type };
    case "number":
      // A choice of whole numbers (a key size) is an integer to every language.
      return { type: schema.enum?.every(Number.isInteger) ? "integer" : "number" };
    case "array":
      return { type: "array", items: schema.items ? typeOfJson(schema.items, path, names, types) : ANY };
    case "object":
      // An object that takes any other property besides the ones named (an object as the server listed it) is data, not a type.
      if (isLoose(schema)) return { type: "object", additionalProperties: ANY };
      if (schema.properties && Object.keys(schema.properties).length > 0) return types.add(names(path), objectSpec(schema, path, names, types));
      if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        return { type: "object", additionalProperties: typeOfJson(schema.additionalProperties, path, names, types) };
      }
      return { type: "object", additionalProperties: ANY };
    default:
      return ANY;
  }
}

function objectSpec(schema: JsonSchema, path: readonly string[], names: TypeNamer, types: ObjectTypes): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    properties[name] = { ...typeOfJson(property, [...path, name], names, types), ...described(property) };
  }
  return { type: "object", properties, ...(schema.required?.length ? { required: [...schema.required] } : {}) };
}

/**
 * A union: of objects told apart by `type`, one object type (taggedObjectSpec); of a value and a
 * list of such values (a day, or days), the list, since the languages' SDKs handle a union of a
 * string and a list wrongly (the Python SDK refuses the list, Go's code generation does not
 * compile) and the provider takes a list of one as it takes the value alone; of anything else, a
 * value of any shape that says what it takes. Check holds every value to the union itself.
 */
function unionType(options: JsonSchema[], path: readonly string[], names: TypeNamer, types: ObjectTypes): PropertySpec {
  const tagged = options.every((option) => option.type === "object" && option.properties?.type?.const !== undefined);
  if (tagged) return types.add(names(path), taggedObjectSpec(options, path, names, types));
  const list = options.find((option) => option.type === "array" && options.some((other) => JSON.stringify(other) === JSON.stringify(option.items)));
  if (list) return { ...typeOfJson(list, path, names, types), description: `A list of ${inWords(list.items!, 0, [])}.` };
  return { ...ANY, description: `${options.map(inWords).join(", or ")}.`.replace(/^./, (first) => first.toUpperCase()) };
}

/** What a value of `schema` is, in words: "one of A, B" or "a list of them". */
function inWords(schema: JsonSchema, index: number, all: JsonSchema[]): string {
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "array" && schema.items) {
    const earlier = all.slice(0, index).some((other) => JSON.stringify(other) === JSON.stringify(schema.items));
    return earlier ? "a list of them" : `a list of ${inWords(schema.items, 0, [])}`;
  }
  return `a ${schema.type ?? "value"}`;
}

/** One object of every variant's properties; each says which variants take it. */
function taggedObjectSpec(variants: JsonSchema[], path: readonly string[], names: TypeNamer, types: ObjectTypes): ObjectTypeSpec {
  const tags = variants.map((variant) => String(variant.properties!.type!.const));
  const properties: Record<string, PropertySpec> = { type: { type: "string", description: `What the item is: ${tags.join(", ")}.` } };
  const takenBy = new Map<string, string[]>();
  for (const [index, variant] of variants.entries()) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      if (name === "type") continue;
      if (!properties[name]) properties[name] = { ...typeOfJson(property, [...path, name], names, types), ...described(property) };
      takenBy.set(name, [...(takenBy.get(name) ?? []), tags[index]!]);
    }
  }
  for (const [name, tagsOf] of takenBy) {
    const own = properties[name]!.description;
    properties[name]!.description = `${own ? `${own} ` : ""}For ${tagsOf.join(", ")}.`;
  }
  return { type: "object", properties, required: ["type"] };
}

function isLoose(schema: JsonSchema): boolean {
  const other = schema.additionalProperties;
  return other === true || (typeof other === "object" && Object.keys(other).length === 0);
}

function described(schema: JsonSchema): Pick<PropertySpec, "description"> {
  if (schema.description) return { description: schema.description };
  if (schema.enum) return { description: `One of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}.` };
  return {};
}

function primitiveOf(kind: string): TypeSpec["type"] {
  return kind === "number" ? "number" : kind === "boolean" ? "boolean" : "string";
}
