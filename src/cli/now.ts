/**
 * The one `--now` parser (scan, gate, fleet, diff): ISO 8601 only, `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM[:SS[.fff]]` with an optional `Z` or `±HH:MM` offset. No offset means UTC, never the
 * machine's time zone, so the same flags judge the same way everywhere. Impossible dates (2026-02-30, 25:00)
 * and free text ("Dec 1 2026") are refused.
 */

/** A `--now` value that is not an ISO 8601 time; the message is one line. */
export class NowFlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NowFlagError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** The instant `text` names, as `Date#toISOString()` (UTC, milliseconds). Throws NowFlagError. */
export function parseNow(text: string, flag = '--now'): string {
  const bad = (why: string): never => {
    throw new NowFlagError(`${flag} ${JSON.stringify(text)}: ${why} (use ISO 8601, e.g. 2026-11-21T09:00:00Z; no offset means UTC)`);
  };
  const m = ISO.exec(text.trim());
  if (!m) return bad('not an ISO 8601 time');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12) return bad(`month ${m[2]} does not exist`);
  const utc = (...a: [number, number, number, number?, number?, number?, number?]): Date => {
    const t = new Date(0);
    t.setUTCFullYear(a[0], a[1], a[2]);
    t.setUTCHours(a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);
    return t;
  };
  const daysInMonth = utc(y, mo, 0).getUTCDate();
  if (d < 1 || d > daysInMonth) return bad(`day ${m[3]} does not exist in ${m[1]}-${m[2]}`);
  if (h > 23 || mi > 59 || s > 59) return bad('not a time of day');
  let offsetMin = 0;
  if (m[9]) {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 14 || om > 59) return bad('not a time-zone offset');
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const t = utc(y, mo - 1, d, h, mi, s, ms).getTime() - offsetMin * 60_000;
  const out = new Date(t);
  if (Number.isNaN(t) || out.getUTCFullYear() < 1 || out.getUTCFullYear() > 9999) return bad('out of range');
  return out.toISOString();
}
