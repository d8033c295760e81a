import { expect } from "chai";
import { describe, it } from "mocha";
import { z } from "zod";
import { bind, ciEnum, ciObject, guid, netBool, parseGuid } from "../../../emulator/binding";
import { ApiError } from "../../../emulator/errors";
import { thrown } from "../../helpers/rejection";

const refusal = (run: () => unknown): ApiError => thrown(run, ApiError);

describe("emulator binding", () => {
  const schema = ciObject({
    isExchangeOnline: netBool().nullish(),
    region: ciEnum(["Worldwide", "China"] as const).nullish(),
    settings: ciObject({ applicationId: guid().nullish() }).nullish(),
  });

  it("matches property names case-insensitively and drops unknown ones", () => {
    expect(bind(schema, { IsExchangeOnline: true, REGION: "China", other: 1 }, "the body")).to.deep.equal({ isExchangeOnline: true, region: "China" });
  });

  it("binds nested objects the same way", () => {
    expect(bind(schema, { Settings: { APPLICATIONID: "FECCC769-4B8C-4C6B-9D3A-1C2B3A4D5E6F" } }, "the body")).to.deep.equal({
      settings: { applicationId: "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f" },
    });
  });

  it('accepts "true" and "false" strings as booleans, in any case', () => {
    expect(bind(schema, { isExchangeOnline: "TRUE" }, "the body").isExchangeOnline).to.equal(true);
    expect(bind(schema, { isExchangeOnline: " false " }, "the body").isExchangeOnline).to.equal(false);
  });

  it("stores the canonical spelling of an enum value", () => {
    expect(bind(schema, { region: "worldwide" }, "the body").region).to.equal("Worldwide");
  });

  it("names the property, the value and what would be valid", () => {
    expect(refusal(() => bind(schema, { isExchangeOnline: 1 }, "the body")).message).to.equal("The value 1 is not valid for 'isExchangeOnline': expected a boolean.");
    expect(refusal(() => bind(schema, { region: "Mars" }, "the body")).message).to.equal("The value \"Mars\" is not valid for 'region'. Valid values: Worldwide, China.");
    expect(refusal(() => bind(schema, { settings: { applicationId: "x" } }, "the body")).message).to.equal(
      "The value \"x\" is not valid for 'settings.applicationId': expected a GUID such as 00000000-0000-0000-0000-000000000000.",
    );
    expect(refusal(() => bind(schema, "text", "the request body")).message).to.equal("The value \"text\" is not valid for the request body: expected an object.");
  });

  it("reports a missing required value as required", () => {
    const required = ciObject({ backupType: ciEnum(["A", "B"] as const), name: z.string() });
    expect(refusal(() => bind(required, { name: "x" }, "the body")).message).to.equal("'backupType' is required.");
    expect(refusal(() => bind(required, { backupType: "a" }, "the body")).message).to.equal("'name' is required.");
  });

  it("refuses with a 400 ParameterValidationFailure", () => {
    const error = refusal(() => bind(schema, { isExchangeOnline: "maybe" }, "the body"));
    expect(error.status).to.equal(400);
    expect(error.errorCode).to.equal("ParameterValidationFailure");
  });

  describe("parseGuid", () => {
    it("accepts the formats of .NET's Guid.Parse and normalizes them", () => {
      for (const text of ["FECCC769-4B8C-4C6B-9D3A-1C2B3A4D5E6F", "{feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f}", "feccc7694b8c4c6b9d3a1c2b3a4d5e6f"]) {
        expect(parseGuid(text)).to.equal("feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f");
      }
    });

    it("refuses anything else", () => {
      expect(parseGuid("contoso")).to.equal(undefined);
      expect(parseGuid("feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6")).to.equal(undefined);
    });
  });
});
