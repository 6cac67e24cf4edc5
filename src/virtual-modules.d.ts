/** The brand stylesheet, generated at build time (src/build/brand-stylesheet.ts). */
declare module 'virtual:kb-brand.css';
