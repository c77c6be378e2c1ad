/**
 * The data handed to the results functions contradicts itself (an unknown entry, a judge
 * scoring one entry twice, a plenary decision without a reason). Results are never
 * computed from such data: a ranking that will be questioned must rest on clean input.
 */
export class PanelDataError extends Error {
  override readonly name = 'PanelDataError';
}
