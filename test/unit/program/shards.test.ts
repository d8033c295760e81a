import { expect } from "chai";
import { describe, it } from "mocha";
import { movedMessage, movedTenants, shardOf } from "../../../program/shards";
import { parseTenantsFile } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const names = Array.from({ length: 1000 }, (_, i) => `tenant-${i}`);

function file(header: string, tenants: string): string {
  return `${header}tenants:\n${tenants}`;
}
const tenant = (name: string, extra = "") => `  - name: ${name}\n    organization: ${name}.onmicrosoft.com\n    authentication: { kind: newApplication }\n${extra}`;

describe("shards of a tenants file", () => {
  it("spreads tenants over the shards, about evenly, the same way every time", () => {
    const shards = ["eu-1", "eu-2", "us-1", "us-2"];
    const counts = new Map<string, number>();
    for (const name of names) counts.set(shardOf(name, shards), (counts.get(shardOf(name, shards)) ?? 0) + 1);
    expect([...counts.keys()].sort()).to.deep.equal(shards);
    for (const count of counts.values()) expect(count).to.be.within(200, 300);
    expect(names.map((name) => shardOf(name, shards))).to.deep.equal(names.map((name) => shardOf(name, [...shards])));
  });

  it("moves only the tenants the new shard takes when one is added, and none between the old ones", () => {
    const before = ["eu-1", "eu-2", "us-1", "us-2"];
    const after = [...before, "ap-1"];
    const moved = names.filter((name) => shardOf(name, before) !== shardOf(name, after));
    expect(moved.every((name) => shardOf(name, after) === "ap-1")).to.equal(true);
    expect(moved.length).to.be.within(150, 250); // about 1/5
  });

  it("assigns each tenant its own shard: or the hashed one, and keeps the file's list", () => {
    const parsed = parseTenantsFile(file("shards: [eu, us]\n", tenant("alpha", "    shard: us\n") + tenant("beta")), "tenants.yaml");
    expect(parsed.shards).to.deep.equal(["eu", "us"]);
    expect(parsed.tenants.map((t) => t.shard)).to.deep.equal(["us", shardOf("beta", ["eu", "us"])]);
    expect(parseTenantsFile(file("", tenant("alpha")), "tenants.yaml")).to.deep.include({ shards: [] });
    expect(parseTenantsFile(file("", tenant("alpha")), "tenants.yaml").tenants[0].shard).to.equal(undefined);
  });

  it("refuses a shard the file does not list, a shard without a list, and a name listed twice", () => {
    expect(tenantsFileProblems(file("shards: [eu, us]\n", tenant("alpha", "    shard: ap\n")), "tenants.yaml")).to.contain('tenant "alpha", shard (line 6): must be one of the file\'s shards: eu, us');
    expect(tenantsFileProblems(file("", tenant("alpha", "    shard: eu\n")), "tenants.yaml")).to.contain("shard (line 5): needs the file's list of shards: add shards: [...] at the top of the file");
    expect(tenantsFileProblems(file("shards: [eu, eu]\n", tenant("alpha")), "tenants.yaml")).to.match(/shards\[1\] \(line 1\): names the shard eu twice/);
  });

  it("finds the tenants a stack onboarded that the file now puts in another shard, ignoring removed ones", () => {
    const declared = [{ name: "alpha", shard: "eu" }, { name: "beta", shard: "us" }];
    expect(movedTenants(["alpha", "beta", "gone"], declared, "eu")).to.deep.equal([{ tenant: "beta", to: "us" }]);
    expect(movedTenants(["alpha"], declared, "eu")).to.deep.equal([]);
    expect(movedMessage([{ tenant: "beta", to: "us" }], "eu", "tenants.yaml")).to.match(/^tenants\.yaml now assigns tenants this stack \(shard eu\) onboarded to other shards: beta \(now us\)\. .*Nothing was changed\. Keep each where it is with "shard: eu"/);
  });
});
