package com.helpdesk.export.demo;

/**
 * The set-based statements that generate the demo rows of one team and mode. Every value that varies is a
 * parameter; everything else is a pure function of the row number and the seed, so that each load gives the
 * same rows. Texts are chosen to trouble serializers: commas, quotes, CR/LF, tabs, non-ASCII, emoji, LIKE
 * wildcards and formula-like starts.
 */
final class DemoSql {

    private DemoSql() {}

    /** Tags: no white space in any (contract), but commas, quotes, non-ASCII and formula-like starts. */
    private static final String TAG_POOL = "ARRAY['billing', 'vip', 'refund', 'läuft', '日本', '🎉', '=cmd', "
            + "'+plus', '-minus', '@mention', 'a,b', 'say\"hi\"']::text[]";

    /**
     * Parameters: team, mode, seed, count, the team whose custom fields are set (the demo team's). Created times:
     * pairs share one.
     */
    static final String CUSTOMERS = """
            WITH p AS (
                SELECT ?::uuid AS team, ?::text AS mode, ?::text AS seed, %s AS tag_pool
            ), g AS (
                SELECT p.*, j,
                       timestamptz '2024-03-04T10:00:00Z' + (j / 2) * interval '1 hour 13 minutes 0.5 seconds' AS created
                FROM p, generate_series(1, ?::int) AS j
            )
            INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, notes, ticket_count,
                                   created_at, updated_at, phone, metadata, custom_fields)
            SELECT md5(seed || ':customer:' || j)::uuid, team, mode,
                   (ARRAY['Zoë Müller', 'José Álvarez', '山田 太郎', 'Smith, John', 'The "Best" Company',
                          '=HYPERLINK("http://example.com")', '+44 Holdings', '-Dash Industries', '@handle Media',
                          chr(9) || 'Tabbed Name', 'Émilie 🎈 Laurent', 'Fiona O''Neil'])[1 + j %% 12] || ' ' || j,
                   CASE j %% 6 WHEN 0 THEN NULL
                              WHEN 1 THEN 'Customer.' || j || '@Example.COM'
                              ELSE 'customer' || j || '@example.com' END,
                   CASE WHEN j %% 4 = 0 THEN 'inactive' ELSE 'active' END,
                   (ARRAY['positive', 'neutral', 'negative'])[1 + (j * 5 + j / 3) %% 3],
                   CASE WHEN j %% 5 = 0 THEN '{}'::text[]
                        WHEN j %% 2 = 0 THEN ARRAY[tag_pool[1 + j %% 12]]
                        ELSE ARRAY[tag_pool[1 + j %% 12], tag_pool[1 + (j %% 12 + 1 + (j / 12) %% 11) %% 12]] END,
                   CASE j %% 5 WHEN 0 THEN NULL
                              WHEN 1 THEN 'Prefers e-mail, not phone.' || chr(10) || 'Writes in "Français" — ça va'
                              WHEN 2 THEN '@account-manager: renewal due' || chr(13) || chr(10) || 'Budget +10%%'
                              WHEN 3 THEN '+49 30 1234567'
                              ELSE 'Kunde seit 2019 – Grüße 👋 ' || j END,
                   0,
                   created,
                   created + (j %% 30) * interval '1 day',
                   CASE j %% 4 WHEN 0 THEN NULL
                              WHEN 1 THEN '+33 6 12 34 ' || lpad((j %% 100)::text, 2, '0')
                              WHEN 2 THEN '(555) 010-' || lpad((j %% 10000)::text, 4, '0')
                              ELSE '030 1234' || (j %% 1000) END,
                   CASE j %% 5 WHEN 0 THEN jsonb_build_object('crm', 'salesforce', 'crmId', '0035g00000' || j)
                              WHEN 1 THEN jsonb_build_object('source', '=import', 'labels',
                                              jsonb_build_array('a,b', 'say "hi"', 'ünï'), 'score', j %% 97)
                              ELSE '{}'::jsonb END,
                   CASE WHEN team <> ?::uuid THEN '{}'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
                       'account_tier', (ARRAY[NULL, 'bronze', 'silver', 'gold', '=platinum'])[1 + j %% 5],
                       'crm_note', CASE j %% 6 WHEN 0 THEN NULL WHEN 1 THEN '-call before noon'
                                              WHEN 2 THEN 'Prefers "phone", not e-mail' || chr(10) || 'ok'
                                              WHEN 3 THEN '@owner: VIP' ELSE 'Kunde seit ' || (2010 + j %% 14) END,
                       'lifetime_value', CASE WHEN j %% 4 = 0 THEN NULL
                                              WHEN j %% 7 = 0 THEN -round(j * 0.75, 2)
                                              ELSE round(j * 12.35, 2) END,
                       'newsletter', CASE WHEN j %% 3 = 0 THEN NULL ELSE j %% 2 = 0 END,
                       'birthday', CASE WHEN j %% 2 = 0 THEN NULL
                                        ELSE to_char(date '1960-01-01' + (j * 37) %% 15000, 'YYYY-MM-DD') END)) END
            FROM g
            """.formatted(TAG_POOL);

    /**
     * Parameters: team, mode, seed, agents (uuid[]), number of customers of this team and mode, count, the team
     * whose custom fields are the demo team's (any other team has one text field, region). Created times: three rows
     * share each. Their message counts follow the messages (MESSAGES), which the database keeps.
     */
    static final String TICKETS = """
            WITH p AS (
                SELECT ?::uuid AS team, ?::text AS mode, ?::text AS seed, ?::uuid[] AS agents,
                       ?::int AS customers, %s AS tag_pool
            ), g AS (
                SELECT p.*, i, (i * 7) %% 5 AS st,
                       timestamptz '2025-01-06T09:00:00Z' + (i / 3) * interval '37 minutes 11.654321 seconds' AS created
                FROM p, generate_series(1, ?::int) AS i
            )
            INSERT INTO tickets (id, team_id, mode, title, status, priority, customer_id, assigned_to, tags, notes,
                                 created_at, updated_at, resolved_at, response_deadline, resolution_deadline,
                                 metadata, custom_fields)
            SELECT md5(seed || ':ticket:' || i)::uuid, team, mode,
                   (ARRAY['Cannot log in to the portal',
                          'Refund, invoice and "credit note" question',
                          'Line one' || chr(13) || chr(10) || 'line two of the subject',
                          'Café crème: naïve façade, déjà vu',
                          'Größenänderung für Übersicht',
                          '日本語のチケットの件名',
                          'Emoji 🎉 launch party 🚀',
                          '=SUM(A1:A9)',
                          '+1 555 0100 wants a call back',
                          '-42 degrees in the server room',
                          '@here outage on checkout',
                          chr(9) || 'Tab-indented title',
                          'Printer on fire',
                          'O''Brien''s account is locked',
                          '50%% off _promo_ code with \\ backslash',
                          'Bare' || chr(13) || 'carriage return and' || chr(10) || 'line feed'])[1 + i %% 16]
                       || ' #' || i,
                   (ARRAY['new', 'open', 'pending', 'resolved', 'closed'])[1 + st],
                   (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (i * 3 + i / 7) %% 4],
                   CASE WHEN i %% 9 = 0 THEN NULL
                        ELSE md5(seed || ':customer:' || (1 + (i * 31) %% customers))::uuid END,
                   CASE WHEN i %% 4 = 0 THEN NULL ELSE agents[1 + i %% cardinality(agents)] END,
                   CASE WHEN i %% 7 = 0 THEN '{}'::text[]
                        WHEN i %% 3 = 0 THEN ARRAY[tag_pool[1 + i %% 12]]
                        ELSE ARRAY[tag_pool[1 + i %% 12], tag_pool[1 + (i %% 12 + 1 + (i / 12) %% 11) %% 12]] END,
                   CASE i %% 6 WHEN 0 THEN NULL
                              WHEN 1 THEN 'Customer wrote: "it''s broken, again"' || chr(13) || chr(10)
                                          || 'Second line — déjà vu ✓'
                              WHEN 2 THEN '-1 follow-up with @support, see #' || i
                              WHEN 3 THEN '=HYPERLINK("http://example.com/' || i || '")'
                              WHEN 4 THEN '日本語のメモ 🎫 ' || i
                              ELSE 'Plain note ' || i END,
                   created,
                   created + (i %% 50) * interval '1 hour' + (i %% 60) * interval '1 second',
                   CASE WHEN st >= 3 THEN created + (i %% 50) * interval '1 hour' END,
                   CASE WHEN i %% 5 = 0 THEN NULL ELSE created + (1 + i %% 8) * interval '1 hour' END,
                   CASE WHEN i %% 3 = 0 THEN NULL ELSE created + (1 + i %% 5) * interval '1 day' END,
                   CASE i %% 4 WHEN 0 THEN '{}'::jsonb
                              WHEN 1 THEN jsonb_build_object('source', 'email', 'threadId', '<' || i || '@mail.example>')
                              WHEN 2 THEN jsonb_build_object('integration', '=zapier', 'tags',
                                              jsonb_build_array('a,b', '"quoted"', '日本'),
                                              'nested', jsonb_build_object('ok', true, 'n', i, 'none', NULL))
                              ELSE jsonb_build_object('note', 'Line one' || chr(13) || chr(10) || 'line two, ü')
                   END,
                   CASE WHEN team <> ?::uuid THEN jsonb_strip_nulls(jsonb_build_object(
                       'region', CASE WHEN i %% 2 = 0 THEN 'EMEA' END))
                   ELSE jsonb_strip_nulls(jsonb_build_object(
                       'plan', (ARRAY[NULL, 'free', 'pro', 'enterprise', '+partner'])[1 + i %% 5],
                       'order_ref', CASE i %% 6 WHEN 0 THEN NULL WHEN 1 THEN '=HYPERLINK("http://example.com")'
                                               WHEN 2 THEN 'ORD-' || i || ', "rush"' WHEN 3 THEN '-' || i
                                               WHEN 4 THEN 'Bestellung Nr. ' || i || chr(10) || 'zweite Zeile'
                                               ELSE '@ref ' || i END,
                       'amount', CASE WHEN i %% 4 = 0 THEN NULL WHEN i %% 9 = 0 THEN -round(i * 0.5, 1)
                                      ELSE round(i * 1.37, 2) END,
                       'is_vip', CASE WHEN i %% 3 = 0 THEN NULL ELSE i %% 2 = 0 END,
                       'due_on', CASE WHEN i %% 6 = 0 THEN NULL
                                      ELSE to_char(date '2025-01-01' + i %% 500, 'YYYY-MM-DD') END)) END
            FROM g
            """.formatted(TAG_POOL);

    /** Parameters: team, mode, seed, count. Created times: pairs share one. */
    static final String ARTICLES = """
            WITH p AS (
                SELECT ?::uuid AS team, ?::text AS mode, ?::text AS seed, %s AS tag_pool
            ), g AS (
                SELECT p.*, j, j %% 3 AS st,
                       timestamptz '2023-09-01T07:30:00Z' + (j / 2) * interval '1 day 3 hours 0.25 seconds' AS created
                FROM p, generate_series(1, ?::int) AS j
            )
            INSERT INTO articles (id, team_id, mode, title, content, category, status, is_public, tags, view_count,
                                  use_count, created_at, updated_at, published_at, slug, seo_title, seo_description)
            SELECT md5(seed || ':article:' || j)::uuid, team, mode,
                   (ARRAY['How to reset your password',
                          'Billing, invoices and "credits" explained',
                          'Guía rápida: configuración',
                          'Über uns – FAQ',
                          '日本語ヘルプ記事',
                          '=IMPORTXML("http://example.com")',
                          '+Tips and tricks',
                          '-Known issues',
                          '@mentions in tickets',
                          '100%% uptime_explained \\ notes'])[1 + j %% 10] || ' (' || j || ')',
                   'Step 1, open the settings.' || chr(13) || chr(10) || 'Step 2: click "Reset".' || chr(10)
                       || 'Ünïcödé ✓ 🎉 — article ' || j
                       || CASE WHEN j %% 10 = 0 THEN chr(10) || repeat('A long body line, with a comma. ', 200)
                               ELSE '' END,
                   CASE WHEN j %% 11 = 0 THEN NULL
                        ELSE (ARRAY['getting-started', 'billing', 'Sécurité', 'API, SDKs', '=formula', 'how-to'])[1 + j %% 6]
                   END,
                   (ARRAY['draft', 'published', 'archived'])[1 + st],
                   j %% 2 = 0,
                   CASE WHEN j %% 4 = 0 THEN '{}'::text[]
                        ELSE ARRAY[tag_pool[1 + j %% 12], tag_pool[1 + (j %% 12 + 1 + (j / 12) %% 11) %% 12]] END,
                   (j * 37) %% 5000,
                   (j * 11) %% 300,
                   created,
                   created + (j %% 20) * interval '1 day',
                   CASE WHEN st >= 1 THEN created + interval '2 days' END,
                   CASE WHEN j %% 8 = 0 THEN NULL
                        ELSE (ARRAY['reset-password', 'billing-explained', 'guia-rapida', 'uber-uns', 'help',
                                    'import-xml', 'tips', 'known-issues', 'mentions', 'uptime'])[1 + j %% 10]
                             || '-' || j END,
                   CASE WHEN j %% 3 = 0 THEN NULL
                        ELSE (ARRAY['Reset your password | Acme', '=Billing, explained', 'Guía rápida "2024"'])[1 + j %% 3]
                   END,
                   CASE j %% 4 WHEN 0 THEN NULL WHEN 1 THEN '-Learn how, in 3 steps; ü'
                              ELSE 'A short summary, with a comma' || chr(10) || 'and a second line ' || j END
            FROM g
            """.formatted(TAG_POOL);

    /**
     * Parameters: team, mode, seed. One to five messages per ticket of the team and mode, in a fixed pattern: the
     * customer (or the system when the ticket has none), then an agent (the assignee, or the first agent of the team),
     * the system, an internal note of an agent, the customer again. Created times follow the ticket's, so tickets that
     * share their time give messages that share theirs. The database counts them into tickets.message_count.
     */
    static final String MESSAGES = """
            WITH p AS (
                SELECT ?::uuid AS team, ?::text AS mode, ?::text AS seed
            ), first_agent AS (
                SELECT m.id, m.name FROM members m, p
                WHERE m.team_id = p.team AND m.role = 'agent' ORDER BY m.created_at, m.id LIMIT 1
            ), g AS (
                SELECT p.seed, t.team_id, t.mode, t.id AS ticket, t.created_at AS ticket_created, t.customer_id,
                       coalesce(t.assigned_to, (SELECT id FROM first_agent)) AS agent, k,
                       CASE k WHEN 1 THEN CASE WHEN t.customer_id IS NULL THEN 'system' ELSE 'customer' END
                              WHEN 2 THEN 'agent' WHEN 3 THEN 'system' WHEN 4 THEN 'agent'
                              ELSE CASE WHEN t.customer_id IS NULL THEN 'system' ELSE 'customer' END END AS sender,
                       ('x' || substr(md5(p.seed || ':' || t.id), 1, 8))::bit(32)::bigint AS h
                FROM p JOIN tickets t ON t.team_id = p.team AND t.mode = p.mode
                CROSS JOIN LATERAL generate_series(1, 1 + ('x' || substr(md5(t.id::text), 1, 4))::bit(16)::int % 5) AS k
            )
            INSERT INTO messages (id, team_id, mode, ticket_id, sender, author_member_id, author_customer_id,
                                  sender_name, is_internal, content, created_at)
            SELECT md5(g.seed || ':message:' || g.ticket || ':' || g.k)::uuid, g.team_id, g.mode, g.ticket, g.sender,
                   CASE WHEN g.sender = 'agent' THEN g.agent END,
                   CASE WHEN g.sender = 'customer' THEN g.customer_id END,
                   CASE g.sender WHEN 'agent' THEN m.name WHEN 'customer' THEN c.name
                                 ELSE CASE WHEN g.h % 2 = 0 THEN 'Automation' END END,
                   g.k = 4,
                   (ARRAY['Hello, I cannot log in since this morning.',
                          'Thanks! We reset it, "please" try again.' || chr(13) || chr(10) || '— Support',
                          'Ticket status changed to pending',
                          '=HYPERLINK("http://example.com/internal")',
                          '+1 on this, the customer called twice',
                          '-Escalated to tier 2',
                          '@team: see the notes',
                          'Merci beaucoup, ça marche ✓ 🎉',
                          '日本語でのお問い合わせありがとうございます。',
                          chr(9) || 'Indented log line' || chr(10) || 'second line, with a comma',
                          'Quote: ''single'' and "double"; 50% done_now \\ end'])[1 + (g.h + g.k) % 11]
                       || ' (' || g.k || ')',
                   g.ticket_created + g.k * interval '17 minutes 0.000250 seconds'
            FROM g
            LEFT JOIN members m ON g.sender = 'agent' AND m.id = g.agent
            LEFT JOIN customers c ON g.sender = 'customer' AND c.id = g.customer_id
            """;

    /** The custom fields the demo team defines (the other demo team defines one ticket field, region). */
    static final String CUSTOM_FIELD_DEFINITIONS = """
            INSERT INTO custom_field_definitions (team_id, resource, key, label, kind, options, position, created_at)
            SELECT team_id, resource, key, label, kind, options, position, timestamptz '2024-06-01T08:30:00Z'
            FROM (VALUES (?::uuid, 'tickets', 'plan', 'Plan', 'select', ARRAY['free', 'pro', 'enterprise', '+partner'], 10),
                   (?::uuid, 'tickets', 'order_ref', 'Order reference', 'text', NULL, 20),
                   (?::uuid, 'tickets', 'amount', 'Amount (EUR)', 'number', NULL, 30),
                   (?::uuid, 'tickets', 'is_vip', 'VIP', 'boolean', NULL, 40),
                   (?::uuid, 'tickets', 'due_on', 'Due on', 'date', NULL, 50),
                   (?::uuid, 'customers', 'account_tier', 'Account tier', 'select',
                    ARRAY['bronze', 'silver', 'gold', '=platinum'], 1),
                   (?::uuid, 'customers', 'crm_note', 'CRM note', 'text', NULL, 2),
                   (?::uuid, 'customers', 'lifetime_value', 'Lifetime value', 'number', NULL, 3),
                   (?::uuid, 'customers', 'newsletter', 'Newsletter', 'boolean', NULL, 4),
                   (?::uuid, 'customers', 'birthday', 'Birthday', 'date', NULL, 5),
                   (?::uuid, 'tickets', 'region', 'Region', 'text', NULL, 1))
                AS d (team_id, resource, key, label, kind, options, position)
            """;

    /** Parameter: the demo teams (uuid[]). Each of their customers' ticket_count: the tickets that name it. */
    static final String TICKET_COUNTS = """
            UPDATE customers c SET ticket_count = t.n
            FROM (SELECT customer_id, count(*)::int AS n FROM tickets
                  WHERE team_id = ANY (?::uuid[]) AND customer_id IS NOT NULL GROUP BY customer_id) t
            WHERE c.id = t.customer_id
            """;
}
