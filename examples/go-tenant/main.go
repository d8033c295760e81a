// Onboards one Microsoft 365 tenant into VB365 and protects it: the same resources as the
// TypeScript examples, from Go through the vb365 provider plugin.
package main

import (
	"strings"

	"github.com/pulumi-vb365/sdk/go/vb365"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		organizationName := withDefault(cfg.Get("organization"), "fabrikam.onmicrosoft.com")
		repositoryName := withDefault(cfg.Get("repository"), "Default Backup Repository")
		tenant := strings.Split(organizationName, ".")[0]

		// The tenant's own certificate: a 3072-bit PFX valid for a year, renewed 30 days before it expires.
		certificate, err := vb365.NewTenantCertificate(ctx, tenant, &vb365.TenantCertificateArgs{
			Subject:          &vb365.CertificateSubjectArgs{CommonName: pulumi.String(organizationName + " VB365")},
			KeySize:          pulumi.Int(3072),
			ValidityDays:     pulumi.Int(365),
			RotateBeforeDays: pulumi.Int(30),
		})
		if err != nil {
			return err
		}

		// VB365 registers a new Entra application; the customer's admin has signed in with the device
		// code that `vb365 device-code --stack <stack> --config-key deviceCode --wait` stored.
		organization, err := vb365.NewOrganization(ctx, tenant, &vb365.OrganizationArgs{
			OrganizationName:               pulumi.String(organizationName),
			IsExchangeOnline:               pulumi.Bool(true),
			IsSharePointOnline:             pulumi.Bool(true),
			NewApplicationName:             pulumi.String("VB365 " + organizationName),
			UserCode:                       cfg.RequireSecret("deviceCode"),
			ApplicationCertificate:         certificate.PfxBase64,
			ApplicationCertificatePassword: certificate.Password,
			ExchangeOnlineSettings:         &vb365.ServiceConnectionSettingsArgs{},
			SharePointOnlineSettings:       &vb365.ServiceConnectionSettingsArgs{},
			Description:                    pulumi.String(withDefault(cfg.Get("description"), "Exchange and SharePoint")),
		})
		if err != nil {
			return err
		}

		// Objects named as people know them, resolved in the organization when the job is created.
		executives, err := vb365.NewBackupJob(ctx, tenant+"-executives", &vb365.BackupJobArgs{
			OrganizationId: organization.OrganizationId,
			RepositoryName: pulumi.String(repositoryName),
			BackupType:     pulumi.String("SelectedItems"),
			SelectedItems: vb365.JobItemArray{
				vb365.JobItemArgs{Type: pulumi.String("User"), User: pulumi.String("megan@" + organizationName), Mailbox: pulumi.Bool(true), OneDrive: pulumi.Bool(true)},
				vb365.JobItemArgs{Type: pulumi.String("Site"), Site: pulumi.String("https://" + tenant + ".sharepoint.com/sites/Sales")},
			},
			Schedule: &vb365.JobScheduleArgs{Type: pulumi.String("Periodically"), PeriodicallyEvery: pulumi.String("Hours1")},
		})
		if err != nil {
			return err
		}

		// The tenant's helpdesk may restore what belongs to the Sales group.
		helpdesk, err := vb365.NewRestoreOperatorRole(ctx, tenant+"-helpdesk", &vb365.RestoreOperatorRoleArgs{
			OrganizationId: organization.OrganizationId,
			RoleType:       pulumi.String("SpecificObjects"),
			Operators:      vb365.RoleOperatorArray{vb365.RoleOperatorArgs{Type: pulumi.String("User"), User: pulumi.String("admin@" + organizationName)}},
			SelectedItems:  vb365.RoleItemArray{vb365.RoleItemArgs{Type: pulumi.String("Group"), Group: pulumi.String("Sales")}},
		})
		if err != nil {
			return err
		}

		ctx.Export("organizationId", organization.OrganizationId)
		ctx.Export("thumbprint", certificate.Thumbprint)
		ctx.Export("jobId", executives.JobId)
		ctx.Export("roleId", helpdesk.RoleId)
		return nil
	})
}

func withDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
