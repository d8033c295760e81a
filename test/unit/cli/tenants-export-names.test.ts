import { expect } from "chai";
import { describe, it } from "mocha";
import { jobNameOf, tenantNameOf, uniqueName } from "../../../cli/tenants/export/names";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

describe("vb365 tenants export: names", () => {
  it("names a tenant by its organization, without the initial domain of any cloud", () => {
    expect(tenantNameOf("contoso.onmicrosoft.com")).to.equal("contoso");
    expect(tenantNameOf("Fabrikam.OnMicrosoft.DE")).to.equal("fabrikam");
    expect(tenantNameOf("tailspin.onmicrosoft.us")).to.equal("tailspin");
    expect(tenantNameOf("northwind.partner.onmschina.cn")).to.equal("northwind");
    expect(tenantNameOf("fabrikam.com")).to.equal("fabrikam-com");
    expect(tenantNameOf("  Müller_&_Söhne.onmicrosoft.com ")).to.equal("muller-sohne");
  });

  it("keeps a name within 63 characters that start and end with a letter or digit", () => {
    const long = tenantNameOf(`${"a".repeat(62)}-b.onmicrosoft.com`);
    expect(long).to.equal("a".repeat(62));
    expect(long).to.match(NAME);
    expect(tenantNameOf("---.onmicrosoft.com")).to.equal("tenant");
  });

  it("gives a job the name of its VB365 job, without the tenant's prefix the program puts there", () => {
    expect(jobNameOf("contoso-exchange", "contoso")).to.equal("exchange");
    expect(jobNameOf("Contoso Mail Backup", "contoso")).to.equal("mail-backup");
    expect(jobNameOf("Nightly (all)", "contoso")).to.equal("nightly-all");
    expect(jobNameOf("contoso", "contoso")).to.equal("contoso");
    expect(jobNameOf(null, "contoso")).to.equal("job");
  });

  it("disambiguates a taken name with the first free number, cut to fit", () => {
    const taken = new Set(["contoso"]);
    expect(["contoso", "contoso", "fabrikam", "contoso"].map((name) => uniqueName(name, taken))).to.deep.equal(["contoso-2", "contoso-3", "fabrikam", "contoso-4"]);
    const long = "x".repeat(61) + "-y";
    const names = new Set([long]);
    const second = uniqueName(long, names);
    expect(second).to.equal(`${"x".repeat(61)}-2`);
    expect(second).to.match(NAME);
    expect(uniqueName(long, names)).to.equal(`${"x".repeat(61)}-3`);
  });
});
