package com.helpdesk.export.persistence.jdbc.demo;

/**
 * The set-based statements that generate the demo rows of one team and mode. Every value that varies is a
 * parameter; everything else is a pure function of the row number and the seed, so that each load gives the
 * same rows. Texts are chosen to trouble serializers: commas, quotes, CR/LF, tabs, non-ASCII, emoji, LIKE
 * wildcards and formula-like starts.
 */
final class DemoSql {

    private DemoSql() {
    }

    /** Tags: no white space in any (contract), but commas, quotes, non-ASCII and formula-like starts. */
    private static final String TAG_POOL = "ARRAY['billing', 'vip', 'refund', 'läuft', '日本', '🎉', '=cmd', "
            + "'+plus', '-minus', '@mention', 'a,b', 'say\"hi\"']::text[]";

    /** Parameters: team, mode, seed, count. Created times: pairs share one. */
    static final String CUSTOMERS = """
            WITH p AS (
                SELECT ?::uuid AS team, ?::text AS mode, ?::text AS seed, %s AS tag_pool
            ), g AS (
                SELECT p.*, j,
                       timestamptz '2024-03-04T10:00:00Z' + (j / 2) * interval '1 hour 13 minutes 0.5 seconds' AS created
                FROM p, generate_series(1, ?::int) AS j
            )
            INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, notes, ticket_count,
                                   created_at, updated_at)
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
                   created + (j %% 30) * interval '1 day'
            FROM g
            """.formatted(TAG_POOL);

    /**
     * Parameters: team, mode, seed, agents (uuid[]), number of customers of this team and mode, count. Created
     * times: three rows share each.
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
                                 message_count, created_at, updated_at, resolved_at)
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
                   (i * 13) %% 23,
                   created,
                   created + (i %% 50) * interval '1 hour' + (i %% 60) * interval '1 second',
                   CASE WHEN st >= 3 THEN created + (i %% 50) * interval '1 hour' END
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
                                  use_count, created_at, updated_at, published_at)
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
                   CASE WHEN st >= 1 THEN created + interval '2 days' END
            FROM g
            """.formatted(TAG_POOL);

    /** Parameter: the demo teams (uuid[]). Each of their customers' ticket_count: the tickets that name it. */
    static final String TICKET_COUNTS = """
            UPDATE customers c SET ticket_count = t.n
            FROM (SELECT customer_id, count(*)::int AS n FROM tickets
                  WHERE team_id = ANY (?::uuid[]) AND customer_id IS NOT NULL GROUP BY customer_id) t
            WHERE c.id = t.customer_id
            """;
}
