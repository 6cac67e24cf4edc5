import sax from 'sax';

/**
 * SVG images from writers, made safe to publish. An SVG opened by its own URL is a document of the site's
 * origin, and wherever `_headers` is not applied (GitHub Pages, `npm run preview`) nothing stops its scripts.
 *
 * The published file is never the writer's bytes: it is written anew from an allowlist of elements and
 * attributes, so anything this module does not know cannot slip through. What it drops silently is what
 * editors add and browsers ignore (metadata, comments, Inkscape attributes). Active content is an error
 * instead: scripts, event handlers, `<foreignObject>`, XHTML, style sheets, and references to anything but
 * the image itself (`href`, `url()`, `@import` to another file or host, `javascript:`). Such a file is either
 * an attack or an image that would not look as its writer expects once cleaned, and both deserve a person's look.
 */

export interface SvgProblem {
  /** What is wrong, e.g. `a <script> element`. */
  reason: string;
  /** 1-based line in the SVG file. */
  line: number;
  /** `unsafe`: active content; `malformed`: not an XML document we can read. */
  kind: 'unsafe' | 'malformed';
}

export type SvgResult = { svg: string } | { problem: SvgProblem };

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const XML = 'http://www.w3.org/XML/1998/namespace';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XHTML = 'http://www.w3.org/1999/xhtml';

const elements = new Set(
  `svg g defs symbol use switch title desc a path rect circle ellipse line polyline polygon text tspan textPath
  linearGradient radialGradient stop pattern clipPath mask marker image style
  filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap
  feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode
  feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
  animate animateMotion animateTransform set mpath`.split(/\s+/),
);

/** Elements that can run code or embed a document, in any of the namespaces a browser would honour. */
const activeElements = new Set(['script', 'foreignObject', 'iframe', 'object', 'embed', 'handler', 'listener', 'frame', 'frameset', 'portal']);

const attributes = new Set(
  `id class lang tabindex role aria-label aria-labelledby aria-describedby aria-hidden focusable
  x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points pathLength viewBox preserveAspectRatio version
  transform gradientTransform gradientUnits patternTransform patternUnits patternContentUnits spreadMethod offset
  clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY orient
  dx dy rotate textLength lengthAdjust startOffset method spacing side
  fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit
  stroke-dasharray stroke-dashoffset opacity color display visibility clip-path clip-rule mask filter
  marker-start marker-mid marker-end font-family font-size font-size-adjust font-style font-weight font-variant font-stretch
  text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing text-decoration
  writing-mode direction unicode-bidi stop-color stop-opacity flood-color flood-opacity lighting-color
  color-interpolation color-interpolation-filters shape-rendering text-rendering image-rendering vector-effect
  paint-order overflow mix-blend-mode isolation transform-origin transform-box style
  in in2 result stdDeviation mode type values operator k1 k2 k3 k4 scale xChannelSelector yChannelSelector
  baseFrequency numOctaves seed stitchTiles order kernelMatrix divisor bias targetX targetY edgeMode
  kernelUnitLength preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent limitingConeAngle
  pointsAtX pointsAtY pointsAtZ azimuth elevation tableValues slope intercept amplitude exponent radius
  filterUnits primitiveUnits
  attributeName attributeType begin dur end min max restart repeatCount repeatDur calcMode keyTimes keySplines
  from to by additive accumulate path keyPoints
  requiredFeatures requiredExtensions systemLanguage`.split(/\s+/),
);

/** Attributes that are plain words, never parsed as CSS. Every other attribute is checked like a style sheet. */
const wordAttributes = new Set(['id', 'class', 'lang', 'role', 'tabindex', 'focusable', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'systemLanguage', 'requiredFeatures', 'requiredExtensions', 'begin', 'end']);

/** Attributes an animation may change: the presentation attributes above, never `href`, `style` or handlers. */
const animatable = new Set([...attributes].filter((a) => !['id', 'class', 'style', 'tabindex', 'role', 'attributeName', 'type', 'values', 'from', 'to', 'by', 'begin', 'end'].includes(a) && !a.startsWith('aria-')));
const animations = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** A picture embedded in the file itself: raster data only, never another SVG (which could carry more SVG). */
const embeddedRaster = /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

export function sanitizeSvg(source: string): SvgResult {
  const parser = sax.parser(true, { xmlns: true, position: true });
  const out: string[] = [];
  /** Open elements: whether each is written out, and whether its start tag is still open (`<g …` without `>`). */
  const stack: { name: string; kept: boolean; pendingStart: boolean; style: boolean }[] = [];
  let problem: SvgProblem | undefined;
  let sawRoot = false;
  const stop = new Error('stop');
  const fail = (reason: string, kind: SvgProblem['kind'] = 'unsafe'): never => {
    problem ??= { reason, line: parser.line + 1, kind };
    throw stop; // the first problem is the one reported; sax would otherwise read on
  };
  const kept = () => stack.length > 0 && stack.at(-1)!.kept;
  const closeStart = () => {
    const top = stack.at(-1);
    if (top?.kept && top.pendingStart) {
      out.push('>');
      top.pendingStart = false;
    }
  };
  const text = (t: string) => {
    if (problem || !kept()) return;
    if (stack.at(-1)!.style) {
      const bad = cssProblem(t);
      if (bad) return fail(bad);
    }
    closeStart();
    out.push(escapeText(t));
  };

  parser.onerror = (e) => fail(String(e.message).split('\n')[0]!, 'malformed');
  parser.onprocessinginstruction = (pi) => {
    if (/stylesheet/i.test(pi.name)) fail(`a <?${pi.name}?> instruction, which loads another file`);
  };
  parser.ondoctype = (doctype) => {
    if (/\[/.test(doctype)) fail('a DOCTYPE with its own declarations (entities)');
  };
  parser.onopentag = (tag) => {
    if (problem) return;
    const node = tag as sax.QualifiedTag;
    const ns = node.uri ?? '';
    const local = node.local;
    if (stack.length === 0) {
      if (sawRoot) return fail('a second root element', 'malformed');
      sawRoot = true;
      if (local !== 'svg' || (ns !== SVG && ns !== '')) return fail(`a <${node.name}> root element instead of <svg>`, 'malformed');
    }
    const svgLike = ns === SVG || ns === '';
    if (ns === XHTML) return fail(`an XHTML <${local}> element`);
    if (svgLike && activeElements.has(local)) return fail(`a <${local}> element`);
    const parentKept = stack.length === 0 || kept();
    const keep = parentKept && svgLike && elements.has(local);
    const attrs: string[] = [];
    for (const attr of Object.values(node.attributes)) {
      const a = attr as sax.QualifiedAttribute;
      if (a.uri === XMLNS || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      if (/^on/i.test(a.local)) return fail(`an event handler (${a.name}="…")`);
      const isHref = a.local === 'href' && (a.uri === XLINK || a.uri === '');
      if (isHref) {
        const value = a.value.trim();
        const allowed = value.startsWith('#') ? !/\s/.test(value) : (local === 'image' || local === 'feImage') && embeddedRaster.test(value);
        if (!allowed) return fail(`a reference to another file or host (${a.name}="${shorten(a.value)}")`);
        if (keep) attrs.push(`${a.uri === XLINK ? 'xlink:href' : 'href'}="${escapeAttribute(value)}"`);
        continue;
      }
      if (a.uri === XML && (a.local === 'space' || a.local === 'lang')) {
        if (keep) attrs.push(`xml:${a.local}="${escapeAttribute(a.value)}"`);
        continue;
      }
      if (a.uri !== '' || !attributes.has(a.local)) continue; // editors' own attributes: dropped
      const bad = wordAttributes.has(a.local) ? undefined : cssProblem(a.value);
      if (bad) return fail(`${bad} in ${a.local}="…"`);
      if (a.local === 'attributeName' && animations.has(local) && !animatable.has(a.value.trim())) {
        return fail(`an animation of "${shorten(a.value)}", which could change a link or a script`);
      }
      if (keep) attrs.push(`${a.local}="${escapeAttribute(a.value)}"`);
    }
    if (keep) {
      closeStart();
      const root = stack.length === 0 ? ` xmlns="${SVG}" xmlns:xlink="${XLINK}"` : '';
      out.push(`<${local}${root}${attrs.length ? ' ' + attrs.join(' ') : ''}`);
    }
    stack.push({ name: local, kept: keep, pendingStart: keep, style: local === 'style' });
  };
  parser.onclosetag = () => {
    if (problem) return;
    const top = stack.pop();
    if (!top?.kept) return;
    out.push(top.pendingStart ? '/>' : `</${top.name}>`);
  };
  parser.ontext = text;
  parser.oncdata = text;

  try {
    parser.write(source).close();
  } catch (e) {
    if (e !== stop) throw e;
  }
  if (!problem && !sawRoot) problem = { reason: 'no <svg> element', line: 1, kind: 'malformed' };
  return problem ? { problem } : { svg: `${out.join('')}\n` };
}

/** Style sheets may only point inside the image (`url(#gradient)`); escapes are refused, since they can hide anything. */
function cssProblem(css: string): string | undefined {
  if (!/[\\@(]/.test(css)) return undefined;
  if (css.includes('\\')) return 'a CSS escape (\\)';
  if (/@import/i.test(css)) return 'an @import of another style sheet';
  if (/(^|[^a-z-])(expression|-moz-binding|(-webkit-)?image-set)\s*\(|behavior\s*:/i.test(css)) return 'a style that loads or runs something';
  for (const m of css.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/gi)) {
    if (!m[2]!.trim().startsWith('#')) return `a reference to another file or host (url(${shorten(m[2]!)}))`;
  }
  return undefined;
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
