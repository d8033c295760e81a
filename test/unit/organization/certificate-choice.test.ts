import { expect } from "chai";
import { describe, it } from "mocha";
import { type CertificateChoice, chooseCertificates, type Confirmations, type InUse } from "../../../provider/organization/certificate-choice";

const A = "A".repeat(40);
const B = "B".repeat(40);
const C = "C".repeat(40);

const CUSTOMER: Confirmations = { registered: [], registersWithDeviceCode: false };
const VB365: Confirmations = { registered: [], registersWithDeviceCode: true, userCode: "CODE1" };

function using(thumbprint: string, userCode?: string): InUse {
  return { thumbprints: { exchangeOnlineSettings: thumbprint }, ...(userCode ? { userCode } : {}) };
}

function choose(current: string | undefined, next: string | undefined, inUse: InUse | undefined, confirmations: Confirmations): CertificateChoice {
  return chooseCertificates([{ service: "exchangeOnlineSettings", ...(current ? { current } : {}), ...(next ? { next } : {}) }], inUse, confirmations);
}

describe("Vb365Organization's choice of certificate", () => {
  const cases: ReadonlyArray<[string, CertificateChoice, CertificateChoice]> = [
    ["at creation: the current one, the next one waiting unless confirmed", choose(A, B, undefined, CUSTOMER), { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: A, pending: B }], pending: B }],
    ["at creation: the next one when it is registered", choose(A, B, undefined, { ...CUSTOMER, registered: [B] }), { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }] }],
    ["at creation with a device code: the next one, which VB365 registers", choose(A, B, undefined, VB365), { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }] }],
    ["in use, no next: stays", choose(A, undefined, using(A), CUSTOMER), { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: A }] }],
    ["a next one not registered: stays on the current one and waits", choose(A, B, using(A), CUSTOMER), { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: A, pending: B }], pending: B }],
    [
      "a next one registered: switches by registration",
      choose(A, B, using(A), { ...CUSTOMER, registered: [B] }),
      { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }], switching: { from: A, to: B, by: "registration" } },
    ],
    ["the device code the organization has seen: no switch", choose(A, B, using(A, "CODE1"), VB365), { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: A, pending: B }], pending: B }],
    [
      "a fresh device code: switches by device code",
      choose(A, B, using(A, "CODE0"), VB365),
      { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }], switching: { from: A, to: B, by: "deviceCode" } },
    ],
    [
      "a fresh code and a registration: the registration, no code spent",
      choose(A, B, using(A, "CODE0"), { ...VB365, registered: [B] }),
      { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }], switching: { from: A, to: B, by: "registration" } },
    ],
    ["uses the next one: keeps it, never back to the older one", choose(A, B, using(B), { ...CUSTOMER, registered: [A] }), { services: [{ service: "exchangeOnlineSettings", use: "next", thumbprint: B }] }],
    ["after the promotion: the new current one is the one in use", choose(B, undefined, using(B), CUSTOMER), { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: B }] }],
    [
      "a replaced certificate not registered: the server's stays, nothing is sent",
      choose(C, undefined, using(A), CUSTOMER),
      { services: [{ service: "exchangeOnlineSettings", use: "server", thumbprint: A, pending: C }], pending: C },
    ],
    [
      "a replaced certificate registered: switches to it",
      choose(C, undefined, using(A), { ...CUSTOMER, registered: [C] }),
      { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: C }], switching: { from: A, to: C, by: "registration" } },
    ],
    [
      "neither declared one registered: the server's stays and the next one waits",
      choose(C, B, using(A), { ...CUSTOMER, registered: [] }),
      { services: [{ service: "exchangeOnlineSettings", use: "server", thumbprint: A, pending: B }], pending: B },
    ],
    [
      "only the current of two new ones registered: switches to it, the next one waits",
      choose(C, B, using(A), { ...CUSTOMER, registered: [C] }),
      { services: [{ service: "exchangeOnlineSettings", use: "current", thumbprint: C, pending: B }], switching: { from: A, to: C, by: "registration" }, pending: B },
    ],
    ["no certificate declared (kept credentials): the server's", choose(undefined, undefined, using(A), CUSTOMER), { services: [{ service: "exchangeOnlineSettings", use: "server", thumbprint: A }] }],
  ];
  for (const [what, actual, expected] of cases) {
    it(what, () => {
      expect(actual).to.deep.equal(expected);
    });
  }

  it("treats a service selected only now as new: the server decides", () => {
    const choice = chooseCertificates(
      [
        { service: "exchangeOnlineSettings", current: A },
        { service: "sharePointOnlineSettings", current: A },
      ],
      using(A),
      CUSTOMER,
    );
    expect(choice.services.map((service) => [service.service, service.use, service.thumbprint])).to.deep.equal([
      ["exchangeOnlineSettings", "current", A],
      ["sharePointOnlineSettings", "current", A],
    ]);
    expect(choice.switching).to.equal(undefined);
  });

  it("keeps a declared certificate whose thumbprint is not worked out yet", () => {
    expect(chooseCertificates([{ service: "exchangeOnlineSettings", declaresCurrent: true }], using(A), CUSTOMER).services).to.deep.equal([{ service: "exchangeOnlineSettings", use: "current" }]);
  });
});
