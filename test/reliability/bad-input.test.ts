import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { OrganizationInputs } from "../../provider/organization/types";
import { existingApplicationInputs } from "../helpers/tenant-fixtures";
import type { Fixtures } from "./support/bad-inputs/case";
import { configCases } from "./support/bad-inputs/config";
import { badInputFixtures } from "./support/bad-inputs/fixtures";
import { organizationCases } from "./support/bad-inputs/organization";
import { type CheckContext, checkConfig, checkOrganization, checkTenantCertificate, checkTenantsFile } from "./support/bad-inputs/run-check";
import { type PreviewCase, previewBadInput } from "./support/bad-inputs/run-preview";
import { tenantCertificateCases } from "./support/bad-inputs/tenant-certificate";
import { tenantsFileCases } from "./support/bad-inputs/tenants-file";
import type { Fleet } from "./support/fleet";
import { type BadInputResult, results } from "./support/results";
import { RootProgram } from "./support/root-program";
import { sharedFleet } from "./support/shared-fleet";

function recorded(result: BadInputResult): void {
  results.badInputs.push(result);
  expect(result, `${result.target} ${result.id}:\n${result.message}`).to.include({ namesField: true, saysWhatIsValid: true, apiCalls: 0, stateUnchanged: true, caught: true });
}

describe("bad input: stopped before any request, naming the field and what would be valid", () => {
  let fleet: Fleet;
  let context: CheckContext;
  // Filled before the cases run; the cases read it when they build their inputs.
  const fixtures = {} as Fixtures;
  const secrets = { accountPassword: "Bad-Input-Account-Passw0rd", applicationSecret: "bad-input-application-secret" };

  before(async () => {
    fleet = await sharedFleet();
    Object.assign(fixtures, await badInputFixtures());
    results.secrets.add("account password of the bad inputs", secrets.accountPassword);
    results.secrets.add("application secret of the bad inputs", secrets.applicationSecret);
    context = { emulator: fleet.emulator, stateText: () => fleet.stack.stateText(), providerConfig: fleet.providerConfig };
  });

  describe("TenantCertificate check", () => {
    for (const badInput of tenantCertificateCases(fixtures)) {
      it(badInput.id, async () => recorded(await checkTenantCertificate(badInput, context)));
    }
  });

  describe("Vb365Organization check", () => {
    for (const badInput of organizationCases(fixtures, secrets)) {
      it(badInput.id, async () => recorded(await checkOrganization(badInput, context)));
    }
  });

  describe("vb365: config, through the organization's check", () => {
    const valid = (): OrganizationInputs => existingApplicationInputs(fixtures.pfx, "contoso.onmicrosoft.com");
    for (const badInput of configCases()) {
      it(badInput.id, async () => recorded(await checkConfig(badInput, context, valid())));
    }
  });

  describe("tenants.yaml, through the root program's validation", () => {
    for (const badInput of tenantsFileCases()) {
      it(badInput.id, async () => recorded(await checkTenantsFile(badInput, context)));
    }
  });

  describe("through pulumi preview, on stacks that hold resources", () => {
    let root: RootProgram;

    before(async () => {
      root = await RootProgram.start();
      const up = await root.onboard();
      expect(up.ok, up.error).to.equal(true);
      await root.registerCertificateSecrets();
    });
    after(() => root?.dispose());

    // A tenant of the fleet given one bad argument through the program's badInput knob.
    const fleetArgument = (id: string, target: PreviewCase["target"], field: string, valid: RegExp, badInput: object): PreviewCase => ({
      id,
      target,
      field,
      valid,
      apply: () => fleet.stack.stack.setConfig("badInput", { value: JSON.stringify({ tenant: 5, ...badInput }) }),
      undo: () => fleet.stack.stack.removeConfig("badInput"),
    });
    const fleetSetting = (id: string, key: string, value: string, valid: RegExp): PreviewCase => ({
      id,
      target: "vb365: config",
      field: key,
      valid,
      apply: () => fleet.stack.stack.setConfig(key, { value }),
      undo: () => fleet.stack.stack.setConfig(key, { value: fleet.providerConfig[key] }),
    });
    const tenantsFile = (id: string, field: string, valid: RegExp, text: () => string): PreviewCase => ({
      id,
      target: "tenants.yaml",
      field,
      valid,
      apply: async () => root.writeTenants(text()),
      undo: async () => root.writeTenants(root.validTenants),
    });
    const onFleet: () => PreviewCase[] = () => [
      fleetArgument("keySize 1024", "TenantCertificate", "keySize", /2048, 3072, 4096/, { certificate: { keySize: 1024 } }),
      fleetArgument("pfxEncryption des", "TenantCertificate", "pfxEncryption", /"3des" or "aes256"/, { certificate: { pfxEncryption: "des" } }),
      fleetArgument("region Mars", "Vb365Organization", "region", /Worldwide, Germany, China, USDefence, USGovernment/, { organization: { region: "Mars" } }),
      fleetArgument("no Microsoft 365 service", "Vb365Organization", "isExchangeOnline", /set isExchangeOnline or isSharePointOnline to true/, {
        organization: { isExchangeOnline: false, isSharePointOnline: false, isTeamsOnline: false },
      }),
      fleetSetting("timeoutSeconds abc", "vb365:timeoutSeconds", "abc", /between 1 and 3600/),
      fleetSetting("apiVersion v9", "vb365:apiVersion", "v9", /one of v6, v7, v8/),
    ];
    // Made when they run, from the file as onboarded (root.validTenants, after the before hook).
    const onRoot = (): PreviewCase[] => [
      tenantsFile("region Mars", "region", /Worldwide, Germany, China, USDefence, USGovernment/, () => root.validTenants.replace("    services:", "    region: Mars\n    services:")),
      tenantsFile("authentication kind password", "authentication", /"newApplication" .*"existingApplication" .*"basic" or "modernWithLegacy"/, () =>
        root.validTenants.replace("kind: existingApplication, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a", "kind: password"),
      ),
      tenantsFile("the same tenant twice", "northwind", /name|unique|twice|duplicate/i, () => root.validTenants + root.validTenants.replace("tenants:\n", "").replace("northwind.onmicrosoft.com", "fabrikam.onmicrosoft.com")),
      tenantsFile("a registrar vb365 for the customer's application", "certificateRegistration.by", /vb365 registers certificates only on an application it registers/, () => root.validTenants.replace("by: customer", "by: vb365")),
    ];

    // The cases' closures read `fleet` and `root` when they run, after the before hooks.
    for (const badInput of onFleet()) {
      it(`fleet: ${badInput.target} ${badInput.id}`, async () => {
        recorded(await previewBadInput(badInput, { emulator: fleet.emulator, stateText: () => fleet.stack.stateText(), preview: (name) => fleet.preview(name) }));
      });
    }
    for (const badInput of onRoot()) {
      it(`root program: tenants.yaml ${badInput.id}`, async () => {
        recorded(await previewBadInput(badInput, { emulator: root.emulator, stateText: () => root.stack.stateText(), preview: (name) => root.runner.preview(name) }));
      });
    }
  });
});
