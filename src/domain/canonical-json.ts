/**
 * JSON with object keys sorted at every level and no whitespace: one text for one value,
 * whatever order its keys were built or stored in (jsonb reorders them), so a hash over
 * it can be checked again from the stored row. Undefined properties are left out, as
 * JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  if (
    typeof value === 'undefined' ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  )
    throw new TypeError(`a ${typeof value} has no JSON form`);
  return JSON.stringify(value);
}
