import * as fs from "node:fs";
import { expect } from "chai";
import { describe, it } from "mocha";
import { resourceDocs } from "../../../provider/common/definition-docs";
import { CATALOGUE } from "../../../provider/catalogue";
import { RESOURCE_DOCS_FILE } from "../../../scripts/resource-docs";

describe("docs/resources.md", () => {
  it("is what the definitions render (run `npm run docs` after changing a definition)", () => {
    expect(fs.readFileSync(RESOURCE_DOCS_FILE, "utf8")).to.equal(resourceDocs(CATALOGUE));
  });

  it("documents every input of both resources, with the secret ones marked", () => {
    const text = fs.readFileSync(RESOURCE_DOCS_FILE, "utf8");
    expect(text).to.match(/\| `userCode` \| [^|]+ \|  \| yes \| nothing \(create only\) \|/);
    expect(text).to.match(/\| `applicationCertificatePassword` \| string \|  \| yes \| in place \|/);
    expect(text).to.match(/\| `importPfxBase64` \| string \|  \| yes \| replaces \|/);
  });
});
