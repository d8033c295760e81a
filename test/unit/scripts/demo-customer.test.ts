import { expect } from "chai";
import { describe, it } from "mocha";
import { parseTenants } from "../../../program/tenants-file";
import { customerTenants, missingCertificates, withConfirmations } from "../../../scripts/demo-customer";

const FILE = `# Our customers.
tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }   # VB365 registers
  - name: northwind
    organization: northwind.onmicrosoft.com
    authentication: { kind: existingApplication, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a }
    certificateRegistration: { by: customer, thumbprints: [] }
`;
const THUMBPRINT = "86F1769B6E0544E16A6EA1E9E9BC0BB71A8DE900";

describe("npm start playing the customers who register certificates", () => {
  it("plays only the tenants whose file says the customer registers them", () => {
    expect(customerTenants(parseTenants(FILE, "tenants.yaml")).map((tenant) => tenant.name)).to.deep.equal(["northwind"]);
  });

  it("makes first the certificates the stack has not made yet", () => {
    const customers = customerTenants(parseTenants(FILE, "tenants.yaml"));
    expect(missingCertificates(customers, {})).to.deep.equal(["northwind"]);
    expect(missingCertificates(customers, { northwind: { thumbprint: THUMBPRINT, certificatePem: "PEM" } })).to.deep.equal([]);
  });

  it("lists the confirmations in its copy of the file, keeping the rest of it, comments included, and what it is", () => {
    const copy = withConfirmations(FILE, new Map([["northwind", [THUMBPRINT]]]));
    expect(copy).to.contain("# Written by npm start from tenants.yaml");
    expect(copy).to.contain("# Our customers.");
    expect(copy).to.contain("authentication: { kind: newApplication } # VB365 registers");
    const [contoso, northwind] = parseTenants(copy, "copy.yaml");
    expect(contoso!.certificateRegistration).to.deep.equal({ by: "vb365" });
    expect(northwind!.certificateRegistration).to.deep.equal({ by: "customer", thumbprints: [THUMBPRINT] });
  });
});
