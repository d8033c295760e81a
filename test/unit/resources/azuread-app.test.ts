import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { CURRENT, NEXT } from "../../helpers/azuread-app-under-mocks";

interface Registration {
  type: string;
  urn: string;
  dependencies: string[];
  inputs: Record<string, unknown>;
}

const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

// Mocks are global to the Pulumi runtime, so the example runs in a process of its own.
function runUnderMocks(): Registration[] {
  const script = path.join(__dirname, "..", "..", "helpers", "azuread-app-under-mocks.ts");
  return JSON.parse(execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], { encoding: "utf8" })) as Registration[];
}

describe("examples/azuread-app against Pulumi's mock engine, inside a rotation", () => {
  let registered: Registration[];
  const one = (type: string) => {
    const found = registered.filter((registration) => registration.type === type);
    expect(found, type).to.have.length(1);
    return found[0]!;
  };

  before(function () {
    this.timeout(60_000);
    registered = runUnderMocks();
  });

  it("registers the newest certificate on the application: the next one while there is one", () => {
    const inputs = one("azuread:index/applicationCertificate:ApplicationCertificate").inputs;
    expect(inputs).to.deep.include({ type: "AsymmetricX509Cert", endDate: NEXT.notAfter, applicationId: "vb365-id" });
    // azuread keeps the value secret (a certificate's value may be a key); it is the public PEM.
    expect(inputs.value).to.deep.equal({ [SECRET_SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value: NEXT.pem });
  });

  it("makes the organization depend on that registration, so Pulumi registers the certificate before the organization's update and removes the old one after it", () => {
    const registration = one("azuread:index/applicationCertificate:ApplicationCertificate");
    expect(registration.urn).to.match(/::vb365$/);
    expect(one("pulumi-nodejs:dynamic/vb365:Organization").dependencies).to.include(registration.urn);
  });

  it("gives the organization the next certificate (secret) and the thumbprint the registration holds, beside the current certificate", () => {
    const inputs = one("pulumi-nodejs:dynamic/vb365:Organization").inputs;
    expect(inputs.registeredThumbprints).to.deep.equal([NEXT.thumbprint]);
    expect(inputs.nextApplicationCertificate).to.deep.include({ [SECRET_SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value: "TkVYVA==" });
    expect(inputs.applicationCertificate).to.deep.include({ value: "Q1VSUkVOVA==" });
    expect(inputs.registeredThumbprints).to.not.include(CURRENT.thumbprint);
  });
});
