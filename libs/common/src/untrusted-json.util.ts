import { ApiException } from './api.exception';
import { normaliseText } from './normalise-text.util';

// Deeper bodies make class-transformer and twilio-node recurse until the stack overflows; no API or
// provider payload Wasl reads is nested more than a few levels.
export const MAX_JSON_DEPTH = 32;
// Keys that change what an object is once class-transformer or a merge copies them onto an instance.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Checks parsed JSON from outside and normalises every string in it (keys too), in place and without
// recursion, so any depth is refused with a 400 instead of a stack overflow.
export function sanitiseUntrustedJson<T>(value: T, maxDepth = MAX_JSON_DEPTH): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) throw ApiException.validation([{ field: 'body', message: `must not be nested more than ${maxDepth} levels` }]);
    if (Array.isArray(node)) {
      node.forEach((item: unknown, index) => {
        if (typeof item === 'string') node[index] = normaliseText(item);
        else pending.push({ node: item, depth: depth + 1 });
      });
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const cleanKey = normaliseText(key, { singleLine: true });
      if (FORBIDDEN_KEYS.has(cleanKey)) throw ApiException.validation([{ field: cleanKey, message: 'is not an accepted field name' }]);
      if (cleanKey !== key) {
        delete record[key];
        record[cleanKey] = item;
      }
      if (typeof item === 'string') record[cleanKey] = normaliseText(item);
      else pending.push({ node: item, depth: depth + 1 });
    }
  }
  return value;
}
