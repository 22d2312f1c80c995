import Handlebars from 'handlebars';
import type { Locale } from '@guichet/types';
import { type MessageKey, translate } from './i18n/index.js';

/** The one Handlebars environment of the portal: helpers, partials, templates compiled once. */
const env = Handlebars.create();

/** Escapes what HTML needs (text and double-quoted attributes); apostrophes stay as written. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

interface Root {
  locale: Locale;
  fallbackLocale: Locale;
}

env.registerHelper('h', (value: unknown) => new env.SafeString(escapeHtml(value)));
env.registerHelper(
  't',
  function (this: unknown, key: MessageKey, options: Handlebars.HelperOptions) {
    const root = options.data.root as Root;
    return new env.SafeString(
      escapeHtml(
        translate(
          root.locale,
          root.fallbackLocale,
          key,
          options.hash as Record<string, string | number>,
        ),
      ),
    );
  },
);

env.registerPartial('csrf', '<input type="hidden" name="_csrf" value="{{h @root.csrf}}">');
env.registerPartial(
  'usernameField',
  `<div class="field">
<label for="username">{{t "field.username"}}</label>
<input type="text" id="username" name="username" value="{{h @root.username}}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="200" required{{#if @root.placeholder}} placeholder="{{t "username.placeholder"}}"{{/if}}{{#if @root.usernameDescribedBy}} aria-describedby="{{@root.usernameDescribedBy}}"{{/if}}{{#if @root.usernameError}} aria-invalid="true"{{/if}}>
{{#if @root.usernameHint}}<p class="hint" id="username-hint">{{h @root.usernameHint}}</p>{{/if}}
{{#if @root.usernameError}}<p class="error" id="username-error" role="alert">{{t "error.prefix"}} {{t @root.usernameError}}</p>{{/if}}
</div>`,
);

const LAYOUT = `<!doctype html>
<html lang="{{h locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{h title}} – {{h portalName}}</title>
<link rel="stylesheet" href="{{cssPath}}">
<link rel="stylesheet" href="/assets/theme.css?v={{version}}">
<link rel="icon" href="{{#if faviconUrl}}{{h faviconUrl}}{{else}}/assets/favicon.svg?v={{version}}{{/if}}">
<script src="{{jsPath}}" defer></script>
</head>
<body>
<a class="skip" href="#main">{{t "skip"}}</a>
<header class="top">
<a class="brand" href="/login">{{#if logoUrl}}<img src="{{h logoUrl}}" alt="{{h tenantName}}">{{/if}}<span>{{h portalName}}</span></a>
<nav class="langs" aria-label="{{t "lang.switch"}}"><ul>{{#each langs}}<li><a href="{{h href}}" lang="{{code}}" hreflang="{{code}}"{{#if current}} aria-current="true"{{/if}}>{{name}}</a></li>{{/each}}</ul></nav>
</header>
<main id="main" tabindex="-1">
{{{body}}}
</main>
<footer class="bottom"><p>{{h footer}}</p></footer>
</body>
</html>
`;

const PAGES = {
  login: `<h1>{{h welcomeTitle}}</h1>
<p class="subtitle">{{h welcomeSubtitle}}</p>
{{#if notice}}<p class="notice" role="status">{{t notice}}</p>{{/if}}
{{#if error}}<div class="alert" role="alert" id="login-error"><p>{{t "error.prefix"}} {{t error}}</p></div>{{/if}}
<form method="post" action="/login">
{{> csrf}}
{{> usernameField}}
<div class="field">
<label for="password">{{t "field.password"}}</label>
<input type="password" id="password" name="password" autocomplete="current-password" maxlength="1000" required data-toggle="{{t "reset.show"}}"{{#if passwordHint}} aria-describedby="password-hint{{#if error}} login-error{{/if}}"{{/if}}{{#if error}} aria-invalid="true"{{/if}}>
{{#if passwordHint}}<p class="hint" id="password-hint">{{h passwordHint}}</p>{{/if}}
</div>
<div class="actions"><button class="btn" type="submit">{{t "action.submit"}}</button></div>
<ul class="links">
{{#if features.forgotPassword}}<li><a href="/forgot-password">{{t "login.forgot"}}</a></li>{{/if}}
{{#if features.enrolment}}<li><a href="/register">{{t "login.register"}}</a></li>{{/if}}
{{#if features.lookup}}<li><a href="/lookup">{{t "login.lookup"}}</a></li>{{/if}}
</ul>
<fieldset>
<legend>{{t "login.remember"}}</legend>
<label><input type="radio" name="remember" value="all"> {{t "remember.all"}}</label>
<label><input type="radio" name="remember" value="username" checked> {{t "remember.username"}}</label>
<label><input type="radio" name="remember" value="none"> {{t "remember.none"}}</label>
</fieldset>
</form>`,

  usernameRequest: `<h1>{{t heading}}</h1>
<p class="subtitle">{{t intro}}</p>
<form method="post" action="{{action}}">
{{> csrf}}
{{> usernameField}}
<div class="actions"><button class="btn" type="submit">{{t "action.submit"}}</button> <a class="btn secondary" href="/login">{{t "action.cancel"}}</a></div>
</form>`,

  sent: `<h1>{{t "sent.title"}}</h1>
<p role="status">{{t "sent.body"}}</p>
<p>{{t "sent.limited"}}</p>
<p><a href="/login">{{t "back.login"}}</a></p>`,

  reset: `<h1>{{t "reset.title"}}</h1>
{{#if username}}<p class="subtitle">{{t "field.username"}} : <strong>{{h username}}</strong></p>{{/if}}
<form method="post" action="/reset-password">
{{> csrf}}
<input type="hidden" name="token" value="{{h token}}">
<p id="password-rules-intro">{{t "reset.rules"}}</p>
<ul class="rules" id="password-rules">{{#each rules}}<li data-rule="{{code}}"{{#if param}} data-param="{{h param}}"{{/if}}>{{h text}}</li>{{/each}}</ul>
<div class="field">
<label for="password">{{t "reset.new"}}</label>
<input type="password" id="password" name="password" autocomplete="new-password" maxlength="1000" required data-toggle="{{t "reset.show"}}" aria-describedby="password-rules{{#if passwordErrors}} password-errors{{/if}}"{{#if passwordErrors}} aria-invalid="true"{{/if}}>
{{#if passwordErrors}}<div id="password-errors" role="alert"><ul class="error">{{#each passwordErrors}}<li>{{h this}}</li>{{/each}}</ul></div>{{/if}}
</div>
<div class="field">
<label for="passwordConfirmation">{{t "reset.confirm"}}</label>
<input type="password" id="passwordConfirmation" name="passwordConfirmation" autocomplete="new-password" maxlength="1000" required{{#if confirmationError}} aria-invalid="true" aria-describedby="confirmation-error"{{/if}}>
{{#if confirmationError}}<p class="error" id="confirmation-error" role="alert">{{t "error.prefix"}} {{t confirmationError}}</p>{{/if}}
</div>
<div class="actions"><button class="btn" type="submit">{{t "action.submit"}}</button> <a class="btn secondary" href="/login">{{t "action.cancel"}}</a></div>
</form>`,

  lookup: `<h1>{{t "lookup.title"}}</h1>
<p class="subtitle">{{t "lookup.intro"}}</p>
{{#if searched}}<div role="status"><p>{{t "lookup.results" count=usernames.length}}</p>{{#if usernames.length}}<ul class="results">{{#each usernames}}<li>{{h this}}</li>{{/each}}</ul>{{/if}}</div>{{/if}}
<form method="post" action="/lookup">
{{> csrf}}
<div class="field"><label for="firstName">{{t "lookup.firstName"}}</label>
<input type="text" id="firstName" name="firstName" value="{{h firstName}}" autocomplete="given-name" maxlength="200"></div>
<div class="field"><label for="lastName">{{t "lookup.lastName"}}</label>
<input type="text" id="lastName" name="lastName" value="{{h lastName}}" autocomplete="family-name" maxlength="200" required{{#if lastNameError}} aria-invalid="true" aria-describedby="lastName-error"{{/if}}>
{{#if lastNameError}}<p class="error" id="lastName-error" role="alert">{{t "error.prefix"}} {{t lastNameError}}</p>{{/if}}</div>
<div class="actions"><button class="btn" type="submit">{{t "action.submit"}}</button> <a class="btn secondary" href="/login">{{t "action.cancel"}}</a></div>
</form>`,

  account: `<h1>{{t "account.title"}}</h1>
<p>{{t "account.signedIn" name=displayName}}</p>
<p>{{t "account.username" username=accountUsername}}</p>
<form method="post" action="/logout">
{{> csrf}}
<div class="actions"><button class="btn" type="submit">{{t "account.signOut"}}</button></div>
</form>
<form method="post" action="/account/sign-out-everywhere">
{{> csrf}}
<p>{{t "account.everywhere.hint"}}</p>
<div class="actions"><button class="btn secondary" type="submit">{{t "account.everywhere"}}</button></div>
</form>`,

  consent: `<h1>{{t "oidc.consent.title"}}</h1>
<p class="subtitle">{{t "oidc.consent.intro" client=clientName tenant=tenantName}}</p>
<p>{{t "oidc.consent.claims"}}</p>
<ul class="rules">{{#each scopes}}<li>{{t this}}</li>{{/each}}</ul>
<form method="post" action="{{h action}}">
{{> csrf}}
<div class="actions"><button class="btn" type="submit" name="decision" value="allow">{{t "oidc.consent.allow"}}</button> <button class="btn secondary" type="submit" name="decision" value="deny">{{t "oidc.consent.deny"}}</button></div>
</form>`,

  logoutConfirm: `<h1>{{t "oidc.logout.title"}}</h1>
<p>{{t "oidc.logout.body" tenant=portalName}}</p>
{{{logoutForm}}}
<div class="actions"><button class="btn" type="submit" form="op.logoutForm" name="logout" value="yes">{{t "oidc.logout.yes"}}</button> <button class="btn secondary" type="submit" form="op.logoutForm">{{t "oidc.logout.no"}}</button></div>`,

  message: `<h1>{{t heading}}</h1>
<p{{#if alert}} role="alert"{{/if}}>{{t body seconds=seconds}}</p>
{{#if actionHref}}<p><a class="btn" href="{{h actionHref}}">{{t actionLabel}}</a></p>{{/if}}
<p><a href="/login">{{t "back.login"}}</a></p>`,
} as const;

export type PageName = keyof typeof PAGES;

const layout = env.compile(LAYOUT, { strict: false });
const pages = Object.fromEntries(
  Object.entries(PAGES).map(([name, source]) => [name, env.compile(source)]),
) as Record<PageName, Handlebars.TemplateDelegate>;

/** A whole page: the page template inside the layout. */
export function renderPage(name: PageName, context: Root & Record<string, unknown>): string {
  const body = pages[name](context);
  return layout({ ...context, body });
}
