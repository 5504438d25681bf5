import { describe, expect, it } from 'vitest';
import { probeHost, registryEnv } from '../../src/probes/host.js';
import { COMPUTER_NAME_KEYS, WINDOWS_CV, WINDOWS_NT_CV } from '../../src/probes/registry.js';
import { memoryHost, probeContext } from '../helpers/memory.js';

describe('registryEnv', () => {
  it('a German host: Program Files and the system root from the registry', async () => {
    const ctx = await probeContext(
      memoryHost()
        .reg(WINDOWS_CV, {
          ProgramFilesDir: 'C:\\Programme',
          'ProgramFilesDir (x86)': 'C:\\Programme (x86)',
          CommonFilesDir: 'C:\\Programme\\Gemeinsame Dateien',
        })
        .reg(WINDOWS_NT_CV, { SystemRoot: 'D:\\WINDOWS' }),
    );
    expect(registryEnv(ctx)).toEqual({
      ProgramFiles: 'C:\\Programme',
      ProgramW6432: 'C:\\Programme',
      'ProgramFiles(x86)': 'C:\\Programme (x86)',
      CommonProgramFiles: 'C:\\Programme\\Gemeinsame Dateien',
      SystemRoot: 'D:\\WINDOWS',
      windir: 'D:\\WINDOWS',
      SystemDrive: 'D:',
    });
    // probeContext hands it to the host, as runProbes does.
    expect(ctx.target.expand('%ProgramFiles%\\PhoneFactor')).toBe('C:\\Programme\\PhoneFactor');
    expect(ctx.target.expand('%SystemRoot%\\System32')).toBe('D:\\WINDOWS\\System32');
  });

  it('nothing in the registry: nothing to say', async () => {
    expect(registryEnv(await probeContext(memoryHost()))).toEqual({});
  });
});

describe('probeHost', () => {
  it('bundle.json wins for name and OS; roles from it', async () => {
    const ctx = await probeContext(
      memoryHost()
        .bundleJson({
          hostname: 'MFA01',
          os: { caption: 'Windows Server 2019', version: '10.0.17763' },
          roles: { replication: 'primary', replicationGroup: 'HQ', loadBalanced: true },
          backupDirs: ['E:\\Backups'],
        })
        .reg(COMPUTER_NAME_KEYS[0], { ComputerName: 'OTHER' })
        .reg(WINDOWS_NT_CV, { ProductName: 'Windows Server 2016', CurrentBuildNumber: '14393' }),
      { role: 'subordinate', backupDirs: ['F:\\More'] },
    );
    expect(probeHost(ctx)).toEqual({
      name: 'MFA01',
      os: { caption: 'Windows Server 2019', version: '10.0.17763', architecture: null },
      roles: { replication: 'primary', replicationGroup: 'HQ', loadBalanced: true, adfsFarm: null, source: 'bundle' },
      backupDirs: ['E:\\Backups', 'F:\\More'],
    });
  });

  it('no bundle.json: name and OS from the registry, the role from --role', async () => {
    const ctx = await probeContext(
      memoryHost().reg(COMPUTER_NAME_KEYS[1], { ComputerName: 'MFA02' }).reg(WINDOWS_NT_CV, {
        ProductName: 'Windows Server 2016 Datacenter',
        CurrentBuildNumber: '14393',
        CurrentMajorVersionNumber: 10,
        CurrentMinorVersionNumber: 0,
      }),
      { role: 'subordinate' },
    );
    expect(probeHost(ctx)).toMatchObject({
      name: 'MFA02',
      os: { caption: 'Windows Server 2016 Datacenter', version: '10.0.14393', architecture: null },
      roles: { replication: 'subordinate', replicationGroup: null, loadBalanced: null, source: 'flag' },
    });
  });

  it('an old host with CurrentBuild only; nothing known of roles', async () => {
    const ctx = await probeContext(memoryHost().reg(WINDOWS_NT_CV, { CurrentBuild: '7601' }));
    const h = probeHost(ctx);
    expect(h.name).toBeNull();
    expect(h.os.version).toBe('7601');
    expect(h.roles.source).toBe('unknown');
  });

  it('bundle.json with only a load-balancer flag: the roles come from the bundle', async () => {
    const ctx = await probeContext(memoryHost().bundleJson({ roles: { loadBalanced: false } }));
    expect(probeHost(ctx).roles).toMatchObject({ replication: null, loadBalanced: false, source: 'bundle' });
  });
});

describe('probeHost: the OS from the registry where bundle.json says nothing', () => {
  it('32-bit Server 2008 SP2: CurrentVersion and the build give 6.0.6002; no ProgramFilesDir (x86) means x86', async () => {
    const ctx = await probeContext(
      memoryHost()
        .reg(WINDOWS_CV, { ProgramFilesDir: 'C:\\Program Files', CommonFilesDir: 'C:\\Program Files\\Common Files' })
        .reg(WINDOWS_NT_CV, {
          ProductName: 'Windows Server® 2008 Standard',
          CurrentVersion: '6.0',
          CurrentBuildNumber: '6002',
          CSDVersion: 'Service Pack 2',
        }),
    );
    expect(probeHost(ctx).os).toEqual({ caption: 'Windows Server® 2008 Standard', version: '6.0.6002', architecture: 'x86' });
  });

  it('64-bit Server 2012 R2: 6.3.9600, x64; Server 2016 and later by the major/minor numbers', async () => {
    const r2 = await probeContext(
      memoryHost()
        .reg(WINDOWS_CV, { ProgramFilesDir: 'C:\\Program Files', 'ProgramFilesDir (x86)': 'C:\\Program Files (x86)' })
        .reg(WINDOWS_NT_CV, { ProductName: 'Windows Server 2012 R2 Standard', CurrentVersion: '6.3', CurrentBuildNumber: '9600' }),
    );
    expect(probeHost(r2).os).toEqual({ caption: 'Windows Server 2012 R2 Standard', version: '6.3.9600', architecture: 'x64' });
    const s2019 = await probeContext(
      memoryHost().reg(WINDOWS_NT_CV, {
        CurrentVersion: '6.3',
        CurrentBuildNumber: '17763',
        CurrentMajorVersionNumber: 10,
        CurrentMinorVersionNumber: 0,
      }),
    );
    // No CurrentVersion key of Windows exported: the architecture is not known.
    expect(probeHost(s2019).os).toMatchObject({ version: '10.0.17763', architecture: null });
  });

  it('bundle.json os wins over the registry, architecture included', async () => {
    const ctx = await probeContext(
      memoryHost()
        .bundleJson({ hostname: 'WEB08', os: { caption: 'Windows Server 2008 Standard', version: '6.0.6002', architecture: 'x86' } })
        .reg(WINDOWS_CV, { ProgramFilesDir: 'C:\\Program Files', 'ProgramFilesDir (x86)': 'C:\\Program Files (x86)' }),
    );
    expect(probeHost(ctx).os.architecture).toBe('x86');
  });
});
