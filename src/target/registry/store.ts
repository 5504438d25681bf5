/**
 * The in-memory registry a scan reads: a tree of keys (case-insensitive names, original case kept)
 * filled by .reg files or reg.exe output, optionally limited to the keys probes asked for.
 */
import type { KeyInterest, RegKeyData, RegistryReader, RegValue } from './types.js';
import { canonicalRoot, parseRegPath, startsWithCI, type RegPath } from './path.js';

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
    const d = this.decide(path);
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

  /** Remove a key and everything below it. Returns whether anything was removed. */
  deleteKey(path: string): boolean {
    const p = parseRegPath(path);
    if (!p) return false;
    const node = this.walk(p, false);
    if (!node) return false;
    this.lastPath = null;
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
    const data = typeof value.data === 'string' ? detach(value.data)
      : Array.isArray(value.data) ? value.data.map(detach) : value.data;
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

  /** Keep/skip decision from the path text alone (the skip path of a big import runs this per key). */
  private decide(path: string): Decision | undefined {
    let p = path;
    if (p.charCodeAt(0) === 92 || p.endsWith('\\') || p.includes('\\\\')) {
      const parsed = parseRegPath(p);
      if (!parsed) return undefined;
      p = parsed.display;
    }
    let cut = p.indexOf('\\');
    const root = canonicalRoot(cut < 0 ? p : p.slice(0, cut));
    if (!root) return undefined;
    if (!this.interests) return { keep: true };
    if (cut < 0) cut = p.length;
    const restLen = p.length - cut;
    let stubDepth: number | undefined;
    for (const i of this.interests) {
      if (i.root !== root || restLen < i.rest.length || !startsWithCI(p, cut, i.rest)) continue;
      if (restLen === i.rest.length) return { keep: true };
      if (p.charCodeAt(cut + i.rest.length) !== 92) continue;
      if (i.recursive) return { keep: true };
      stubDepth = stubDepth === undefined ? i.depth : Math.min(stubDepth, i.depth);
    }
    return { keep: false, stubDepth };
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
      const name = p.names[i]!;
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

function toData(n: Node): RegKeyData {
  return { path: n.path, values: n.values ? [...n.values.values()] : [] };
}
