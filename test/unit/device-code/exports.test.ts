import { expect } from "chai";
import { describe, it } from "mocha";
import * as api from "../../../provider";

describe("pulumi-vb365 public API", () => {
  it("exports the device-code flow and what it needs to connect", () => {
    expect(api.deviceCodeLogin).to.be.a("function");
    expect(api.resolveConnection).to.be.a("function");
    const expired = api.Vb365DeviceCodeError.expired(new Date(0));
    expect(expired).to.be.instanceOf(api.Vb365Error);
    expect(expired.name).to.equal("Vb365DeviceCodeError");
    expect(api.Vb365Error.isInstance(expired)).to.equal(true);
  });
});
