import { expect } from "chai";
import { describe, it } from "mocha";
import { CATALOGUE } from "../../../provider/catalogue";
import { CONNECTION_CONFIG } from "../../../provider/client/config-keys";
import type { Field, Fields } from "../../../provider/common/definition";
import { SETTINGS_FIELDS, SETTINGS_OUTPUT_FIELDS } from "../../../provider/organization/definition";
import { packageSchema } from "../../../provider/plugin/schema/package-schema";
import type { PropertySpec } from "../../../provider/plugin/schema/pulumi-schema";

const schema = packageSchema("1.2.3");

/** What a property must say of the field it comes from. */
function expectDescribes(property: PropertySpec | undefined, field: Field, where: string): void {
  expect(property, where).to.not.equal(undefined);
  expect(property!.description, `${where} description`).to.equal(field.description);
  expect(property!.secret === true, `${where} secret`).to.equal(field.secret === true);
  const primitive = ["string", "number", "boolean"].includes(typeof field.default);
  expect(property!.default, `${where} default`).to.equal(primitive ? field.default : undefined);
  expect(property!.willReplaceOnChanges === true, `${where} replaces`).to.equal(field.change === "replace");
}

function expectAllDescribed(properties: Record<string, PropertySpec>, fields: Fields, where: string): void {
  for (const [name, field] of Object.entries(fields)) expectDescribes(properties[name], field, `${where}.${name}`);
}

describe("the vb365 package schema", () => {
  it("offers every resource of the catalogue under vb365:index:<name>, and nothing else", () => {
    expect(Object.keys(schema.resources)).to.deep.equal(CATALOGUE.map((entry) => `vb365:index:${entry.name}`));
    expect(schema).to.deep.include({ name: "vb365", version: "1.2.3" });
  });

  for (const entry of CATALOGUE) {
    describe(`vb365:index:${entry.name}`, () => {
      const resource = schema.resources[`vb365:index:${entry.name}`]!;

      it("takes every input of the definition, with its description, secret flag, default and replacement", () => {
        expect(Object.keys(resource.inputProperties)).to.deep.equal(Object.keys(entry.inputs));
        expectAllDescribed(resource.inputProperties, entry.inputs, "input");
      });

      it("has every output and every input the state keeps as a property, and no input kept out of state", () => {
        const kept = entry.keepsInputs ? Object.entries(entry.inputs).filter(([, field]) => field.inState !== false) : [];
        expect(Object.keys(resource.properties).sort()).to.deep.equal([...new Set([...kept.map(([name]) => name), ...Object.keys(entry.outputs)])].sort());
        expectAllDescribed(resource.properties, entry.outputs, "output");
        expect(resource.description).to.equal(entry.summary);
      });

      it("requires the outputs the provider always sets", () => {
        const always = Object.entries(entry.outputs).filter(([, field]) => !field.schema().safeParse(undefined).success).map(([name]) => name);
        expect(resource.required).to.deep.equal(always);
      });
    });
  }

  it("describes a service's settings field by field, what the provider adds included", () => {
    const settings = schema.types["vb365:index:ServiceConnectionSettings"]!;
    expect(Object.keys(settings.properties)).to.deep.equal([...Object.keys(SETTINGS_FIELDS), ...Object.keys(SETTINGS_OUTPUT_FIELDS)]);
    expectAllDescribed(settings.properties, { ...SETTINGS_FIELDS, ...SETTINGS_OUTPUT_FIELDS }, "settings");
    const organization = schema.resources["vb365:index:Organization"]!;
    expect(organization.inputProperties.exchangeOnlineSettings!.$ref).to.equal("#/types/vb365:index:ServiceConnectionSettings");
    expect(organization.properties.sharePointOnlineSettings!.$ref).to.equal("#/types/vb365:index:ServiceConnectionSettings");
  });

  it("types a job's items as one object of every item's settings, the type required", () => {
    const item = schema.types["vb365:index:JobItem"]!;
    expect(item.required).to.deep.equal(["type"]);
    expect(item.properties.type!.description).to.equal("What the item is: PartialOrganization, User, Group, Site, Team, PersonalSites.");
    expect(item.properties.user).to.deep.equal({ type: "string", description: "For User." });
    expect(item.properties.mailbox).to.deep.equal({ type: "boolean", description: "For PartialOrganization, User, Group." });
    const schedule = schema.types["vb365:index:JobSchedule"]!;
    expect(schedule.properties.backupWindow!.$ref).to.equal("#/types/vb365:index:JobWindow");
    expect(schedule.properties.periodicallyWindow!.$ref).to.equal("#/types/vb365:index:JobWindow");
    // A day or a list of days: a list to the SDKs (which handle a union of a string and a list wrongly); check takes both.
    expect(schema.types["vb365:index:JobWindowSpan"]!.properties.days).to.deep.equal({
      type: "array",
      items: { type: "string" },
      description: "A list of one of Everyday, Workdays, Weekends, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.",
    });
  });

  it("types what a program declares: a key size is an integer, a time of day a string", () => {
    expect(schema.resources["vb365:index:TenantCertificate"]!.inputProperties.keySize!.type).to.equal("integer");
    expect(schema.types["vb365:index:JobSchedule"]!.properties.dailyTime!.type).to.equal("string");
  });

  it("resolves every type reference to a type of the package", () => {
    const references = JSON.stringify(schema).match(/"#\/types\/[^"]+"/g) ?? [];
    const missing = references.map((reference) => reference.slice(9, -1)).filter((name) => !(name in schema.types));
    expect(missing).to.deep.equal([]);
  });

  it("declares the vb365: configuration, its credentials secret, as the provider's inputs", () => {
    expect(Object.keys(schema.config.variables)).to.deep.equal(Object.keys(CONNECTION_CONFIG));
    expect(Object.entries(schema.config.variables).filter(([, variable]) => variable.secret).map(([name]) => name)).to.deep.equal(["password", "connections"]);
    expect(schema.provider.inputProperties).to.deep.equal(schema.config.variables);
    expect(schema.config.variables.url!.description).to.contain("Environment variable: `VB365_URL`.");
  });

  it("declares the switch that allows plain http:// to another machine, a boolean with its variable", () => {
    expect(schema.config.variables.allowInsecureHttp).to.deep.include({ type: "boolean" });
    expect(schema.config.variables.allowInsecureHttp!.description).to.contain("cross the network unencrypted").and.contain("Environment variable: `VB365_ALLOW_INSECURE_HTTP`.");
  });
});
