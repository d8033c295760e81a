import type { CatalogueEntry } from "../catalogue";
import type { Field, Fields } from "./definition";
import { jsonSchemaOf, typeInWords } from "./field-schema";

const CHANGES = { replace: "replaces", update: "in place", createOnly: "nothing (create only)" } as const;

/** The Markdown of docs/resources.md, rendered from the resources' definitions. */
export function resourceDocs(resources: readonly CatalogueEntry[]): string {
  const parts = [
    "# Resources",
    "",
    "Generated from the resources' definitions (`provider/*/definition.ts`) by `npm run docs`; do not edit by hand. " +
      "*A change* says what changing the input does to an existing resource; *reported* inputs are read back by `pulumi refresh`, so a change made in the console shows as drift.",
  ];
  for (const resource of resources) {
    parts.push("", `## ${resource.title}`, "", resource.summary, "", "### Inputs", "", ...inputTable(resource.inputs));
    for (const nested of resource.nested ?? []) parts.push("", `### \`${nested.inputs.join(", ")}\``, "", ...inputTable(nested.fields));
    parts.push("", "### Outputs", "", "Every input, and:", "", "| Output | Secret | Description |", "|---|---|---|");
    for (const [name, output] of outputsOf(resource)) parts.push(`| \`${name}\` | ${output.secret ? "yes" : ""} | ${output.description} |`);
  }
  return `${parts.join("\n")}\n`;
}

/** The resource's outputs, then what it adds to its object-valued inputs, as `<service>.<name>`. */
function outputsOf(resource: CatalogueEntry): Array<[string, Field]> {
  const nested = (resource.nested ?? []).flatMap(({ outputs }) => Object.entries(outputs ?? {}).map(([name, output]): [string, Field] => [`<service>.${name}`, output]));
  return [...Object.entries(resource.outputs), ...nested];
}

function inputTable(fields: Fields): string[] {
  const rows = Object.entries(fields).map(([name, field]) => `| \`${name}\` | ${typeOf(field)} | ${defaultOf(field)} | ${field.secret ? "yes" : ""} | ${field.change ? CHANGES[field.change] : ""} | ${field.reported ? "yes" : ""} | ${field.description} |`);
  return ["| Input | Type | Default | Secret | A change | Reported | Description |", "|---|---|---|---|---|---|---|", ...rows];
}

function typeOf(field: Field): string {
  return field.fields ? "object (below)" : typeInWords(jsonSchemaOf(field));
}

function defaultOf(field: Field): string {
  return field.default === undefined ? "" : `\`${JSON.stringify(field.default)}\``;
}
