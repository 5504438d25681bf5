/**
 * The in-memory registry a scan reads: a tree of keys (case-insensitive names, original case kept)
 * filled by .reg files or reg.exe output, optionally limited to the keys probes asked for.
 */
import type { KeyInterest, RegKeyData, RegistryReader, RegValue } from './types.js';
import { canonicalRoot, parseRegPath, type RegPath } from './path.js';

interface Node {
  /** Key name, original case (root: long root name). */
  name: string;
  /** Full display path (long root, original case). */
  path: string;
  parent: Node | null;
  children: Map<string, Node> | null;
  /** Values by lower-cased name. */
  values: Map<string, RegValue> | null;
  /**
   * Written by a [KEY] section or createKey. Implicit nodes are the ancestors of kept keys and the
   * "stub" children of a non-recursive interest (present, but nothing of them is kept).
   */
  explicit: boolean;
}

interface Interest {
  /** Long root name. */
  root: string;
  /** The rest of the path, lower case, with its leading "\\" ("" for a root). */
  rest: string;
  /** Names below the root in the interest path. */
  depth: number;
  recursive: boolean;
}

type Decision = { keep: true } | { keep: false; stubDepth?: number };
const KEEP: Decision = { keep: true };
const SKIP: Decision = { keep: false };

/**
 * V8 keeps the whole parent of a sliced string alive. Values come from slices of 1 MB decoded chunks,
 * so anything the store keeps is copied out first.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class RegistryStore implements RegistryReader {
  private readonly top = new Map<string, Node>();
  private readonly interests: Interest[] | null;
  private nKeys = 0;
  private nValues = 0;
  // One-entry cache: a parser sets many values on the key it just created.
  private lastPath: string | null = null;
  private lastNode: Node | null = null;
  /**
   * Path text (as the parser passed it) of the top of the last subtree known to hold no kept key and no new
   * stub: exports are depth-first, so the keys that follow are mostly below it and are skipped with one
   * startsWith. Cleared by deleteKey (a deleted stub must be made again).
   */
  private skipPrefix: string | null = null;

  /** `interests` null/undefined: keep everything. */
  constructor(interests?: KeyInterest[] | null) {
    this.interests = interests
      ? interests.flatMap((i) => {
          const p = parseRegPath(i.path);
          if (!p) return [];
          return [{ root: p.root, rest: p.norm.slice(p.root.length), depth: p.names.length, recursive: i.recursive !== false }];
        })
      : null;
  }

  // ---- filling ----------------------------------------------------------------------------------

  /** Whether values of this key would be kept (cheap: no tree walk). False for an unknown root. */
  wants(path: string): boolean {
    return this.decide(path)?.keep === true;
  }

  /**
   * Create a key (and its ancestors). Returns true when the key is kept; false when the interest filter
   * drops it (a key below a non-recursive interest still leaves its name there, for subkeys()/hasAnyUnder())
   * or the root is unknown.
   */
  createKey(path: string): boolean {
    return this.addKey(path) === 'kept';
  }

  /** createKey that also tells an unknown root apart (for parsers that report it). */
  addKey(path: string): 'kept' | 'skipped' | 'bad-root' {
    this.lastPath = null;
    const sp = this.skipPrefix;
    if (sp !== null && path.startsWith(sp) && (path.length === sp.length || path.charCodeAt(sp.length) === 92)) return 'skipped';
    const d = this.decide(path, true);
    if (!d) return 'bad-root';
    if (!d.keep) {
      if (d.stubDepth !== undefined) {
        const p = parseRegPath(path)!;
        this.walk(p, true, d.stubDepth + 1);
      }
      return 'skipped';
    }
    const node = this.walk(parseRegPath(path)!, true)!;
    if (!node.explicit) {
      node.explicit = true;
      this.nKeys++;
    }
    this.lastPath = path;
    this.lastNode = node;
    return 'kept';
  }

  /**
   * @internal For parsers: a path text P such that every key whose path text starts with P + "\\" is
   * skipped with nothing to record (addKey would return 'skipped' and change nothing), or null.
   */
  skippedSubtree(): string | null {
    return this.skipPrefix;
  }

  /** Remove a key and everything below it. Returns whether anything was removed. */
  deleteKey(path: string): boolean {
    const p = parseRegPath(path);
    if (!p) return false;
    const node = this.walk(p, false);
    if (!node) return false;
    this.lastPath = null;
    this.skipPrefix = null;
    const drop = (n: Node) => {
      if (n.explicit) this.nKeys--;
      if (n.values) this.nValues -= n.values.size;
      if (n.children) for (const c of n.children.values()) drop(c);
    };
    drop(node);
    const siblings = node.parent ? node.parent.children! : this.top;
    siblings.delete(node.name.toLowerCase());
    return true;
  }

  /** Set a value, creating its key when needed. Returns false when the key is not kept. */
  setValue(path: string, value: RegValue): boolean {
    let node: Node | null | undefined;
    if (path === this.lastPath) node = this.lastNode;
    else {
      if (!this.createKey(path)) return false;
      node = this.lastNode;
    }
    if (!node) return false;
    if (!node.values) node.values = new Map();
    const key = value.name.toLowerCase();
    const had = node.values.has(key);
    if (had) node.values.delete(key); // a later write wins, name case included
    const data = typeof value.data === 'string' ? detach(value.data) : Array.isArray(value.data) ? value.data.map(detach) : value.data;
    node.values.set(key, { name: detach(value.name), type: value.type, typeNumber: value.typeNumber, data });
    if (!had) this.nValues++;
    return true;
  }

  /** Delete one value ("" = default). Returns whether it was there. */
  deleteValue(path: string, name: string): boolean {
    const node = this.find(path);
    if (!node?.values?.delete(name.toLowerCase())) return false;
    this.nValues--;
    return true;
  }

  // ---- reading ----------------------------------------------------------------------------------

  getKey(path: string): RegKeyData | undefined {
    const node = this.find(path);
    return node ? toData(node) : undefined;
  }

  getValue(path: string, name: string): RegValue | undefined {
    return this.find(path)?.values?.get(name.toLowerCase());
  }

  subkeys(path: string): string[] {
    const node = this.find(path);
    return node?.children ? [...node.children.values()].map((c) => c.name) : [];
  }

  hasAnyUnder(path: string): boolean {
    return this.find(path) !== undefined;
  }

  /** Keys written by sections/createKey (not implicit ancestors). */
  keyCount(): number {
    return this.nKeys;
  }

  valueCount(): number {
    return this.nValues;
  }

  /** Every explicit key, parents before children, in the order they were first created. */
  *keys(): IterableIterator<RegKeyData> {
    const stack: Node[] = [...this.top.values()].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.explicit) yield toData(n);
      if (n.children) stack.push(...[...n.children.values()].reverse());
    }
  }

  // ---- internals --------------------------------------------------------------------------------

  /**
   * Keep/skip decision from the path text alone (the skip path of a big import runs this per subtree).
   * With `remember`, a skipped clean path also sets skipPrefix to its shortest ancestor (or itself) with no
   * interest at or below it: every key under that ancestor is skipped the same way (no interest is below
   * it, and the non-recursive interests above it give them all the same stub, already made for this key).
   */
  private decide(path: string, remember = false): Decision | undefined {
    let p = path;
    let clean = true;
    if (p.charCodeAt(0) === 92 || p.charCodeAt(p.length - 1) === 92 || p.includes('\\\\')) {
      const parsed = parseRegPath(p);
      if (!parsed) return undefined;
      p = parsed.display;
      clean = false;
    }
    let cut = p.indexOf('\\');
    const root = canonicalRoot(cut < 0 ? p : p.slice(0, cut));
    if (!root) return undefined;
    if (!this.interests) return KEEP;
    if (cut < 0) cut = p.length;
    const restLen = p.length - cut;
    let stubDepth: number | undefined;
    // Names (root included) the skip prefix needs so that no interest is at or below it.
    let need = 1;
    for (const i of this.interests) {
      if (i.root !== root) continue;
      const common = commonLengthCI(p, cut, i.rest);
      if (common === i.rest.length) {
        if (restLen === common) return KEEP;
        if (p.charCodeAt(cut + common) === 92) {
          // the interest is an ancestor
          if (i.recursive) return KEEP;
          stubDepth = stubDepth === undefined ? i.depth : Math.min(stubDepth, i.depth);
          need = Math.max(need, i.depth + 2);
          continue;
        }
      }
      // Diverges (or lies below the key): whole names shared, then one more name to leave the interest.
      let shared = 0;
      for (let k = 1; k < common; k++) if (i.rest.charCodeAt(k) === 92) shared++;
      const endI = common === i.rest.length || i.rest.charCodeAt(common) === 92;
      const endP = common === restLen || p.charCodeAt(cut + common) === 92;
      if (common > 0 && endI && endP) shared++;
      need = Math.max(need, shared + 2);
    }
    if (remember && clean) {
      // The first `need` names of p, when it has that many.
      let end = cut;
      for (let n = 1; n < need && end >= 0; n++) {
        if (end >= p.length) end = -1;
        else {
          const k = p.indexOf('\\', end + 1);
          end = k < 0 ? p.length : k;
        }
      }
      if (end >= 0) this.skipPrefix = detach(p.slice(0, end));
    }
    return stubDepth === undefined ? SKIP : { keep: false, stubDepth };
  }

  /** Walk to a key; with `create`, make missing nodes (implicit) down to `limit` names. */
  private walk(p: RegPath, create: boolean, limit = p.names.length): Node | undefined {
    let node: Node | undefined = this.top.get(p.root.toLowerCase());
    if (!node) {
      if (!create) return undefined;
      node = { name: p.root, path: p.root, parent: null, children: null, values: null, explicit: false };
      this.top.set(p.root.toLowerCase(), node);
    }
    for (let i = 0; i < limit; i++) {
      const name = p.names[i];
      const k = name.toLowerCase();
      let child: Node | undefined = node.children?.get(k);
      if (!child) {
        if (!create) return undefined;
        const n = detach(name);
        child = { name: n, path: `${node.path}\\${n}`, parent: node, children: null, values: null, explicit: false };
        (node.children ??= new Map()).set(k, child);
      }
      node = child;
    }
    return node;
  }

  private find(path: string): Node | undefined {
    const p = parseRegPath(path);
    return p ? this.walk(p, false) : undefined;
  }
}

/** Length of the common prefix of p[offset...] and `lower` (lower case), compared as startsWithCI does. */
function commonLengthCI(p: string, offset: number, lower: string): number {
  const max = Math.min(lower.length, p.length - offset);
  for (let i = 0; i < max; i++) {
    const a = p.charCodeAt(offset + i);
    const b = lower.charCodeAt(i);
    if (a === b || (a >= 65 && a <= 90 && a + 32 === b)) continue;
    if (a < 128 || String.fromCharCode(a).toLowerCase() !== String.fromCharCode(b)) return i;
  }
  return max;
}

function toData(n: Node): RegKeyData {
  return { path: n.path, values: n.values ? [...n.values.values()] : [] };
}
