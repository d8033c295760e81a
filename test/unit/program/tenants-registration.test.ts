import { expect } from "chai";
import { describe, it } from "mocha";
import { thumbprintsOf } from "../../../program/registrations";
import { parseTenants } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "tenants.yaml";
const APPLICATION = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";
const THUMBPRINT = "86F1769B6E0544E16A6EA1E9E9BC0BB71A8DE900";

function tenant(authentication: string, registration = ""): string {
  return `tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
    authentication: ${authentication}
${registration}`;
}

const EXISTING = `{ kind: existingApplication, applicationId: ${APPLICATION} }`;
const CONFIGURED = `{ kind: existingApplication, applicationId: ${APPLICATION}, configureApplication: true }`;
const NEW = "{ kind: newApplication }";

describe("tenants file: who registers certificates (certificateRegistration)", () => {
  it("defaults safely: VB365 where it registers or configures the application, the customer with nothing confirmed for an existing one", () => {
    expect(parseTenants(tenant(NEW), FILE)[0]!.certificateRegistration).to.deep.equal({ by: "vb365" });
    expect(parseTenants(tenant(CONFIGURED), FILE)[0]!.certificateRegistration).to.deep.equal({ by: "vb365" });
    expect(parseTenants(tenant(EXISTING), FILE)[0]!.certificateRegistration).to.deep.equal({ by: "customer", thumbprints: [] });
  });

  it("takes the customer's confirmations as people copy thumbprints, each once", () => {
    const colons = THUMBPRINT.toLowerCase().match(/../g)!.join(":");
    const [parsed] = parseTenants(tenant(EXISTING, `    certificateRegistration: { by: customer, thumbprints: [${colons}, "${THUMBPRINT}"] }\n`), FILE);
    expect(parsed!.certificateRegistration).to.deep.equal({ by: "customer", thumbprints: [THUMBPRINT] });
  });

  it("takes an azuread stack, its output named registeredThumbprints unless the file names another", () => {
    expect(parseTenants(tenant(EXISTING, "    certificateRegistration: { by: azuread, stack: acme/vb365-azuread/prod }\n"), FILE)[0]!.certificateRegistration).to.deep.equal({
      by: "azuread",
      stack: "acme/vb365-azuread/prod",
      output: "registeredThumbprints",
    });
    expect(parseTenants(tenant(EXISTING, "    certificateRegistration: { by: azuread, stack: acme/vb365-azuread/prod, output: thumbprints }\n"), FILE)[0]!.certificateRegistration).to.deep.include({ output: "thumbprints" });
  });

  it("lets the customer register on an application VB365 registered too", () => {
    expect(parseTenants(tenant(NEW, `    certificateRegistration: { by: customer, thumbprints: [${THUMBPRINT}] }\n`), FILE)[0]!.certificateRegistration).to.deep.equal({ by: "customer", thumbprints: [THUMBPRINT] });
  });

  it("refuses vb365 for an application it neither registers nor configures, naming file, tenant, field and line", () => {
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: vb365 }\n"), FILE)).to.equal(
      `${FILE} has 1 problem (reference: docs/tenants-file.md):\n  - tenant "northwind", certificateRegistration.by (line 5): vb365 registers certificates only on an application it registers (kind newApplication) or configures (configureApplication: true), after a device-code sign-in; here the customer registers them: by: customer, or an azuread stack: by: azuread`,
    );
  });

  it("names each field that does not go with its registrar, and a bad thumbprint, stack or registrar", () => {
    const problems = tenantsFileProblems(tenant(EXISTING, `    certificateRegistration: { by: azuread, thumbprints: [ABC], output: x }\n`), FILE);
    expect(problems).to.contain('certificateRegistration.thumbprints[0] (line 5): must be a certificate thumbprint (SHA-1: 40 hex digits), not "ABC"');
    expect(tenantsFileProblems(tenant(EXISTING, `    certificateRegistration: { by: azuread, thumbprints: [${THUMBPRINT}], output: x }\n`), FILE)).to.contain(
      'tenant "northwind", certificateRegistration.thumbprints (line 5): lists the customer\'s confirmations: only with by: customer',
    );
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: azuread }\n"), FILE)).to.contain(
      "certificateRegistration.stack (line 5): is required with by: azuread: the stack that registers the certificates, as organization/project/stack",
    );
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: customer, stack: acme/a/b }\n"), FILE)).to.contain(
      "certificateRegistration.stack (line 5): names the azuread stack that registers the certificates: only with by: azuread",
    );
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: azuread, stack: prod }\n"), FILE)).to.contain(
      "certificateRegistration.stack (line 5): must name the azuread stack as organization/project/stack, e.g. acme/vb365-azuread/prod",
    );
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: admin }\n"), FILE)).to.contain(
      'certificateRegistration.by (line 5): must be "vb365" (VB365 registers it when the customer signs in with a device code), "customer" (the customer registers it; list the thumbprints they confirmed) or "azuread" (an azuread stack registers it and exports the thumbprints)',
    );
    expect(tenantsFileProblems(tenant(EXISTING, "    certificateRegistration: { by: customer, thumbprint: [] }\n"), FILE)).to.contain(
      'certificateRegistration.thumbprint (line 5): is not a field in certificateRegistration; did you mean "thumbprints"?',
    );
  });
});

describe("an azuread stack's registered thumbprints", () => {
  it("are read by Microsoft 365 organization name, in any case; none when the stack lists none", () => {
    expect(thumbprintsOf({ "NorthWind.onmicrosoft.com": [THUMBPRINT] }, "northwind.onmicrosoft.com", "acme/a/b output registeredThumbprints")).to.deep.equal([THUMBPRINT]);
    expect(thumbprintsOf({ "contoso.onmicrosoft.com": [THUMBPRINT] }, "northwind.onmicrosoft.com", "acme/a/b output registeredThumbprints")).to.deep.equal([]);
    expect(thumbprintsOf(undefined, "northwind.onmicrosoft.com", "acme/a/b output registeredThumbprints")).to.deep.equal([]);
  });

  it("stop the program, naming the stack and its output, when the output has another shape", () => {
    expect(() => thumbprintsOf([THUMBPRINT], "northwind.onmicrosoft.com", "acme/a/b output registeredThumbprints")).to.throw(
      `acme/a/b output registeredThumbprints must map each Microsoft 365 organization name to the thumbprints registered on its application, e.g. { "northwind.onmicrosoft.com": ["86F1769B6E0544E16A6EA1E9E9BC0BB71A8DE900"] }; it is a list.`,
    );
    expect(() => thumbprintsOf({ "northwind.onmicrosoft.com": THUMBPRINT }, "northwind.onmicrosoft.com", "acme/a/b output registeredThumbprints")).to.throw(
      `acme/a/b output registeredThumbprints lists for northwind.onmicrosoft.com "${THUMBPRINT}"; it must be a list of certificate thumbprints.`,
    );
  });
});
