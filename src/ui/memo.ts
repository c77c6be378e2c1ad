import { Component, h, type ComponentChild, type FunctionComponent } from 'preact';

/**
 * A component that re-renders only when `same` says its props changed. Preact's own `memo`
 * lives in preact/compat; this is the part of it we need, with a comparison of our choice
 * (the scoring screen compares values, since every database read makes new objects).
 */
export function memoWith<P extends object>(
  Inner: FunctionComponent<P>,
  same: (before: Readonly<P>, after: Readonly<P>) => boolean,
): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !same(this.props, next);
    }
    override render(): ComponentChild {
      return h(Inner, this.props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
