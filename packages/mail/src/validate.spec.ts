import { describe, expect, it } from '@jest/globals';
import { EMAIL_KINDS, LOCALES } from '@guichet/types';
import { defaultTemplate, TEMPLATE_PARTS, validateTemplate, type TemplatePart } from './index.js';
import { LAYOUT } from './templates/index.js';
import { checkTemplate } from './validate.js';

const refused = (part: TemplatePart, source: string) => {
  const result = validateTemplate(part, source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to be refused`);
  return result;
};

describe('validateTemplate', () => {
  it('accepts every default template, and the layout with its body slot', () => {
    for (const kind of EMAIL_KINDS)
      for (const locale of LOCALES)
        for (const part of TEMPLATE_PARTS)
          expect([
            kind,
            locale,
            part,
            validateTemplate(part, defaultTemplate(kind, locale)[part]),
          ]).toEqual([kind, locale, part, { ok: true }]);
    expect(() => checkTemplate('html', LAYOUT, { rawSlots: ['body'] })).not.toThrow();
  });

  it('accepts what an administrator is expected to write', () => {
    const html = [
      '<p>Bonjour {{recipientName}},</p>',
      '{{#if username}}<p>Compte : {{username}}</p>{{else}}<p>—</p>{{/if}}',
      '{{#unless loginUrl}}{{else}}<a href="{{loginUrl}}">{{portalName}}</a>{{/unless}}',
      '{{#if (eq locale "fr")}}Français{{/if}} {{formatDate changedAt style="date"}} {{duration expiresInMinutes}} © {{year}}',
      '{{> button url=link label="Changer mon mot de passe"}}',
      '{{!-- a comment --}}{{#with tenantName}}{{this}}{{/with}}',
    ].join('\n');
    expect(validateTemplate('html', html)).toEqual({ ok: true });
    expect(validateTemplate('text', 'Bonjour {{recipientName}},\n{{link}}\n{{signature}}')).toEqual(
      { ok: true },
    );
    expect(validateTemplate('subject', 'Mot de passe – {{tenantName}}')).toEqual({ ok: true });
  });

  it('reports an unclosed block on the line where it opens', () => {
    expect(
      refused('html', '<p>Bonjour,</p>\n<p>\n{{#if username}}{{username}}\n</p>\n<p>fin</p>\n'),
    ).toEqual({
      ok: false,
      line: 3,
      message: 'unclosed block {{#if}}: {{/if}} is missing',
    });
    expect(refused('text', 'a\n{{#each items}}\n{{#if x}}\n{{/if}}\n').line).toBe(2);
  });

  it('reports a mismatched closing tag and a broken expression with their line', () => {
    const mismatched = refused('html', '<p>\n{{#if a}}\nb\n{{/each}}\n');
    expect(mismatched.line).toBe(2);
    expect(mismatched.message).toBe('{{/each}} does not close {{#if}}');
    const broken = refused('text', 'un\ndeux\ntrois {{username\nquatre');
    expect(broken.line).toBe(3);
    expect(broken.message).toMatch(/syntax error/);
    expect(broken.message).not.toContain('\n');
  });

  it('refuses unescaped output: {{{x}}} and {{& x}}, even for the layout body slot', () => {
    for (const part of TEMPLATE_PARTS) {
      const triple = refused(part, 'Bonjour\n{{{recipientName}}}');
      expect(triple.line).toBe(2);
      expect(triple.message).toMatch(/unescaped/);
    }
    expect(refused('html', '{{& recipientName}}').message).toMatch(/unescaped/);
    expect(refused('html', '{{{body}}}').message).toMatch(/unescaped/);
  });

  it('refuses helpers outside the whitelist', () => {
    expect(refused('html', '<p>\n{{shout recipientName}}</p>')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/unknown helper "shout"/),
    });
    expect(refused('text', '{{lookup this "constructor"}}').message).toMatch(
      /unknown helper "lookup"/,
    );
    expect(refused('text', '{{log "x"}}').message).toMatch(/unknown helper "log"/);
    expect(refused('html', '{{#if (shout a)}}x{{/if}}').message).toMatch(/unknown helper "shout"/);
    expect(refused('html', '{{#repeat 3}}x{{/repeat}}').message).toMatch(
      /unknown block helper "#repeat"/,
    );
    expect(refused('html', '{{#username}}x{{/username}}').message).toMatch(/unknown block helper/);
    expect(refused('html', '{{{{raw}}}}{{x}}{{{{/raw}}}}').ok).toBe(false);
    expect(refused('html', '{{if username}}').message).toMatch(/block helper/);
    expect(refused('html', '{{x.y 1}}').message).toMatch(/unknown helper/);
  });

  it('refuses a helper call with the wrong number of arguments (it would throw when sending)', () => {
    expect(refused('html', 'a\n{{#if}}x{{/if}}')).toMatchObject({
      line: 2,
      message: '"if" takes 1 argument, not 0',
    });
    expect(refused('html', '{{#each a b}}x{{/each}}').message).toMatch(/"each" takes 1 argument/);
    expect(refused('html', '{{#if (eq a)}}x{{/if}}').message).toMatch(
      /"eq" takes 2 arguments, not 1/,
    );
    expect(refused('text', '{{formatDate}}').message).toMatch(
      /"formatDate" takes 1 argument, not 0/,
    );
    expect(refused('text', '{{year 2020}}').message).toMatch(/"year" takes 0 arguments, not 1/);
  });

  it('refuses partials other than the whitelisted ones, and any partial outside HTML', () => {
    expect(refused('html', 'a\nb\n{{> unknownPartial}}')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/unknown partial "unknownPartial"/),
    });
    expect(refused('html', '{{> (lookup . "name")}}').message).toMatch(/dynamic partials/);
    expect(refused('html', '{{#> button}}x{{/button}}').message).toMatch(/partial blocks/);
    expect(refused('html', '{{#*inline "mine"}}x{{/inline}}{{> mine}}').message).toMatch(
      /inline partials/,
    );
    expect(refused('text', '{{> button url=link label="x"}}').message).toMatch(
      /not allowed in the text/,
    );
    expect(validateTemplate('html', '{{> button url=link label="x"}}')).toEqual({ ok: true });
  });

  it('refuses any path through a prototype', () => {
    for (const source of [
      '{{constructor.constructor}}',
      '{{recipientName.__proto__}}',
      '{{this.constructor}}',
      '{{x.[constructor]}}',
      '{{#with constructor}}{{name}}{{/with}}',
      '{{formatDate __proto__}}',
      '{{> button url=constructor.name}}',
    ])
      expect([source, refused('html', source).message]).toEqual([
        source,
        expect.stringMatching(/is not allowed/),
      ]);
  });

  it('refuses unknown data variables but allows @root and the #each ones', () => {
    expect(refused('html', '{{@partial-block}}').message).toMatch(/unknown data variable/);
    expect(
      validateTemplate(
        'html',
        '{{#each items}}{{@index}} {{@key}} {{@first}} {{@last}} {{@root.tenantName}}{{/each}}',
      ),
    ).toEqual({ ok: true });
  });

  it('refuses an empty or oversized template', () => {
    expect(refused('subject', '   ').message).toMatch(/empty/);
    expect(refused('subject', 'x'.repeat(1001)).message).toMatch(/too long/);
    expect(refused('nope' as TemplatePart, 'x').message).toMatch(/unknown template part/);
  });

  describe('{{link}} placement (the token must not reach a third party)', () => {
    it("accepts the link as the href of an <a>, as that link's text, through the button, and alone on a text line", () => {
      for (const html of [
        '<p>Cliquez <a href="{{link}}">ici</a></p>',
        '<a class="x" href=\'{{link}}\' target="_blank">{{link}}</a>',
        '<p>\n<a\n  href="{{link}}"\n  style="color:red">\n<strong>{{link}}</strong></a></p>',
        '{{#if link}}<a href="{{link}}">{{portalName}}</a>{{/if}}',
        '{{> button url=link label="Changer"}}',
        '<a href="{{@root.link}}">x</a>',
      ])
        expect([html, validateTemplate('html', html)]).toEqual([html, { ok: true }]);
      expect(validateTemplate('text', 'Bonjour,\n\n  {{link}}  \n{{signature}}')).toEqual({
        ok: true,
      });
      expect(validateTemplate('text', 'Lien : {{link}}\n{{signature}}')).toEqual({ ok: true });
    });

    it('refuses the link anywhere else, naming the line', () => {
      const html: [string, number, RegExp][] = [
        [
          '<p>Bonjour</p>\n<img src="https://x.example/?{{link}}">',
          2,
          /only allowed as the href of a link/,
        ],
        ['<a href="https://x.example/?u={{link}}">x</a>', 1, /only allowed as the href/],
        ['<a href="{{link}}#{{username}}">x</a>', 1, /only allowed as the href/],
        ['<a href={{link}}>x</a>', 1, /only allowed as the href/],
        ['<a data-href="{{link}}" href="https://x.example">x</a>', 1, /only allowed as the href/],
        ['<link rel="prefetch" href="{{link}}">', 1, /only allowed as the href/],
        ['<a href="https://x.example">{{link}}</a>', 1, /only allowed as the href/],
        ['<p>\n\n{{link}}</p>', 3, /only allowed as the href/],
        ['<a href="{{link}}" ping="https://x.example/">x</a>', 1, /ping/],
        ['<img src="{{> button url=link label="x"}}">', 1, /only allowed as the href/],
        ['{{> button url=(eq link "a") label="x"}}', 1, /url of/],
        ['{{> button url=loginUrl label=link}}', 1, /url of/],
        ['<p>{{formatDate link}}</p>', 1, /cannot be given to "formatDate"/],
        [
          '{{#with link}}<img src="https://x.example/?{{this}}">{{/with}}',
          1,
          /cannot be given to "#with"/,
        ],
        ['{{#each this}}<img src="https://x.example/?{{this}}">{{/each}}', 1, /whole context/],
        ['{{#with @root}}{{link}}{{/with}}', 1, /whole context/],
        ['<img src="https://x.example/?{{this.link}}">', 1, /only allowed as the href/],
      ];
      for (const [source, line, message] of html)
        expect([source, refused('html', source)]).toEqual([
          source,
          { ok: false, line, message: expect.stringMatching(message) },
        ]);
      expect(refused('text', 'Bonjour\nhttps://x.example/?{{link}}\n')).toEqual({
        ok: false,
        line: 2,
        message: expect.stringMatching(/must stand apart/),
      });
      expect(refused('text', 'Lien : {{link}}#x')).toMatchObject({ line: 1 });
      expect(refused('subject', 'Votre lien {{link}}')).toEqual({
        ok: false,
        line: 1,
        message: '{{link}} is not allowed in the subject',
      });
    });
  });
});
