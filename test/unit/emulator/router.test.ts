import { expect } from "chai";
import { describe, it } from "mocha";
import { empty } from "../../../emulator/http";
import { Router } from "../../../emulator/router";
import type { RouteDefinition } from "../../../emulator/routes/types";

const routes: RouteDefinition[] = [
  { method: "GET", path: "/Organizations", versions: ["v6", "v7", "v8"], kind: "organizations.list", handle: () => empty() },
  { method: "GET", path: "/Organizations/{organizationId}", versions: ["v6", "v7", "v8"], kind: "organizations.get", handle: () => empty() },
  { method: "DELETE", path: "/Organizations/{organizationId}", versions: ["v6", "v7", "v8"], kind: "organizations.delete", handle: () => empty() },
  { method: "POST", path: "/Jobs", versions: ["v8"], kind: "jobs.create", handle: () => empty() },
];

describe("emulator router", () => {
  const router = new Router(routes, ["v7", "v8"]);

  it("matches a template and decodes its parameters", () => {
    const lookup = router.lookup("GET", "/v8/Organizations/a%20b");
    expect("match" in lookup && lookup.match).to.deep.include({ version: "v8", params: { organizationId: "a b" }, template: "/v8/Organizations/{organizationId}" });
  });

  it("ignores case and a trailing slash", () => {
    const lookup = router.lookup("GET", "/V8/organizations/");
    expect("match" in lookup && lookup.match.template).to.equal("/v8/Organizations");
  });

  it("answers 404 for versions it does not serve, and for routes a version lacks", () => {
    for (const path of ["/v6/Organizations", "/v9/Organizations", "/Organizations", "/"]) {
      const lookup = router.lookup("GET", path);
      expect("error" in lookup && lookup.error.status, path).to.equal(404);
    }
    const lookup = router.lookup("POST", "/v7/Jobs");
    expect("error" in lookup && lookup.error.status).to.equal(404);
  });

  it("answers 405 with the allowed methods when only the method is wrong", () => {
    const lookup = router.lookup("PUT", "/v7/Organizations/x");
    expect("error" in lookup && lookup.error.status).to.equal(405);
    expect("error" in lookup && lookup.error.headers).to.deep.equal({ allow: "GET, DELETE" });
    expect("error" in lookup && lookup.version).to.equal("v7");
  });
});
