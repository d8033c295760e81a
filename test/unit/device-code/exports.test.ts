import { expect } from "chai";
import { describe, it } from "mocha";
import * as api from "../../../provider";

describe("pulumi-vb365 public API", () => {
  it("exports the device-code flow and what it needs to connect", () => {
    expect(api.deviceCodeLogin).to.be.a("function");
    expect(api.resolveConnection).to.be.a("function");
    expect(api.Vb365DeviceCodeError.expired(new Date(0))).to.be.instanceOf(api.Vb365Error);
  });
});
