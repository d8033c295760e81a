import { expect } from "chai";
import { parseTenants, TenantsFileError } from "../../program/tenants-file";

/** The message a tenants file is refused with; fails the test if the file is accepted. */
export function tenantsFileProblems(text: string, file: string): string {
  try {
    parseTenants(text, file);
  } catch (error) {
    expect(error).to.be.instanceOf(TenantsFileError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}
