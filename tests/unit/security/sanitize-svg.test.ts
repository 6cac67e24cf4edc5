import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../src/security/sanitize-svg.ts';

const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>${inner}</svg>`;
const problem = (source: string) => {
  const result = sanitizeSvg(source);
  return 'problem' in result ? result.problem : undefined;
};
const clean = (source: string) => {
  const result = sanitizeSvg(source);
  if ('problem' in result) throw new Error(result.problem.reason);
  return result.svg;
};

describe('SVG sanitizer', () => {
  it('writes drawings anew from the allowlist, dropping what editors add', () => {
    const source = '<?xml version="1.0"?>\n<!-- Inkscape -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="10" height="5" inkscape:version="1.3" data-name="x"><metadata><title>kept out</title></metadata><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#g)" width="5" height="5"/><text x="1">a &lt; b &amp; <![CDATA[<c>]]></text></svg>';
    expect(clean(source)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="5"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#g)" width="5" height="5"/><text x="1">a &lt; b &amp; &lt;c&gt;</text></svg>\n',
    );
  });

  it('keeps local references, embedded raster images and safe style sheets', () => {
    expect(clean(svg('<symbol id="s"/><use xlink:href="#s"/><image href="data:image/png;base64,iVBORw0KGgo="/><style>rect > text { fill: red }</style>'))).toContain('<use xlink:href="#s"/><image href="data:image/png;base64,iVBORw0KGgo="/><style>rect &gt; text { fill: red }</style>');
  });

  it('adds the SVG namespace to a file without one', () => {
    expect(clean('<svg width="4"><circle r="2"/></svg>')).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4"><circle r="2"/></svg>\n');
  });

  it('nests deeply without recursion', () => {
    expect(clean(svg('<g>'.repeat(20_000) + '</g>'.repeat(20_000))).length).toBeGreaterThan(60_000);
  });

  const unsafe: [string, string, string][] = [
    ['script', svg('\n<script>alert(1)</script>'), 'a <script> element'],
    ['script inside metadata', svg('<metadata><script>alert(1)</script></metadata>'), 'a <script> element'],
    ['event handler', svg('', ' onload="alert(1)"'), 'an event handler (onload="…")'],
    ['event handler on a child', svg('<rect onmouseover="alert(1)"/>'), 'an event handler (onmouseover="…")'],
    ['foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), 'a <foreignObject> element'],
    ['XHTML element', svg('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>'), 'an XHTML <img> element'],
    ['iframe', svg('<iframe src="https://evil.example"/>'), 'a <iframe> element'],
    ['external use', svg('<use xlink:href="https://evil.example/a.svg#x"/>'), 'a reference to another file or host (xlink:href="https://evil.example/a.svg#x")'],
    ['javascript link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'a reference to another file or host (href="javascript:alert(1)")'],
    ['relative file', svg('<image href="other.svg"/>'), 'a reference to another file or host (href="other.svg")'],
    ['embedded SVG', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 'a reference to another file or host (href="data:image/svg+xml;base64,PHN2Zz4=")'],
    ['@import', svg('<style>@import url(https://evil.example/a.css);</style>'), 'an @import of another style sheet'],
    ['url() in a style sheet', svg('<style>rect { fill: url(https://evil.example/p.png) }</style>'), 'a reference to another file or host (url(https://evil.example/p.png))'],
    ['url() in a style attribute', svg('<rect style="fill:url(https://evil.example/p.png)"/>'), 'a reference to another file or host (url(https://evil.example/p.png)) in style="…"'],
    ['url() in a presentation attribute', svg('<rect fill="url(//evil.example/p.svg#g)"/>'), 'a reference to another file or host (url(//evil.example/p.svg#g)) in fill="…"'],
    ['CSS escape', svg('<rect style="fill:\\75rl(x)"/>'), 'a CSS escape (\\) in style="…"'],
    ['image-set', svg('<style>rect { fill: image-set("https://evil.example/a.png" 1x) }</style>'), 'a style that loads or runs something'],
    ['animated href', svg('<a href="#a"><set attributeName="href" to="javascript:alert(1)"/></a>'), 'an animation of "href", which could change a link or a script'],
    ['animated handler', svg('<animate attributeName="onbegin" to="alert(1)"/>'), 'an animation of "onbegin", which could change a link or a script'],
    ['xml-stylesheet', '<?xml-stylesheet type="text/xsl" href="evil.xsl"?>' + svg(''), 'a <?xml-stylesheet?> instruction, which loads another file'],
    ['entities', '<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + svg('&a;'), 'a DOCTYPE with its own declarations (entities)'],
  ];
  for (const [name, source, reason] of unsafe) {
    it(`rejects ${name}`, () => expect(problem(source)).toMatchObject({ reason, kind: 'unsafe' }));
  }

  it('rejects what is not a well-formed SVG, with the line', () => {
    expect(problem(svg('\n\n<g>'))).toEqual({ reason: 'Unexpected close tag', line: 3, kind: 'malformed' });
    expect(problem('<html><script>alert(1)</script></html>')).toEqual({ reason: 'a <html> root element instead of <svg>', line: 1, kind: 'malformed' });
    expect(problem('just text')).toMatchObject({ kind: 'malformed' });
  });
});
