/**
 * JSON with object keys sorted at every level and no whitespace: one text for one value,
 * whatever order its keys were built or stored in (jsonb reorders them), so a hash over
 * it can be checked again from the stored row. Undefined properties are left out, as
 * JSON.stringify does.
 *
 * Written as loops that append to one string (the server hashes every applied score
 * change with it, in the push's critical section).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          // A hole stays empty, as Array.prototype.join leaves it.
          if (i in value) out += canonicalJson((value[i] as unknown) ?? null);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        if (out.length > 1) out += ',';
        out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
}
