// What the self-contained pages are put together with.
import { describe, expect, it } from 'vitest';
import { fillTemplate, inElement, jsonInScript, withoutSourceMap } from '../../scripts/site/page-parts.js';

describe('fillTemplate', () => {
  it('puts values in as they are, `$` sequences and slot-like text included', () => {
    expect(fillTemplate('<script>{{script}}</script>{{title}}', { script: "s.replace(/a/, '$&$1'); x = '{{title}}'", title: 'T' })).toBe("<script>s.replace(/a/, '$&$1'); x = '{{title}}'</script>T");
  });

  it('refuses a slot that nothing fills', () => {
    expect(() => fillTemplate('<p>{{summary}}</p>', { title: 'T' })).toThrow('{{summary}}');
  });
});

describe('inElement and jsonInScript', () => {
  it('write closing tags so that the element cannot end early', () => {
    expect(inElement('a = "</script><img src=x>"; b = "</STYLE>"')).toBe('a = "<\\/script><img src=x>"; b = "<\\/STYLE>"');
  });

  it('write every < of JSON as \\u003c, which JSON.parse reads back', () => {
    const value = { description: '</script><!-- x -->' };
    const text = jsonInScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('withoutSourceMap', () => {
  it('drops a trailing source map comment of a script or a style sheet, and nothing else', () => {
    expect(withoutSourceMap('run();\n//# sourceMappingURL=bundle.js.map\n')).toBe('run();\n');
    expect(withoutSourceMap('a{b:c}\n\n/*# sourceMappingURL=swagger-ui.css.map*/')).toBe('a{b:c}\n');
    expect(withoutSourceMap('const note = "//# sourceMappingURL=x.map"; run();')).toBe('const note = "//# sourceMappingURL=x.map"; run();');
  });
});
