import type { Field, Fields } from "./definition";
import { jsonSchemaOf, typeInWords } from "./field-schema";

/** One resource as the documentation shows it. */
export interface DocumentedResource {
  title: string;
  summary: string;
  inputs: Fields;
  /** Object-valued inputs whose fields get a table of their own, by the name of the input. */
  nested?: Record<string, Fields>;
  outputs: Readonly<Record<string, { description: string; secret?: boolean }>>;
}

const CHANGES = { replace: "replaces", update: "in place", createOnly: "nothing (create only)" } as const;

/** The Markdown of docs/resources.md, rendered from the resources' definitions. */
export function resourceDocs(resources: DocumentedResource[]): string {
  const parts = [
    "# Resources",
    "",
    "Generated from the resources' definitions (`provider/*/definition.ts`) by `npm run docs`; do not edit by hand. " +
      "*A change* says what changing the input does to an existing resource; *reported* inputs are read back by `pulumi refresh`, so a change made in the console shows as drift.",
  ];
  for (const resource of resources) {
    parts.push("", `## ${resource.title}`, "", resource.summary, "", "### Inputs", "", ...inputTable(resource.inputs));
    for (const [name, fields] of Object.entries(resource.nested ?? {})) parts.push("", `### \`${name}\``, "", ...inputTable(fields));
    parts.push("", "### Outputs", "", "Every input, and:", "", "| Output | Secret | Description |", "|---|---|---|");
    for (const [name, output] of Object.entries(resource.outputs)) parts.push(`| \`${name}\` | ${output.secret ? "yes" : ""} | ${output.description} |`);
  }
  return `${parts.join("\n")}\n`;
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
