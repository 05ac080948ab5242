import type { UIMatch } from 'react-router';

/** What a route declares about its page's help: the translation key of the explanation. */
export interface PageHelpHandle {
  help: string;
}

/** The help key of the innermost matched route that declares one. */
export function helpKeyOf(matches: UIMatch[]): string | undefined {
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as Partial<PageHelpHandle> | undefined;
    if (handle && typeof handle.help === 'string') return handle.help;
  }
  return undefined;
}
