/**
 * Deltas between two views of the same role, so a push after a commit carries only what
 * changed (a running tally is a few hundred bytes, not the whole chamber).
 *
 * A patch is a list of operations on plain JSON values. Objects are compared key by key and
 * recursed into; anything else (arrays, strings, numbers…) is replaced whole when it differs.
 *   [path, value]  set the value at path (creating objects along the way)
 *   [path]         delete the key at path
 * The server diffs against a JSON copy of the view it last pushed; the client applies the
 * patch to the view it holds only if that view is the patch's base version.
 */
export type PatchOp = [path: string[], value: unknown] | [path: string[]];
export type Patch = PatchOp[];

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Deep equality of JSON values (`undefined` members count as absent, as in JSON). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Obj;
  const bo = b as Obj;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (!same(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}

/**
 * The operations that turn `prev` into `next` (both plain JSON objects). `unchanged` may
 * vouch for a key one or two levels down (present on both sides) without a look: the caller
 * knows it did not change (the same set-up object; a vote closed before and never changed
 * since). It keeps a push's cost to what changed, not to the length of the meeting.
 */
export function diffViews(prev: unknown, next: unknown, unchanged?: (path: readonly string[]) => boolean): Patch {
  const ops: Patch = [];
  walk(prev, next, [], ops, unchanged);
  return ops;
}

// `path` is one stack reused down the walk; an operation takes a copy of it. When most of an
// object's keys changed (a new seat map: every seat's choice), the object is sent whole:
// one operation instead of a path per key.
function walk(a: unknown, b: unknown, path: string[], ops: Patch, unchanged?: (path: readonly string[]) => boolean) {
  if (isObj(a) && isObj(b)) {
    const start = ops.length;
    let keys = 0;
    let changed = 0;
    for (const k in a) {
      if (a[k] !== undefined && b[k] === undefined) {
        ops.push([[...path, k]]);
        changed++;
      }
    }
    for (const k in b) {
      const v = b[k];
      if (v === undefined) continue;
      keys++;
      const w = a[k];
      if (w === undefined) {
        ops.push([[...path, k], v]);
        changed++;
      } else if (w !== v) {
        const before = ops.length;
        path.push(k);
        if (!(unchanged && path.length <= 2 && unchanged(path))) walk(w, v, path, ops, path.length < 2 ? unchanged : undefined);
        path.pop();
        if (ops.length > before) changed++;
      }
    }
    if (path.length > 0 && changed > 8 && changed * 2 > keys) ops.splice(start, ops.length - start, [path.slice(), b]);
    return;
  }
  if (!same(a, b)) ops.push([path.slice(), b]);
}

/**
 * The view with the patch applied. The input is not changed: objects along each path are
 * copied (once per patch), so a store that compares by reference sees what changed.
 */
export function applyPatch<T>(view: T, patch: Patch): T {
  const copied = new Set<unknown>();
  let root: unknown = view;
  for (const op of patch) {
    const [path] = op;
    if (path.length === 0) {
      root = op.length === 2 ? op[1] : null;
      continue;
    }
    if (!isObj(root)) root = {};
    if (!copied.has(root)) {
      root = { ...(root as Obj) };
      copied.add(root);
    }
    let node = root as Obj;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      let child = node[k];
      if (!isObj(child)) child = {};
      if (!copied.has(child)) {
        child = { ...(child as Obj) };
        copied.add(child);
      }
      node[k] = child;
      node = child as Obj;
    }
    const last = path[path.length - 1]!;
    if (op.length === 2) node[last] = op[1];
    else delete node[last];
  }
  return root as T;
}
