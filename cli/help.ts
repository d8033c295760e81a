export const MAIN_HELP = `Usage: vb365 <command> [flags]

Helpers for pulumi-vb365, which onboards Microsoft 365 organizations into Veeam Backup for
Microsoft 365 as code.

Commands:
  device-code      Get a device code for the customer's sign-in, wait for it, hand it to a stack
  tenants export   Write tenants.yaml entries for the organizations a VB365 server already has

Flags:
  -h, --help       Show this help (vb365 <command> --help for a command's own)
  -V, --version    Print the version

Exit codes are listed in each command's help.
`;
