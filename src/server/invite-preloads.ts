import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';

/**
 * The lazy modules the invite link's page goes on to load: the sign-in screen, the sync
 * engine and its transport, and the bundle code that sync-engine.ts loads while the judge
 * confirms their name (the device's signing key is made at the sign-in). Loaded one after
 * the other, as the page discovers them, they cost a 300 ms round trip each on 3G.
 */
export const INVITE_PAGE_MODULES = [
  'src/ui/pages/SignInPage.tsx',
  'src/sync/sync-engine.ts',
  'src/sync/fetch-transport.ts',
  'src/sync/bundle-api.ts',
] as const;

/** Vite's build manifest (build.manifest): each module's file and the chunks it imports. */
const buildManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.optional(z.array(z.string())),
    css: z.optional(z.array(z.string())),
    isEntry: z.optional(z.boolean()),
  }),
);
type BuildManifest = z.infer<typeof buildManifestSchema>;

/**
 * The <link> tags that fetch `modules` and everything they import, in parallel with the
 * first-screen chunk, leaving out what index.html loads already; and the modules the
 * manifest does not know (a renamed screen), to be reported.
 */
export function invitePreloadTags(
  manifest: BuildManifest,
  modules: readonly string[],
): { tags: string; missing: string[] } {
  const closure = (keys: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return seen;
  };
  const missing = modules.filter((module) => manifest[module] === undefined);
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry === true);
  const loaded = closure(entries);
  const tags: string[] = [];
  for (const key of closure(modules)) {
    const chunk = manifest[key];
    if (!chunk || loaded.has(key)) continue;
    tags.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
    for (const css of chunk.css ?? []) tags.push(`<link rel="preload" as="style" href="/${css}">`);
  }
  return { tags: tags.join(''), missing };
}

/**
 * The invite page's preload tags for the build in `staticDir`, or '' when it has no
 * manifest (a build made without it): the page then works as before, one round trip at
 * a time.
 */
export async function readInvitePreloadTags(
  staticDir: string,
  logError: (error: unknown) => void,
): Promise<string> {
  let text: string;
  try {
    text = await readFile(join(staticDir, '.vite', 'manifest.json'), 'utf8');
  } catch {
    return '';
  }
  const { tags, missing } = invitePreloadTags(
    buildManifestSchema.parse(JSON.parse(text)),
    INVITE_PAGE_MODULES,
  );
  if (missing.length > 0) {
    logError(new Error(`Invite page preloads: not in the build manifest: ${missing.join(', ')}`));
  }
  return tags;
}
