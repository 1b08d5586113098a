package com.helpdesk.export.application.service;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.RateLimiter;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.domain.port.ResourceSection;
import com.helpdesk.export.domain.port.RowConsumer;
import com.helpdesk.export.domain.port.Serializer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** In-memory fakes of every port the export service uses. */
final class Fakes {

    private Fakes() {
    }

    /** Knows keys by their whole text; records every key it was asked about. */
    static final class FakeKeyVerifier implements KeyVerifier {
        final Map<String, KeyVerification> answers = new HashMap<>();
        final List<ApiKey> asked = new ArrayList<>();

        FakeKeyVerifier answer(String key, KeyVerification verification) {
            answers.put(key, verification);
            return this;
        }

        @Override
        public KeyVerification verify(ApiKey key) {
            asked.add(key);
            return answers.getOrDefault(key.reveal(), new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN));
        }
    }

    /** A row of one type: an id, a creation time and a title-like text at the type's second field. */
    record MemRow(ResourceType type, UUID id, Instant createdAt, String text) implements Row {
        @Override
        public Object value(int fieldIndex) {
            String name = type.fields().get(fieldIndex).name();
            return switch (name) {
                case "id" -> id;
                case "createdAt" -> createdAt;
                case "title", "name" -> text;
                default -> null;
            };
        }

        Cursor cursor() {
            return new Cursor(type, createdAt, id);
        }
    }

    /** Rows per scope and type; records every snapshot it opened. */
    static final class FakeReader implements ResourceReader {
        final Map<Scope, Map<ResourceType, List<MemRow>>> data = new HashMap<>();
        final List<FakeSnapshot> opened = new ArrayList<>();
        Function<ResourceQuery, RuntimeException> summarizeFailure = q -> null;

        FakeReader add(Scope scope, MemRow row) {
            data.computeIfAbsent(scope, s -> new EnumMap<>(ResourceType.class))
                    .computeIfAbsent(row.type(), t -> new ArrayList<>()).add(row);
            return this;
        }

        @Override
        public ReadSnapshot openSnapshot(Scope scope) {
            FakeSnapshot snapshot = new FakeSnapshot(this, scope);
            opened.add(snapshot);
            return snapshot;
        }

        FakeSnapshot only() {
            if (opened.size() != 1) {
                throw new AssertionError("expected one snapshot, got " + opened.size());
            }
            return opened.get(0);
        }
    }

    /** Pages rows in (createdAt, id) order after a cursor and up to a limit; ignores filters. */
    static final class FakeSnapshot implements ReadSnapshot {
        private final FakeReader reader;
        final Scope scope;
        final List<ResourceQuery> summarized = new ArrayList<>();
        final List<ResourceQuery> streamed = new ArrayList<>();
        int closeCount;

        FakeSnapshot(FakeReader reader, Scope scope) {
            this.reader = reader;
            this.scope = scope;
        }

        private List<MemRow> matching(ResourceQuery query) {
            List<MemRow> rows = new ArrayList<>(reader.data.getOrDefault(scope, Map.of())
                    .getOrDefault(query.type(), List.of()));
            Comparator<MemRow> order = Comparator.comparing(MemRow::createdAt).thenComparing(MemRow::id);
            rows.sort(order);
            if (query.after().isPresent()) {
                Cursor after = query.after().get();
                MemRow bound = new MemRow(query.type(), after.id(), after.createdAt(), null);
                rows.removeIf(r -> order.compare(r, bound) <= 0);
            }
            return rows;
        }

        @Override
        public PageSummary summarize(ResourceQuery query) {
            checkOpen();
            summarized.add(query);
            RuntimeException failure = reader.summarizeFailure.apply(query);
            if (failure != null) {
                throw failure;
            }
            List<MemRow> rows = matching(query);
            int count = Math.min(rows.size(), query.limit());
            boolean hasMore = rows.size() > query.limit();
            return new PageSummary(count, hasMore,
                    hasMore ? Optional.of(rows.get(count - 1).cursor()) : Optional.empty());
        }

        @Override
        public void stream(ResourceQuery query, RowConsumer consumer) throws IOException {
            checkOpen();
            streamed.add(query);
            List<MemRow> rows = matching(query);
            for (MemRow row : rows.subList(0, Math.min(rows.size(), query.limit()))) {
                consumer.accept(row);
            }
        }

        private void checkOpen() {
            if (closeCount > 0) {
                throw new IllegalStateException("snapshot used after close");
            }
        }

        @Override
        public void close() {
            closeCount++;
        }
    }

    /**
     * Writes "format bom=… total=…" then, per section, "type rows hasMore" and one line per row with the values of
     * the section's fields joined by '|'.
     */
    static final class FakeSerializer implements Serializer {
        private final ExportFormat format;
        final List<ExportDocument> written = new ArrayList<>();
        IOException failure;

        FakeSerializer(ExportFormat format) {
            this.format = format;
        }

        @Override
        public ExportFormat format() {
            return format;
        }

        @Override
        public void write(ExportDocument document, OutputStream out) throws IOException {
            written.add(document);
            StringBuilder text = new StringBuilder();
            text.append(format.wireName()).append(" bom=").append(document.csv().bom())
                    .append(" total=").append(document.totalRows()).append('\n');
            for (ResourceSection section : document.sections()) {
                text.append(section.type().wireName()).append(' ').append(section.summary().rows()).append(' ')
                        .append(section.summary().hasMore()).append('\n');
                section.rows().forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    section.fields().forEach(f -> cells.add(String.valueOf(row.value(f))));
                    text.append(String.join("|", cells)).append('\n');
                });
                if (failure != null) {
                    throw failure;
                }
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Counts calls per key id in memory; a fixed window that never rolls over. */
    static final class FakeRateLimiter implements RateLimiter {
        static final Instant RESET = Instant.parse("2026-11-27T15:00:00Z");
        final Map<UUID, Long> used = new HashMap<>();
        final List<UUID> consumed = new ArrayList<>();
        final List<UUID> peeked = new ArrayList<>();
        long limit = 1_000;

        @Override
        public RateLimitStatus consume(KeyVerification.Verified caller) {
            consumed.add(caller.keyId());
            long before = used.getOrDefault(caller.keyId(), 0L);
            if (before >= limit) {
                return new RateLimitStatus(false, limit, 0, RESET, Duration.ofHours(1), Duration.ofSeconds(90));
            }
            used.put(caller.keyId(), before + 1);
            return new RateLimitStatus(true, limit, limit - before - 1, RESET, Duration.ofHours(1), Duration.ZERO);
        }

        @Override
        public RateLimitStatus peek(KeyVerification.Verified caller) {
            peeked.add(caller.keyId());
            long remaining = limit - used.getOrDefault(caller.keyId(), 0L);
            return new RateLimitStatus(remaining > 0, limit, remaining, RESET, Duration.ofHours(1),
                    remaining > 0 ? Duration.ZERO : Duration.ofSeconds(90));
        }
    }

    /** Counts failures per address in memory; blocks from {@code max} failures on. */
    static final class FakeThrottle implements AuthenticationThrottle {
        final Map<String, Integer> failures = new HashMap<>();
        int max = 1_000;

        @Override
        public Optional<Duration> blockedFor(String clientAddress) {
            return failures.getOrDefault(clientAddress, 0) >= max ? Optional.of(Duration.ofMillis(42_500))
                    : Optional.empty();
        }

        @Override
        public void recordFailure(String clientAddress) {
            failures.merge(clientAddress, 1, Integer::sum);
        }
    }
}
