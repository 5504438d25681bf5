// Preloaded with `node --import` when GNU time is missing: writes this process's peak RSS (KB) and its
// user and system CPU time (s) on exit, as GNU time's `%M %U %S` would.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`);
    } catch {
      /* the bench reports no RSS for this run */
    }
  });
}
