import { FONT } from './catalog.js';

/**
 * The HTML document every message body is placed in: tables and inline styles so that it
 * renders in Outlook (Word engine), Gmail and phones. Not tenant-editable. `{{{body}}}` is the
 * only unescaped output anywhere: it is the already-rendered (escaped) body.
 */
export const LAYOUT = `<!DOCTYPE html>
<html lang="{{locale}}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>{{subject}}</title>
<!--[if mso]><style>table,td,p,a,span{font-family:Arial,Helvetica,sans-serif !important;}</style><![endif]-->
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f4f6" style="width:100%;background-color:#f3f4f6;border-collapse:collapse;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:600px;max-width:600px;background-color:#ffffff;border-collapse:collapse;">
<tr>
<td style="padding:20px 32px;border-top:6px solid {{primaryColor}};border-bottom:1px solid #e5e7eb;">
{{#if logoUrl}}
<img src="{{logoUrl}}" alt="{{tenantName}}" height="48" style="display:block;height:48px;width:auto;max-width:240px;border:0;outline:none;text-decoration:none;margin:0 0 10px 0;">
{{/if}}
<span style="${FONT}font-size:20px;line-height:26px;font-weight:bold;color:{{primaryColor}};">{{tenantName}}</span>
</td>
</tr>
<tr>
<td style="padding:28px 32px 12px 32px;${FONT}font-size:15px;line-height:22px;color:#1f2937;">
{{{body}}}
</td>
</tr>
<tr>
<td style="padding:20px 32px 24px 32px;border-top:1px solid #e5e7eb;${FONT}font-size:13px;line-height:19px;color:#4b5563;">
<p style="margin:0 0 6px 0;${FONT}font-size:14px;line-height:20px;font-weight:bold;color:#1f2937;">{{signature}}</p>
<p style="margin:0;${FONT}font-size:12px;line-height:18px;color:#6b7280;">&copy; {{year}} {{tenantName}}</p>
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
