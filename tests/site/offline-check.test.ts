// The build-time search for anything a page would load from another host.
import { describe, expect, it } from 'vitest';
import { remoteLoads } from '../../scripts/site/index.js';

describe('remoteLoads', () => {
  it.each([
    ['a remote script', '<script src="https://cdn.example.com/redoc.js"></script>'],
    ['a remote stylesheet', '<link rel="stylesheet" href="//cdn.example.com/site.css">'],
    ['a web font in CSS', '<style>@font-face { src: url("https://fonts.example.com/inter.woff2") }</style>'],
    ['an image set by a script', '<script>logo.src = "https://cdn.example.com/logo.svg?v=2";</script>'],
    ['Google Fonts', '<script>const fonts = "fonts.googleapis.com";</script>'],
  ])('finds %s', (_, html) => {
    expect(remoteLoads(html, '')).not.toEqual([]);
  });

  it.each([
    ['an inline script', '<script>SwaggerUIBundle({ dom_id: "#swagger-ui" })</script>'],
    ['a link to a repository whose name ends in .js', '<script>warn("see https://github.com/highlightjs/highlight.js/issues/2277")</script>'],
    ['a host whose name has .js in it', '<script>warn(`visit https://redux.js.org/Errors?code=${code}`)</script>'],
    ['a link for people to follow', '<a href="https://github.com/example/project">source</a>'],
  ])('passes %s', (_, html) => {
    expect(remoteLoads(html, '')).toEqual([]);
  });

  it("passes URLs that are the document's own text, shown on the page", () => {
    const html = '<script>const example = "https://cdn.example.com/portrait.png";</script>';
    expect(remoteLoads(html, '{"URL": "https://cdn.example.com/portrait.png"}')).toEqual([]);
    expect(remoteLoads(html, '{}')).toEqual(['https://cdn.example.com/portrait.png']);
  });
});
