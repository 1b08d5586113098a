-- Grows one team to :rows rows per type (tickets, customers, articles, messages, members), live mode,
-- beside a neighbour team of the same size, so plans and timings show what cost does as a team grows.
-- Deterministic (no random()): every value is a function of the row number. Run on a migrated database:
--   psql -v rows=1000000 -v team="'7d1e0c2a-0000-4000-8000-000000000001'" -f scripts/scale-data.sql
-- The words of titles and names come from a small vocabulary, so `search` finds many rows for a common word,
-- few for a rare one (every 10,000th row carries "zephyr"), and none for a word that is never written.
\set ON_ERROR_STOP on
\if :{?rows}
\else
  \set rows 25000
\endif
\if :{?team}
\else
  \set team '''7d1e0c2a-0000-4000-8000-000000000001'''
\endif

BEGIN;
SET LOCAL synchronous_commit = off;

CREATE TEMP TABLE scale_words (k int PRIMARY KEY, word text NOT NULL) ON COMMIT DROP;
INSERT INTO scale_words
SELECT k - 1, w FROM unnest(ARRAY['billing', 'login', 'refund', 'invoice', 'password', 'shipping', 'export',
                                   'crash', 'upgrade', 'account', 'payment', 'report', 'mobile', 'email',
                                   'integration', 'latency', 'timeout', 'discount', 'renewal', 'access'])
    WITH ORDINALITY AS t(w, k);

CREATE TEMP TABLE scale_teams (ordinal int, id uuid) ON COMMIT DROP;
INSERT INTO scale_teams VALUES (0, :team::uuid),
                               (1, '7d1e0c2a-0000-4000-8000-000000000002'::uuid);

INSERT INTO teams (id, name, created_at)
SELECT id, 'Scale team ' || ordinal, timestamptz '2020-01-01 00:00:00Z' FROM scale_teams
ON CONFLICT (id) DO NOTHING;

-- ids: the team's ordinal and the row number, so reruns and other sizes never collide
CREATE FUNCTION pg_temp.scale_id(kind int, team int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT (lpad(to_hex(kind), 8, '0') || '-' || lpad(to_hex(team), 4, '0') || '-4000-8000-'
           || lpad(to_hex(n), 12, '0'))::uuid $$;

INSERT INTO members (id, team_id, name, email, role, created_at)
SELECT pg_temp.scale_id(1, t.ordinal, n), t.id,
       initcap(w.word) || ' Agent ' || n || CASE WHEN n % 10000 = 0 THEN ' zephyr' ELSE '' END,
       'agent' || n || '@' || w.word || '.example',
       (ARRAY['owner', 'admin', 'manager', 'librarian', 'agent', 'spectator'])[1 + (n % 6)],
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute'
FROM scale_teams t, generate_series(1, :rows) n JOIN scale_words w ON w.k = n % 20;

INSERT INTO customers (id, team_id, mode, name, email, phone, status, sentiment, tags, notes, created_at, updated_at)
SELECT pg_temp.scale_id(2, t.ordinal, n), t.id, 'live',
       initcap(w.word) || ' Customer ' || n || CASE WHEN n % 10000 = 0 THEN ' zephyr' ELSE '' END,
       'customer' || n || '@' || w.word || '.example', '+1 555 ' || lpad((n % 10000)::text, 4, '0'),
       CASE WHEN n % 5 = 0 THEN 'inactive' ELSE 'active' END,
       (ARRAY['positive', 'neutral', 'negative'])[1 + (n % 3)],
       CASE WHEN n % 50 = 0 THEN ARRAY['vip'] WHEN n % 7 = 0 THEN ARRAY['enterprise'] ELSE '{}' END,
       'Customer since row ' || n,
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute',
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute' + (n % 1000) * interval '1 hour'
FROM scale_teams t, generate_series(1, :rows) n JOIN scale_words w ON w.k = n % 20;

INSERT INTO tickets (id, team_id, mode, title, status, priority, customer_id, assigned_to, tags, notes,
                     created_at, updated_at, resolved_at, metadata)
SELECT pg_temp.scale_id(3, t.ordinal, n), t.id, 'live',
       initcap(w.word) || ' problem number ' || n || CASE WHEN n % 10000 = 0 THEN ' zephyr' ELSE '' END,
       (ARRAY['new', 'open', 'pending', 'resolved', 'closed'])[1 + (n % 5)],
       (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (n % 4)],
       pg_temp.scale_id(2, t.ordinal, 1 + (n::bigint * 7919) % :rows),
       CASE WHEN n % 3 = 0 THEN NULL ELSE pg_temp.scale_id(1, t.ordinal, 1 + (n::bigint * 104729) % :rows) END,
       CASE WHEN n % 100 = 0 THEN ARRAY['escalated'] WHEN n % 9 = 0 THEN ARRAY['billing', 'q' || (n % 4)]
            ELSE '{}' END,
       'Notes of ticket ' || n,
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute',
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute' + (n % 1000) * interval '1 hour',
       CASE WHEN n % 5 >= 3 THEN timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute' + interval '1 day' END,
       CASE WHEN n % 10 = 0 THEN jsonb_build_object('source', w.word) ELSE '{}' END
FROM scale_teams t, generate_series(1, :rows) n JOIN scale_words w ON w.k = n % 20;

INSERT INTO articles (id, team_id, mode, title, slug, content, category, status, is_public, tags,
                      view_count, use_count, created_at, updated_at, published_at)
SELECT pg_temp.scale_id(4, t.ordinal, n), t.id, 'live',
       'How to fix ' || w.word || ' issue ' || n || CASE WHEN n % 10000 = 0 THEN ' zephyr' ELSE '' END,
       'how-to-fix-' || w.word || '-' || n, repeat('Article text about ' || w.word || '. ', 20),
       (ARRAY['Billing', 'Accounts', 'Shipping', 'Technical'])[1 + (n % 4)],
       (ARRAY['draft', 'published', 'archived'])[1 + (n % 3)], n % 2 = 0,
       CASE WHEN n % 25 = 0 THEN ARRAY['faq'] ELSE '{}' END, n % 5000, n % 300,
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute',
       timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute' + interval '1 hour',
       CASE WHEN n % 3 = 1 THEN timestamptz '2020-01-01 00:00:00Z' + n * interval '1 minute' END
FROM scale_teams t, generate_series(1, :rows) n JOIN scale_words w ON w.k = n % 20;

-- one message per row, on ticket 1 + n / 4 (so four per ticket over the first quarter of the tickets)
INSERT INTO messages (id, team_id, mode, ticket_id, sender, author_member_id, author_customer_id, sender_name,
                      is_internal, content, created_at)
SELECT pg_temp.scale_id(5, t.ordinal, n), t.id, 'live', pg_temp.scale_id(3, t.ordinal, 1 + n / 4),
       s.sender,
       CASE WHEN s.sender = 'agent' THEN pg_temp.scale_id(1, t.ordinal, 1 + (n::bigint * 104729) % :rows) END,
       CASE WHEN s.sender = 'customer' THEN pg_temp.scale_id(2, t.ordinal, 1 + ((1 + n / 4)::bigint * 7919) % :rows) END,
       CASE WHEN s.sender = 'system' THEN 'Automation' END,
       s.sender = 'agent' AND n % 8 = 1,
       'Message ' || n || ' about ' || w.word || ', with "quotes" and a second line' || chr(10) || 'ok',
       timestamptz '2020-01-01 00:00:00Z' + (1 + n / 4) * interval '1 minute' + (n % 4) * interval '1 second'
FROM scale_teams t, generate_series(1, :rows) n
JOIN scale_words w ON w.k = n % 20
CROSS JOIN LATERAL (SELECT (ARRAY['customer', 'agent', 'system', 'agent'])[1 + (n % 4)] AS sender) s;

COMMIT;
ANALYZE;
