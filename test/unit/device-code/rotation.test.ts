import { expect } from "chai";
import { describe, it } from "mocha";
import { rotationLine, waitingRotation } from "../../../cli/device-code/rotation";

const NEXT = "B".repeat(40);

/** The root program's summary output as `pulumi stack output --json` prints it. */
const OUTPUTS = {
  summary: {
    contoso: { organization: "contoso.onmicrosoft.com", deviceCodeConfigKey: "deviceCode-contoso", certificateRotation: `waiting: a fresh device code, to let VB365 register certificate ${NEXT} …`, nextThumbprint: NEXT },
    fabrikam: { organization: "fabrikam.onmicrosoft.com", deviceCodeConfigKey: "deviceCode-fabrikam" },
    northwind: { organization: "northwind.onmicrosoft.com", certificateRotation: "waiting: the customer to register certificate …", nextThumbprint: NEXT },
  },
};

describe("vb365 device-code: a code for a certificate rotation", () => {
  it("finds the tenant of the config key whose rotation waits for a device code", () => {
    expect(waitingRotation(OUTPUTS, "deviceCode-contoso")).to.deep.equal({ tenant: "contoso", organization: "contoso.onmicrosoft.com", thumbprint: NEXT });
  });

  it("finds none for a tenant being onboarded, one waiting for its customer, or a stack without a summary", () => {
    expect(waitingRotation(OUTPUTS, "deviceCode-fabrikam")).to.equal(undefined);
    expect(waitingRotation(OUTPUTS, "deviceCode-northwind")).to.equal(undefined);
    expect(waitingRotation({}, "deviceCode-contoso")).to.equal(undefined);
    expect(waitingRotation({ summary: "not a map" }, "deviceCode-contoso")).to.equal(undefined);
  });

  it("says what the code is for", () => {
    expect(rotationLine({ tenant: "contoso", organization: "contoso.onmicrosoft.com", thumbprint: NEXT })).to.equal(
      `This code is for the rotation of tenant contoso's certificate to thumbprint ${NEXT} (contoso.onmicrosoft.com): once its Global Administrator signs in, pulumi up lets VB365 register the new certificate on the application and switches the organization to it.\n`,
    );
  });
});
