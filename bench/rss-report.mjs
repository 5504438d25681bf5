// Preloaded with `node --import` when GNU time is missing: writes this process's peak RSS (KB) on exit.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      /* the bench reports no RSS for this run */
    }
  });
}
