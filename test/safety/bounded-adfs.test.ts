import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerPassesConfigPath, stripBlockComments } from '../../src/probes/adfs.js';
import { scanOk, stageHost } from './helpers.js';

// Bounded work, issue 15 item 2: the Register script's block comments are stripped in one linear pass.

const regexStrip = (s: string): string => s.replace(/<#[\s\S]*?#>/g, ' ');

describe('stripBlockComments', () => {
  const table: [string, string][] = [
    ['no comment at all', 'no comment at all'],
    ['a <# c #> b', 'a   b'],
    ['<#x#>', ' '],
    ['<#>', '<#>'],
    ['<##>', ' '],
    ['a <# one #> b <# two\n lines #> c', 'a   b   c'],
    ['<# outer <# inner #> tail #>', '  tail #>'],
    ['a <# never closed', 'a <# never closed'],
    ['a <# x #> b <# never closed', 'a   b <# never closed'],
    ['#> before <# after', '#> before <# after'],
    ['<#<#<#', '<#<#<#'],
    ['Register-AdfsAuthenticationProvider <#\r\n-ConfigurationFilePath\r\n#> -Name x', 'Register-AdfsAuthenticationProvider   -Name x'],
  ];
  it.each(table)('%j', (input, want) => {
    expect(stripBlockComments(input)).toBe(want);
    expect(stripBlockComments(input)).toBe(regexStrip(input));
  });

  it('gives what the old regular expression gave on random comment soup', () => {
    const parts = ['<#', '#>', '<', '#', '>', 'a', '\n', ' '];
    let x = 12345;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = 0; k < 30; k++) {
        x = (x * 1103515245 + 12345) >>> 0;
        s += parts[x % parts.length];
      }
      expect(stripBlockComments(s)).toBe(regexStrip(s));
    }
  });

  it('a million unclosed <# take well under a second (the regular expression took minutes)', () => {
    const text = 'Register-AdfsAuthenticationProvider -Name x\n' + '<#'.repeat(1_000_000);
    const t0 = Date.now();
    expect(registerPassesConfigPath(text)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('a scan of an AD FS server whose Register script holds a million unclosed <#', () => {
  it('ends in bounded time and still finds the call without -ConfigurationFilePath', () => {
    const dir = stageHost('adfs-server-stage-adfs');
    const script = path.join(
      dir,
      'fs/C/Program Files/Multi-Factor Authentication Server/Register-MultiFactorAuthenticationAdfsAdapter.ps1',
    );
    writeFileSync(
      script,
      'Register-AdfsAuthenticationProvider -TypeName $t -Name "AzureMfaServerAuthentication"\r\n' + '<#'.repeat(1_000_000),
    );
    const { report, run } = scanOk(dir, ['--stage', 'adfs'], 60_000);
    expect(run.ms).toBeLessThan(30_000);
    const f = report.findings.find((x) => x.ruleId === 'MFA-ADFS-001');
    expect(f?.outcome).toBe('fail');
  }, 90_000);
});
