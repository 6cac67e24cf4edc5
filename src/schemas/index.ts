export * from './frontmatter.ts';
export * from './category.ts';
export * from './site-config.ts';
export * from './synonyms.ts';
export * from './contact.ts';
export * from './widget.ts';
