import type { DOMPurify } from 'dompurify';

let purifier: Promise<{ purify: DOMPurify; serialize: (node: Node) => string }> | undefined;

/**
 * DOMPurify on a jsdom window, built on first use: jsdom is large, and most API processes
 * never see an SVG upload.
 */
function load() {
  purifier ??= (async () => {
    const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([
      import('jsdom'),
      import('dompurify'),
    ]);
    const { window } = new JSDOM('');
    const serializer = new window.XMLSerializer();
    return {
      purify: createDOMPurify(window as unknown as Window & typeof globalThis),
      serialize: (node: Node) => serializer.serializeToString(node),
    };
  })();
  return purifier;
}

/**
 * The SVG with what could run or reach out taken away: scripts, event handlers, `javascript:`
 * and other non-image URLs, `<foreignObject>` (HTML inside the image), links. Parsed as HTML (DOMPurify's way), so a DOCTYPE's entities are never expanded;
 * written back as XML, as a standalone .svg must be. Null when no `<svg>` root is left.
 */
export async function sanitiseSvg(source: string): Promise<string | null> {
  const { purify, serialize } = await load();
  const fragment = purify.sanitize(source, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'script', 'a'],
    RETURN_DOM_FRAGMENT: true,
  });
  const root = fragment.firstElementChild;
  if (
    !root ||
    root.localName !== 'svg' ||
    root.namespaceURI !== 'http://www.w3.org/2000/svg' ||
    fragment.childElementCount !== 1
  )
    return null;
  return serialize(root);
}
