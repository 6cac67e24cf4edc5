/** The brand stylesheet, generated at build time (src/build/brand-stylesheet.ts). */
declare module 'virtual:kb-brand.css';

/** The project's customCss files, as @imports (src/build/custom-stylesheet.ts). */
declare module 'virtual:kb-custom.css';
