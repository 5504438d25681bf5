import type { Report } from '../report/report.generated.js';
import type { ConfigDifference } from '../types.js';

/**
 * What stage `post` knows of the host before the window: the report taken then (`scan --baseline`), and what the
 * scan finds of it on the host (backups, the old install folders). Rules compare it with the host now.
 */
export interface Baseline {
  /** The file given to --baseline (as given). */
  file: string;
  report: Report;
}

/** The User Portal's or Mobile App's settings, the saved web.config against the one in use now. */
export interface SettingsCarryOver {
  component: 'user-portal' | 'mobile-app';
  /** The web.config in use (Windows path). */
  current: string;
  /** The saved copy compared with it (the newest backup of other content), null where none was found. */
  saved: string | null;
  /** appSettings / applicationSettings differences (values redacted); null where not compared. */
  differences: ConfigDifference[] | null;
  /** Why they were not compared (no backup, a file that does not parse), or null. */
  error: string | null;
}

/** The User Portal's themes before the window, from the copies the scan finds. */
export interface ThemesBefore {
  /** Folders the themes of before were read from (backups of App_Themes, the old portal folder). */
  sources: string[];
  /** Custom themes (not Default) in those copies. */
  custom: string[];
  /** Files of the saved Default theme changed after the old install whose content the Default theme in use lacks. */
  defaultNotRestored: string[];
}

/** The IIS application pool an MFA web component runs in (applicationHost.config). */
export interface AppPoolFact {
  component: 'user-portal' | 'mobile-app' | 'web-service-sdk';
  /** The application's URL path. */
  urlPath: string;
  pool: string | null;
  /** managedRuntimeVersion: `v4.0`, `v2.0`, `` (no managed code); null where the pool is not defined. */
  runtime: string | null;
}

/** Facts read only at stage post (src/probes/post.ts). */
export interface PostFacts {
  settings: SettingsCarryOver[];
  themes: ThemesBefore | null;
  /** null where applicationHost.config is not known (missing, broken, shared configuration). */
  appPools: AppPoolFact[] | null;
  /** Where applicationHost.config was read. */
  appHostPath: string | null;
}
