import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';

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
  }),
);
type BuildManifest = z.infer<typeof buildManifestSchema>;

/**
 * The <link> tags that fetch `modules` and everything they import, in parallel with the
 * first-screen chunk; and the modules the manifest does not know (a renamed screen), to be
 * reported. What the page `shell` (index.html) loads already is left out, with all it
 * imports: the manifest marks no entry when the entry script is grouped into a chunk.
 */
export function invitePreloadTags(
  manifest: BuildManifest,
  modules: readonly string[],
  shell: string,
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
  const inShell = new Set([...shell.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1] ?? ''));
  const loaded = closure(
    Object.keys(manifest).filter((key) => inShell.has(manifest[key]?.file ?? '')),
  );
  const missing = modules.filter((module) => manifest[module] === undefined);
  const hrefs = new Set<string>();
  const tags: string[] = [];
  const link = (file: string, tag: string) => {
    if (inShell.has(file) || hrefs.has(file)) return;
    hrefs.add(file);
    tags.push(tag);
  };
  for (const key of closure(modules)) {
    const chunk = manifest[key];
    if (!chunk || loaded.has(key)) continue;
    link(chunk.file, `<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
    // crossorigin as on Vite's own stylesheet links, or the preload would not be used.
    for (const css of chunk.css ?? []) {
      link(css, `<link rel="preload" as="style" crossorigin href="/${css}">`);
    }
  }
  return { tags: tags.join(''), missing };
}

/**
 * The invite page's preload tags for the build in `staticDir` and its `shell`, or '' when
 * the build has no manifest or an unreadable one (reported): the page then works as
 * before, one round trip at a time.
 */
export async function readInvitePreloadTags(
  staticDir: string,
  shell: string,
  logError: (error: unknown) => void,
): Promise<string> {
  let text: string;
  try {
    text = await readFile(join(staticDir, '.vite', 'manifest.json'), 'utf8');
  } catch {
    return '';
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    logError(new Error(`Invite page preloads: the build manifest is not JSON: ${String(error)}`));
    return '';
  }
  const parsed = buildManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    logError(
      new Error(
        `Invite page preloads: unexpected build manifest: ${describeIssues(parsed.error.issues)}`,
      ),
    );
    return '';
  }
  const { tags, missing } = invitePreloadTags(parsed.data, INVITE_PAGE_MODULES, shell);
  if (missing.length > 0) {
    logError(new Error(`Invite page preloads: not in the build manifest: ${missing.join(', ')}`));
  }
  return tags;
}
