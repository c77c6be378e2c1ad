/**
 * A set of positions written as ranges, "0-41,43,45-299": how an acknowledgement names
 * the mutations of a bundle it accepts, short enough for a QR code whatever their number.
 */
export function formatIndexRanges(indices: Iterable<number>): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let end = start;
  for (const index of sorted.slice(1)) {
    if (end !== undefined && index === end + 1) {
      end = index;
      continue;
    }
    if (start !== undefined) parts.push(start === end ? `${start}` : `${start}-${end}`);
    start = index;
    end = index;
  }
  if (start !== undefined) parts.push(start === end ? `${start}` : `${start}-${end}`);
  return parts.join(',');
}

/** The positions of a ranges text, each below `limit`; null when the text is malformed. */
export function parseIndexRanges(text: string, limit: number): number[] | null {
  if (text === '') return [];
  const indices: number[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d{1,9})(?:-(\d{1,9}))?$/.exec(part);
    if (!match) return null;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (end < start || end >= limit) return null;
    for (let i = start; i <= end; i++) indices.push(i);
  }
  return indices;
}
