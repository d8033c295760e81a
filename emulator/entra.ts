/**
 * Who put a certificate on an application: VB365 registering a new application
 * (`newApplicationName`), VB365 configuring an existing one (`configureApplication: true`), or
 * someone else through the control API (the customer, the provider's Entra automation).
 */
export type CertificateSource = "newApplicationName" | "configureApplication" | "control";

export interface TrustedCertificate {
  /** SHA-1 of the certificate DER, 40 uppercase hex digits (certificate.ts). */
  thumbprint: string;
  addedBy: CertificateSource;
  addedAt: string;
}

/**
 * A Microsoft Entra application and the certificates (key credentials) it accepts client
 * assertions from. `organizationName` is the Microsoft 365 organization (tenant) it is registered
 * in; null registers its certificates for every organization that uses the application id, as a
 * multi-tenant application's keys do (decided, docs/emulator.md).
 */
export interface StoredApplication {
  applicationId: string;
  organizationName: string | null;
  certificates: TrustedCertificate[];
}

/** Entra's side of app-only sign-in: applications and the certificates each trusts. No rules about organizations. */
export class EntraDirectory {
  private readonly applications = new Map<string, StoredApplication>();

  /** Adds `thumbprint` to the application (created on first use); a certificate already there keeps its entry. */
  addCertificate(applicationId: string, organizationName: string | null, thumbprint: string, addedBy: CertificateSource, at: number): StoredApplication {
    const key = keyOf(applicationId, organizationName);
    let application = this.applications.get(key);
    if (!application) {
      application = { applicationId, organizationName, certificates: [] };
      this.applications.set(key, application);
    }
    if (!application.certificates.some((certificate) => certificate.thumbprint === thumbprint)) {
      application.certificates.push({ thumbprint, addedBy, addedAt: new Date(at).toISOString() });
    }
    return application;
  }

  /**
   * Removes `thumbprint` from the application in `organizationName`, or in every organization when
   * none is named. The application itself stays, as it does in Entra. Returns how many it left.
   */
  removeCertificate(applicationId: string, thumbprint: string, organizationName: string | undefined): number {
    let removed = 0;
    for (const application of this.matching(applicationId, organizationName)) {
      const kept = application.certificates.filter((certificate) => certificate.thumbprint !== thumbprint);
      removed += application.certificates.length - kept.length;
      application.certificates = kept;
    }
    return removed;
  }

  /** Whether Entra accepts an assertion signed with `thumbprint` for the application in `organizationName`. */
  trusts(applicationId: string, organizationName: string, thumbprint: string): boolean {
    const candidates = [this.applications.get(keyOf(applicationId, organizationName)), this.applications.get(keyOf(applicationId, null))];
    return candidates.some((application) => application?.certificates.some((certificate) => certificate.thumbprint === thumbprint) ?? false);
  }

  list(): StoredApplication[] {
    return [...this.applications.values()];
  }

  load(applications: readonly StoredApplication[]): void {
    for (const application of applications) this.applications.set(keyOf(application.applicationId, application.organizationName), application);
  }

  clear(): void {
    this.applications.clear();
  }

  private matching(applicationId: string, organizationName: string | undefined): StoredApplication[] {
    if (organizationName !== undefined) {
      const application = this.applications.get(keyOf(applicationId, organizationName));
      return application ? [application] : [];
    }
    return this.list().filter((application) => application.applicationId === applicationId);
  }
}

// Application ids arrive as lowercase GUIDs (binding.ts); organization names compare case-insensitively, as everywhere.
function keyOf(applicationId: string, organizationName: string | null): string {
  return `${applicationId}|${organizationName === null ? "*" : organizationName.toLowerCase()}`;
}
