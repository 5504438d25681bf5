import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-002',
    title: "A file to copy is missing from the adapter's folder",
    severity: 'medium',
    component: 'adfs-adapter',
    stages: ['adfs'],
    pendingOnly: true,
    planSteps: [STEP.prepareAdfs],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade the AD FS Adapters: If MFA runs on different servers than AD FS, step 2',
    },
    procedure: 'inplace-adfs-copy-2',
    description:
      "Copy the adapter MSI, the Register and Unregister scripts and the config from an upgraded MFA Server's install folder to each AD FS server, to a folder of your choice (give it with --adapter-files; without it the adapter's own folder is checked).",
    messages: {
      missing: "{{name}} is not in {{folder}}: copy it from an upgraded MFA Server's install folder.",
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'adfs-host' || !facts.adfs) return [];
    // The staging folder the new files were copied to (--adapter-files), else the adapter's own folder.
    const folder = facts.adfs.staging?.folder ?? facts.adfs.folder;
    return facts.adfs.files
      .filter((f) => !f.present)
      .map((f) => ({
        messageId: 'missing',
        data: { name: f.name, folder: String(folder) },
        evidence: [{ source: 'file' as const, location: f.path, observed: 'not found' }],
        key: f.name.toLowerCase(),
      }));
  },
});
