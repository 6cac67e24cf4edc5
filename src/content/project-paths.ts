import { join, resolve } from 'node:path';

/** The content folder: the given one, else `KB_CONTENT_DIR`, else `content/` in the working folder. */
export function resolveContentDir(contentDir?: string): string {
  return resolve(contentDir ?? process.env.KB_CONTENT_DIR ?? join(process.cwd(), 'content'));
}

/** The site config: the given path, else `KB_CONFIG`, else `kb.config.yml` in the working folder (the file is optional). */
export function resolveConfigPath(configPath?: string): string {
  return resolve(configPath ?? process.env.KB_CONFIG ?? join(process.cwd(), 'kb.config.yml'));
}
