import { describe, expect, it } from 'vitest';
import { redactPowerShellBytes, redactPowerShellText } from '../../src/xml/redact.js';

/** Secrets a PowerShell script can hold (issue 15: collect copies the AD FS Register script and the Migration Utility's). */
const SCRIPT = [
  '# Register the adapter',
  "$SdkPassword = 'ZqPs1''s'",
  '$user = "svc-mfa"',
  '$cfg.WebServiceSdkPassword = "ZqPs2`"x"',
  'Register-AdfsAuthenticationProvider -TypeName $t -Name $n -ConfigurationFilePath $c',
  'New-Thing -Password \'ZqPs3\' -ApiKey:"ZqPs4" -UserName bob -Password $pw -SmtpPass ZqPs5',
  "$sec = ConvertTo-SecureString 'ZqPs6' -AsPlainText -Force",
  "$params = @{ Password = 'ZqPs7'; Server = 'db01' }",
  '$conn = "Server=db;User Id=x;Password=ZqPs8;"',
  'Invoke-WebRequest http://u:ZqPs9@proxy.contoso.local/',
  '<# the SDK password is ZqPs10 #>',
  '# password: ZqPs11',
  "$ConfigurationFilePath = 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config'",
  '',
].join('\r\n');
const MARKERS = Array.from({ length: 11 }, (_, i) => `ZqPs${i + 1}`);

describe('the redaction policy for PowerShell scripts', () => {
  const out = redactPowerShellText(SCRIPT);

  it.each(MARKERS)('hides %s', (m) => {
    expect(SCRIPT).toContain(m);
    expect(out).not.toContain(m);
  });

  it('keeps the code a scan reads, and what is not a secret', () => {
    const lines = out.split('\r\n');
    expect(lines[1]).toBe('$SdkPassword = [redacted]');
    expect(lines[2]).toBe('$user = "svc-mfa"');
    expect(lines[4]).toBe('Register-AdfsAuthenticationProvider -TypeName $t -Name $n -ConfigurationFilePath $c');
    expect(lines[5]).toBe('New-Thing -Password \'[redacted]\' -ApiKey:"[redacted]" -UserName bob -Password $pw -SmtpPass [redacted]');
    expect(lines[7]).toBe("$params = @{ Password = [redacted]; Server = 'db01' }");
    expect(lines[12]).toBe(SCRIPT.split('\r\n')[12]);
  });

  it("works on the bytes in the file's own encoding (UTF-16LE with BOM, UTF-8 with BOM)", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SCRIPT, 'utf16le')]);
    const redLe = redactPowerShellBytes(le);
    expect(redLe.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(redLe.subarray(2).toString('utf16le')).toBe(out);
    const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCRIPT, 'utf8')]);
    expect(redactPowerShellBytes(u8).toString('utf8')).toBe(`\uFEFF${out}`);
  });

  it('a script without secrets comes back byte for byte', () => {
    const clean = Buffer.from(
      "param($c)\r\nRegister-AdfsAuthenticationProvider -TypeName 'X, Y' -Name 'WindowsAzureMultiFactorAuthentication' -ConfigurationFilePath $c\r\n",
    );
    expect(redactPowerShellBytes(clean).equals(clean)).toBe(true);
  });
});
