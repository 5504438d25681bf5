// The rule catalog: one file per rule in catalog/. A test checks this list against the folder.
import type { Rule } from './types.js';
import mfaadfs001 from './catalog/MFA-ADFS-001.js';
import mfaadfs002 from './catalog/MFA-ADFS-002.js';
import mfaadfs003 from './catalog/MFA-ADFS-003.js';
import mfaadfs004 from './catalog/MFA-ADFS-004.js';
import mfaadfs005 from './catalog/MFA-ADFS-005.js';
import mfabkp001 from './catalog/MFA-BKP-001.js';
import mfabkp002 from './catalog/MFA-BKP-002.js';
import mfabkp003 from './catalog/MFA-BKP-003.js';
import mfabkp010 from './catalog/MFA-BKP-010.js';
import mfabkp011 from './catalog/MFA-BKP-011.js';
import mfabkp012 from './catalog/MFA-BKP-012.js';
import mfabkp013 from './catalog/MFA-BKP-013.js';
import mfabkp014 from './catalog/MFA-BKP-014.js';
import mfacfg001 from './catalog/MFA-CFG-001.js';
import mfacfg002 from './catalog/MFA-CFG-002.js';
import mfacfg003 from './catalog/MFA-CFG-003.js';
import mfacmp001 from './catalog/MFA-CMP-001.js';
import mfacmp002 from './catalog/MFA-CMP-002.js';
import mfacmp003 from './catalog/MFA-CMP-003.js';
import mfaha001 from './catalog/MFA-HA-001.js';
import mfaha002 from './catalog/MFA-HA-002.js';
import mfainp001 from './catalog/MFA-INP-001.js';
import mfainv001 from './catalog/MFA-INV-001.js';
import mfainv002 from './catalog/MFA-INV-002.js';
import mfainv003 from './catalog/MFA-INV-003.js';
import mfainv004 from './catalog/MFA-INV-004.js';
import mfainv005 from './catalog/MFA-INV-005.js';
import mfalife001 from './catalog/MFA-LIFE-001.js';
import mfaprq001 from './catalog/MFA-PRQ-001.js';
import mfaprq002 from './catalog/MFA-PRQ-002.js';
import mfaprq003 from './catalog/MFA-PRQ-003.js';
import mfavdir001 from './catalog/MFA-VDIR-001.js';
import mfavdir002 from './catalog/MFA-VDIR-002.js';
import mfavdir003 from './catalog/MFA-VDIR-003.js';
import mfavdir004 from './catalog/MFA-VDIR-004.js';
import mfawvr001 from './catalog/MFA-WVR-001.js';

export const RULES: readonly Rule[] = [
  mfaadfs001,
  mfaadfs002,
  mfaadfs003,
  mfaadfs004,
  mfaadfs005,
  mfabkp001,
  mfabkp002,
  mfabkp003,
  mfabkp010,
  mfabkp011,
  mfabkp012,
  mfabkp013,
  mfabkp014,
  mfacfg001,
  mfacfg002,
  mfacfg003,
  mfacmp001,
  mfacmp002,
  mfacmp003,
  mfaha001,
  mfaha002,
  mfainp001,
  mfainv001,
  mfainv002,
  mfainv003,
  mfainv004,
  mfainv005,
  mfalife001,
  mfaprq001,
  mfaprq002,
  mfaprq003,
  mfavdir001,
  mfavdir002,
  mfavdir003,
  mfavdir004,
  mfawvr001,
];

/** Bump when a rule is added or changes what it fires on: reports say which catalog they used. */
export const RULESET_VERSION = '2026.11.1';
