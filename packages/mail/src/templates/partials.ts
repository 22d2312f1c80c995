import { FONT } from './catalog.js';

/**
 * Partials tenant HTML templates may call. A partial sees only the parameters it is given
 * (`explicitPartialContext`), plus `@root`.
 *
 * `{{> button url=forgotPasswordUrl label="Réinitialiser votre mot de passe"}}`: a bulletproof
 * button (a table cell with a background colour, so Outlook shows it) in the tenant colour.
 */
export const PARTIALS = {
  button: `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0 20px 0;border-collapse:separate;">
<tr>
<td align="center" bgcolor="{{@root.primaryColor}}" style="border-radius:4px;background-color:{{@root.primaryColor}};">
<a href="{{url}}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 24px;${FONT}font-size:15px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">{{label}}</a>
</td>
</tr>
</table>
`,
} as const;

export type PartialName = keyof typeof PARTIALS;
export const PARTIAL_NAMES = Object.keys(PARTIALS) as PartialName[];
