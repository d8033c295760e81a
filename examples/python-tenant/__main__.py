"""Onboards one Microsoft 365 tenant into VB365 and protects it: the same resources as the
TypeScript examples, from Python through the vb365 provider plugin."""

import pulumi
import pulumi_vb365 as vb365

config = pulumi.Config()
organization_name = config.get("organization") or "contoso.onmicrosoft.com"
repository_name = config.get("repository") or "Default Backup Repository"
tenant = organization_name.split(".")[0]

# The tenant's own certificate: a 2048-bit PFX, renewed 30 days before it expires.
certificate = vb365.TenantCertificate(
    tenant,
    subject=vb365.CertificateSubjectArgs(common_name=f"{organization_name} VB365"),
    validity_days=730,
    rotate_before_days=30,
)

# VB365 registers a new Entra application; the customer's admin has signed in with the device code
# that `vb365 device-code --stack <stack> --config-key deviceCode --wait` stored.
organization = vb365.Organization(
    tenant,
    organization_name=organization_name,
    region="Worldwide",
    is_exchange_online=True,
    is_share_point_online=True,
    is_teams_online=True,
    new_application_name=f"VB365 {organization_name}",
    user_code=config.require_secret("deviceCode"),
    application_certificate=certificate.pfx_base64,
    application_certificate_password=certificate.password,
    exchange_online_settings=vb365.ServiceConnectionSettingsArgs(),
    share_point_online_settings=vb365.ServiceConnectionSettingsArgs(),
    description=config.get("description") or "Exchange, SharePoint and Teams",
)

# Veeam's job design guidance: the mailboxes on their own, every night.
mail = vb365.BackupJob(
    f"{tenant}-exchange",
    organization_id=organization.organization_id,
    repository_name=repository_name,
    backup_type="SelectedItems",
    selected_items=[vb365.JobItemArgs(type="PartialOrganization", mailbox=True, archive_mailbox=True)],
    schedule=vb365.JobScheduleArgs(type="Daily", daily_time="22:00"),
)

pulumi.export("organizationId", organization.organization_id)
pulumi.export("thumbprint", certificate.thumbprint)
pulumi.export("jobId", mail.job_id)
pulumi.export("restorePortalStatus", organization.restore_portal_status)
