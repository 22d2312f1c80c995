import { createHash } from 'node:crypto';

/** The portal's stylesheet: the tenant colours arrive as custom properties (theme.css). */
export const PORTAL_CSS = `:root{--primary:#00548c;--accent:#b3282d;--text:#1a1a1a;--muted:#4a4a4a;--bg:#f4f6f8;--error:#b00020;--ok:#1b5e20}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);background:var(--bg);line-height:1.5}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
header.top{background:#fff;border-bottom:4px solid var(--primary);padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between}
header.top .brand{font-weight:700;font-size:1.1rem;color:var(--text);text-decoration:none;display:flex;align-items:center;gap:.5rem}
header.top .brand img{max-height:48px;max-width:200px}
nav.langs ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem;flex-wrap:wrap}
nav.langs a{display:inline-block;padding:.35rem .6rem;font-size:.85rem;font-weight:600;color:var(--primary);text-decoration:none;border:1px solid transparent;border-radius:3px}
nav.langs a:hover{text-decoration:underline}
nav.langs a[aria-current="true"]{border-color:var(--primary)}
main{max-width:32rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
@media (max-width:36rem){main{margin:0;border-radius:0;box-shadow:none}}
h1{font-size:1.4rem;margin:0 0 .5rem;line-height:1.3}
.subtitle{margin:0 0 1rem;color:var(--muted)}
.field{margin:0 0 1rem}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #6b6b6b;border-radius:4px;background:#fff;color:var(--text)}
input[aria-invalid=true]{border:2px solid var(--error)}
.hint{font-size:.9rem;color:var(--muted);margin:.25rem 0 0}
.error{color:var(--error);font-weight:600;margin:.25rem 0 0}
.alert{border-left:4px solid var(--error);background:#fdecee;padding:.75rem 1rem;margin:0 0 1rem}
.notice{border-left:4px solid var(--ok);background:#e8f5e9;padding:.75rem 1rem;margin:0 0 1rem}
fieldset{border:0;padding:0;margin:1rem 0}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin:1rem 0}
.btn{display:inline-block;font:inherit;font-weight:700;letter-spacing:.03em;padding:.65rem 1.4rem;border-radius:4px;border:2px solid var(--primary);background:var(--primary);color:#fff;cursor:pointer;text-decoration:none;text-align:center}
.btn.secondary{background:#fff;color:var(--primary)}
.links{margin:.5rem 0 0;padding:0;list-style:none}
.links li{margin:.35rem 0}
a{color:var(--primary)}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.rules{margin:.25rem 0 1rem;padding-left:1.25rem}
.rules li.met{color:var(--ok)}
.rules li.met::after{content:" ✓"}
.results{font-size:1.1rem;font-family:ui-monospace,monospace}
.toggle{margin-top:.35rem;font:inherit;font-size:.9rem;background:none;border:0;color:var(--primary);text-decoration:underline;cursor:pointer;padding:0}
footer.bottom{text-align:center;font-size:.85rem;color:var(--muted);padding:1rem}
`;

/**
 * Progressive enhancement only: show/hide password buttons and a live tick of the password
 * rules (the server checks again with packages/rules; the rule tests come from the page).
 */
export const PORTAL_JS = `(function(){
  'use strict';
  document.querySelectorAll('input[type=password][data-toggle]').forEach(function(input){
    var b=document.createElement('button');b.type='button';b.className='toggle';
    b.textContent=input.getAttribute('data-toggle');b.setAttribute('aria-pressed','false');b.setAttribute('aria-controls',input.id);
    b.addEventListener('click',function(){var shown=input.type==='text';input.type=shown?'password':'text';b.setAttribute('aria-pressed',String(!shown));});
    input.insertAdjacentElement('afterend',b);
  });
  var pw=document.getElementById('password');var list=document.getElementById('password-rules');
  if(pw&&list){
    var checks={min_length:function(v,p){return v.length>=Number(p)},max_length:function(v,p){return v.length<=Number(p)},
      digit:function(v){return /[0-9]/.test(v)},letter:function(v){return /\\p{L}/u.test(v)},upper:function(v){return /\\p{Lu}/u.test(v)},
      lower:function(v){return /\\p{Ll}/u.test(v)},symbol:function(v){return /[^\\p{L}\\p{N}]/u.test(v)}};
    var update=function(){list.querySelectorAll('li[data-rule]').forEach(function(li){var f=checks[li.getAttribute('data-rule')];
      if(!f)return;var ok=pw.value.length>0&&f(pw.value,li.getAttribute('data-param'));li.classList.toggle('met',ok);});};
    pw.addEventListener('input',update);update();
  }
})();
`;

const fingerprint = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
export const CSS_PATH = `/assets/portal.${fingerprint(PORTAL_CSS)}.css`;
export const JS_PATH = `/assets/portal.${fingerprint(PORTAL_JS)}.js`;

/** The tenant's colours, served as a small stylesheet (no inline style under the CSP). */
export function themeCss(primary: string, accent: string): string {
  return `:root{--primary:${primary};--accent:${accent}}\n`;
}

/** The default favicon: a rounded square of the tenant's primary colour with the initial of the last word of its name (Sept-Îles → S). */
export function faviconSvg(primary: string, tenantName: string): string {
  const lastWord = tenantName.trim().split(/\s+/).at(-1) ?? '';
  const letter =
    lastWord
      .replace(/[^\p{L}\p{N}]/gu, '')
      .slice(0, 1)
      .toUpperCase() || 'G';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${primary}"/><text x="16" y="22" font-family="Arial,sans-serif" font-size="18" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
}
