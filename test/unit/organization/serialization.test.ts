import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { ProviderStub } from "../../../provider/runtime";
import stub = require("../../../provider/runtime/organization-stub");
import { outputsFromInputs } from "../../../provider/organization/state";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { stackConfig } from "../../helpers/organization-provider";
import { existingApplicationInputs, makePfx, type TestPfx } from "../../helpers/tenant-fixtures";
import { rejection } from "../../helpers/rejection";

// What the engine stores in state and runs in the provider process: the provider Vb365Organization
// hands to pulumi.dynamic.Resource (a stub that loads the installed implementation), serialized to
// text and loaded back, as the dynamic-provider plugin does.
async function roundTrip<P extends pulumi.dynamic.ResourceProvider>(provider: P): Promise<{ text: string; provider: P }> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  expect(serialized.containsSecrets).to.equal(false);
  const requireFromString: (code: string) => { handler: () => P } = require("require-from-string");
  return { text: serialized.text, provider: requireFromString(serialized.text).handler() };
}

function organizationStub(): ProviderStub {
  return stub;
}

describe("Vb365Organization provider serialization", () => {
  it("stores a stub of a few kilobytes that loads the installed implementation", async () => {
    const { text, provider } = await roundTrip(organizationStub());
    expect(text.length).to.be.below(10_000);
    await provider.configure!({ config: stackConfig({ "vb365:url": "https://vb365.example.com:4443", "vb365:username": "u", "vb365:password": "p" }) });
    const checked = await provider.check!({}, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"));
    expect(checked.failures).to.equal(undefined);
    const bad = await provider.check!({}, { region: "Mars" });
    expect(bad.failures?.map((failure: { property: string }) => failure.property)).to.include("region");
  });

  it("says what to install when the implementation cannot be found", async () => {
    const { provider } = await roundTrip(new ProviderStub("pulumi-vb365/runtime/host", "pulumi-vb365-missing/runtime/organization", "OrganizationProvider"));
    const error = await rejection(provider.check!({}, {}));
    expect((error as Error).message).to.contain("npm install pulumi-vb365");
  });

  let pfx: TestPfx;
  before(async () => {
    pfx = await makePfx();
  });

  it("checks and diffs the same after a round trip", async () => {
    const { provider } = await roundTrip(organizationStub());
    await provider.configure!({ config: stackConfig({ "vb365:url": "https://vb365.example.com:4443", "vb365:username": "u", "vb365:password": "p" }) });
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const checked = await provider.check!({} as OrganizationInputs, inputs);
    expect(checked.failures).to.equal(undefined);
    const olds = outputsFromInputs(checked.inputs!, { id: "id-1", name: "contoso.onmicrosoft.com" }, "v8");
    expect(await provider.diff!("id-1", olds, checked.inputs!)).to.deep.equal({ changes: false, replaces: [] });
    expect((await provider.diff!("id-1", olds, { ...checked.inputs!, isTeamsOnline: true })).changes).to.equal(true);
    const bad = await provider.check!({} as OrganizationInputs, { ...inputs, region: "Mars" } as never);
    expect(bad.failures?.[0].property).to.equal("region");
  });

  it("reads VB365_* variables when called, so they never reach the serialized text", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { VB365_URL: "https://vb365.example.com:4443", VB365_USERNAME: "svc-backup", VB365_PASSWORD: "Sup3r-Secret-Pw" });
    try {
      const { text, provider } = await roundTrip(organizationStub());
      expect(text).not.to.contain("Sup3r-Secret-Pw").and.not.to.contain("svc-backup");
      await provider.configure!({ config: stackConfig({}) });
      const checked = await provider.check!({} as OrganizationInputs, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"));
      expect(checked.failures, "the variables are found at call time").to.equal(undefined);
    } finally {
      process.env = saved;
    }
  });
});
