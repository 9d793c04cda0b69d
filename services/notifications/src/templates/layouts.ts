/**
 * The two parts every message has, as Liquid layouts over a message's
 * rendered words: an HTML part (every value escaped here, once) and a plain
 * text part (nothing escaped: it is not HTML).
 */
export const htmlLayout = `<!doctype html>
<html lang="{{ language }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ subject }}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<tr><td>
<h1 style="font-size:22px;margin:0 0 16px">{{ heading }}</h1>
{% for paragraph in paragraphs %}<p style="font-size:15px;line-height:1.5;margin:0 0 12px">{{ paragraph }}</p>
{% endfor %}{% if rows.size > 0 %}<table role="presentation" style="width:100%;border-collapse:collapse;margin:8px 0 16px">
{% for row in rows %}<tr><td style="padding:4px 0;border-bottom:1px solid #e4e4e7">{{ row.label }}</td><td style="padding:4px 0;border-bottom:1px solid #e4e4e7;text-align:right">{{ row.value }}</td></tr>
{% endfor %}</table>
{% endif %}{% if facts.size > 0 %}<table role="presentation" style="width:100%;margin:8px 0 16px">
{% for fact in facts %}<tr><th style="text-align:left;font-weight:normal;color:#52525b;padding:2px 0">{{ fact.label }}</th><td style="text-align:right;font-weight:bold;padding:2px 0">{{ fact.value }}</td></tr>
{% endfor %}</table>
{% endif %}{% if action %}<p style="margin:24px 0"><a href="{{ action.url }}" style="background:#18181b;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none">{{ action.label }}</a></p>
{% endif %}<p style="font-size:13px;color:#71717a;margin:24px 0 0">{{ signature }}</p>
</td></tr>
</table>
</body>
</html>
`;

export const textLayout = `{{ heading }}

{% for paragraph in paragraphs %}{{ paragraph }}

{% endfor %}{% for row in rows %}- {{ row.label }}: {{ row.value }}
{% endfor %}{% if rows.size > 0 %}
{% endif %}{% for fact in facts %}{{ fact.label }}: {{ fact.value }}
{% endfor %}{% if facts.size > 0 %}
{% endif %}{% if action %}{{ action.label }}: {{ action.url }}

{% endif %}-- 
{{ signature }}
`;

export const signatures = {
  en: 'Sent by the store about your account and orders.',
  fr: 'Envoyé par la boutique au sujet de votre compte et de vos commandes.',
} as const;
