package com.helpdesk.export.application.service;

import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.domain.port.ExportSlots;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.RateLimiter;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.domain.port.RowConsumer;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.domain.port.SpoolStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** In-memory fakes of every port the two export services use. */
final class Fakes {

    private Fakes() {}

    /**
     * What the fakes did, in order, across all of them ("open tickets", "read tickets", "close snapshot", "write"…),
     * so that a test can check the order of steps that span several ports.
     */
    static final class Events {
        final List<String> log = new ArrayList<>();

        void add(String event) {
            log.add(event);
        }
    }

    /** Knows keys by their whole text; records every key it was asked about; can be told to fail. */
    static final class FakeKeyVerifier implements KeyVerifier {
        final Map<String, KeyVerification> answers = new HashMap<>();
        final List<ApiKey> asked = new ArrayList<>();
        RuntimeException failure;

        FakeKeyVerifier answer(String key, KeyVerification verification) {
            answers.put(key, verification);
            return this;
        }

        @Override
        public KeyVerification verify(ApiKey key) {
            asked.add(key);
            if (failure != null) {
                throw failure;
            }
            return answers.getOrDefault(key.reveal(), new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN));
        }
    }

    /**
     * Counts failed authentications per address; from the {@code allowance + 1}-th failure on, answers a wait of
     * {@link #WAIT}.
     */
    static final class FakeThrottle implements AuthenticationThrottle {
        static final Duration WAIT = Duration.ofMillis(42_500);
        final Map<String, Integer> failures = new HashMap<>();
        int allowance = 1_000;

        @Override
        public Optional<Duration> recordFailure(String clientAddress) {
            int count = failures.merge(clientAddress, 1, Integer::sum);
            return count > allowance ? Optional.of(WAIT) : Optional.empty();
        }

        int failuresOf(String clientAddress) {
            return failures.getOrDefault(clientAddress, 0);
        }
    }

    /** Counts calls per key id in memory; a fixed window that never rolls over; can be told to fail. */
    static final class FakeRateLimiter implements RateLimiter {
        static final Instant RESET = Instant.parse("2026-11-27T15:00:00Z");
        static final Duration WINDOW = Duration.ofHours(1);
        static final Duration RETRY = Duration.ofSeconds(90);
        final Map<UUID, Long> used = new HashMap<>();
        final List<UUID> consumed = new ArrayList<>();
        final List<UUID> peeked = new ArrayList<>();
        long limit = 1_000;
        RuntimeException consumeFailure;

        @Override
        public RateLimitStatus consume(KeyVerification.Verified caller) {
            consumed.add(caller.keyId());
            if (consumeFailure != null) {
                throw consumeFailure;
            }
            long before = used.getOrDefault(caller.keyId(), 0L);
            if (before >= limit) {
                return new RateLimitStatus(false, limit, 0, RESET, WINDOW, RETRY);
            }
            used.put(caller.keyId(), before + 1);
            return new RateLimitStatus(true, limit, limit - before - 1, RESET, WINDOW, Duration.ZERO);
        }

        @Override
        public RateLimitStatus peek(KeyVerification.Verified caller) {
            peeked.add(caller.keyId());
            long remaining = Math.max(0, limit - used.getOrDefault(caller.keyId(), 0L));
            return new RateLimitStatus(
                    remaining > 0, limit, remaining, RESET, WINDOW, remaining > 0 ? Duration.ZERO : RETRY);
        }

        long usedBy(KeyVerification.Verified caller) {
            return used.getOrDefault(caller.keyId(), 0L);
        }
    }

    /**
     * Counts the slots held per key and per team and honours the caps (the key's first, then the team's); records
     * every slot it gave and every release. A slot's close is idempotent, as the port says.
     */
    static final class FakeSlots implements ExportSlots {
        private final ConcurrencyLimits limits;
        final Map<UUID, Integer> heldByKey = new HashMap<>();
        final Map<TeamId, Integer> heldByTeam = new HashMap<>();
        final List<FakeSlot> given = new ArrayList<>();
        final List<Refused> refused = new ArrayList<>();
        int releases;

        FakeSlots(ConcurrencyLimits limits) {
            this.limits = limits;
        }

        @Override
        public synchronized ExportSlots.Acquisition acquire(KeyVerification.Verified caller) {
            if (heldByKey(caller) >= limits.perKey()) {
                Refused no = new Refused(Cap.KEY, limits.perKey());
                refused.add(no);
                return no;
            }
            if (heldByTeam(caller.team()) >= limits.perTeam()) {
                Refused no = new Refused(Cap.TEAM, limits.perTeam());
                refused.add(no);
                return no;
            }
            heldByKey.merge(caller.keyId(), 1, Integer::sum);
            heldByTeam.merge(caller.team(), 1, Integer::sum);
            FakeSlot slot = new FakeSlot(caller);
            given.add(slot);
            return new Acquired(slot);
        }

        synchronized int heldByKey(KeyVerification.Verified caller) {
            return heldByKey.getOrDefault(caller.keyId(), 0);
        }

        synchronized int heldByTeam(TeamId team) {
            return heldByTeam.getOrDefault(team, 0);
        }

        synchronized int held() {
            return heldByTeam.values().stream().mapToInt(Integer::intValue).sum();
        }

        private synchronized void release(KeyVerification.Verified caller) {
            heldByKey.merge(caller.keyId(), -1, Integer::sum);
            heldByTeam.merge(caller.team(), -1, Integer::sum);
            releases++;
        }

        final class FakeSlot implements Slot {
            final KeyVerification.Verified caller;
            private final AtomicBoolean closed = new AtomicBoolean();
            int closeCalls;

            FakeSlot(KeyVerification.Verified caller) {
                this.caller = caller;
            }

            @Override
            public void close() {
                synchronized (FakeSlots.this) {
                    closeCalls++;
                }
                if (closed.compareAndSet(false, true)) {
                    release(caller);
                }
            }

            boolean isClosed() {
                return closed.get();
            }
        }
    }

    /** A row of one type: an id, a creation time and a title-like text at the type's second field. */
    record MemRow(ResourceType type, UUID id, Instant createdAt, String text) implements Row {
        @Override
        public Object value(Field field) {
            return switch (field.name()) {
                case "id" -> id;
                case "createdAt" -> createdAt;
                case "title", "name", "customFields.plan" -> text;
                default -> null;
            };
        }

        Cursor cursor() {
            return new Cursor(type, createdAt, id);
        }
    }

    /** Rows per scope and type; records every snapshot it opened and the cancellation it was given. */
    static final class FakeReader implements ResourceReader {
        final Map<Scope, Map<ResourceType, List<MemRow>>> data = new HashMap<>();
        /** The custom fields each type has in every snapshot. */
        final Map<ResourceType, List<CustomFieldDefinition>> customFields = new EnumMap<>(ResourceType.class);

        final List<FakeSnapshot> opened = new ArrayList<>();
        final List<Cancellation> cancellations = new ArrayList<>();
        /** A failure to throw when a snapshot is opened, or null. */
        RuntimeException openFailure;
        /** A failure to throw (after the given rows were handed over) when reading a query, or null. */
        Function<ResourceQuery, RuntimeException> readFailure = q -> null;

        Events events = new Events();

        FakeReader add(Scope scope, MemRow row) {
            data.computeIfAbsent(scope, s -> new EnumMap<>(ResourceType.class))
                    .computeIfAbsent(row.type(), t -> new ArrayList<>())
                    .add(row);
            return this;
        }

        @Override
        public ReadSnapshot openSnapshot(Scope scope, Cancellation cancellation) {
            cancellations.add(cancellation);
            events.add("open snapshot");
            if (openFailure != null) {
                throw openFailure;
            }
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

    /**
     * Reads rows in (createdAt, id) order strictly after a cursor and up to a limit. It does <em>not</em> filter,
     * and it is not a {@code ResourceReader} that has passed {@code ResourceReaderContract} (that contract runs in
     * adapter-persistence-jdbc against the JDBC reader, out of these tests' reach): filtering is the reader's job and
     * is tested there. Here a test may check which filters were passed on ({@link #queries}), never which rows they
     * would select: a filtered query that has rows to return fails, so that no test can rely on filtering by
     * accident.
     */
    static final class FakeSnapshot implements ReadSnapshot {
        private final FakeReader reader;
        final Scope scope;
        final List<ResourceQuery> queries = new ArrayList<>();
        int closeCount;

        FakeSnapshot(FakeReader reader, Scope scope) {
            this.reader = reader;
            this.scope = scope;
        }

        private List<MemRow> matching(ResourceQuery query) {
            List<MemRow> rows =
                    new ArrayList<>(reader.data.getOrDefault(scope, Map.of()).getOrDefault(query.type(), List.of()));
            Comparator<MemRow> order = Comparator.comparing(MemRow::createdAt).thenComparing((MemRow r) -> r.id());
            rows.sort(order);
            if (query.after().isPresent()) {
                Cursor after = query.after().get();
                MemRow bound = new MemRow(query.type(), after.id(), after.createdAt(), null);
                rows.removeIf(r -> order.compare(r, bound) <= 0);
            }
            return rows;
        }

        @Override
        public PageSummary read(ResourceQuery query, RowConsumer consumer) throws IOException {
            if (closeCount > 0) {
                throw new IllegalStateException("snapshot used after close");
            }
            queries.add(query);
            reader.events.add("read " + query.type().wireName());
            List<MemRow> rows = matching(query);
            if (!query.filters().conditions().isEmpty() && !rows.isEmpty()) {
                throw new AssertionError("FakeSnapshot does not filter, yet a filtered query (" + query.filters()
                        + ") would get rows: test filtering against ResourceReaderContract, not through this fake");
            }
            List<MemRow> given = rows.subList(0, Math.min(rows.size(), query.limit()));
            for (MemRow row : given) {
                consumer.accept(row);
            }
            RuntimeException failure = reader.readFailure.apply(query);
            if (failure != null) {
                throw failure;
            }
            boolean hasMore = rows.size() > query.limit();
            return new PageSummary(
                    given.size(),
                    hasMore,
                    hasMore ? Optional.of(given.get(given.size() - 1).cursor()) : Optional.empty());
        }

        @Override
        public List<CustomFieldDefinition> customFields(ResourceType type) {
            if (closeCount > 0) {
                throw new IllegalStateException("snapshot used after close");
            }
            reader.events.add("custom fields " + type.wireName());
            return reader.customFields.getOrDefault(type, List.of());
        }

        @Override
        public void close() {
            if (closeCount == 0) {
                reader.events.add("close snapshot");
            }
            closeCount++;
        }
    }

    /**
     * Spools in memory, within a room shared by all its spools ({@code capacity} bytes, past which a write throws
     * {@link SpoolFullException}); or, told so, fails every write with another IOException.
     */
    static final class FakeSpoolStore implements SpoolStore {
        final List<FakeSpool> created = new ArrayList<>();
        long capacity = Long.MAX_VALUE;
        IOException writeFailure;
        Events events = new Events();

        @Override
        public Spool create() {
            FakeSpool spool = new FakeSpool(this);
            created.add(spool);
            events.add("create spool");
            return spool;
        }

        long inUse() {
            return created.stream()
                    .filter(s -> !s.closed)
                    .mapToLong(s -> s.bytes.size())
                    .sum();
        }

        FakeSpool only() {
            if (created.size() != 1) {
                throw new AssertionError("expected one spool, got " + created.size());
            }
            return created.get(0);
        }
    }

    static final class FakeSpool implements Spool {
        private final FakeSpoolStore store;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        int closeCount;
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkOpen();
                if (store.writeFailure != null) {
                    throw store.writeFailure;
                }
                if (store.inUse() + len > store.capacity) {
                    throw new SpoolFullException("the spool store is full");
                }
                bytes.write(b, off, len);
            }
        };

        FakeSpool(FakeSpoolStore store) {
            this.store = store;
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("spool used after close");
            }
        }

        @Override
        public OutputStream output() {
            checkOpen();
            return output;
        }

        @Override
        public long size() {
            checkOpen();
            return bytes.size();
        }

        @Override
        public void copyTo(long from, long to, OutputStream out) throws IOException {
            checkOpen();
            if (from < 0 || from > to || to > bytes.size()) {
                throw new IndexOutOfBoundsException(
                        "[" + from + ", " + to + ") is not within [0, " + bytes.size() + ")");
            }
            out.write(Arrays.copyOfRange(bytes.toByteArray(), (int) from, (int) to));
        }

        @Override
        public void close() {
            if (!closed) {
                store.events.add("close spool");
            }
            closed = true;
            closeCount++;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * A document in the spool: each resource's rows as {@code resource()} writes them ("[type]\n" at once, then every
     * row line, the values of the fields joined by '|', held until {@code finish()} writes them and "[/type]\n"); then
     * {@code finish(sections)} writes a head line "format requestId team generatedAt bom=… max=… total=…", a line
     * "== type rows hasMore nextCursor" per section and "== end", and answers the document as head, per section its
     * line and its rows, then the end: the rows are never copied.
     */
    static final class FakeSerializer implements Serializer {
        private final ExportFormat format;
        final List<ResourceType> rowsCalls = new ArrayList<>();
        /** The heads of the documents finished. */
        final List<ExportHead> finished = new ArrayList<>();

        Events events = new Events();

        FakeSerializer(ExportFormat format) {
            this.format = format;
        }

        @Override
        public ExportFormat format() {
            return format;
        }

        @Override
        public DocumentWriter start(ExportHead head, Spool spool) {
            events.add("start " + format.wireName());
            List<SpoolRange> rows = new ArrayList<>();
            return new DocumentWriter() {
                @Override
                public RowWriter resource(ResourceType type, List<Field> fields) throws IOException {
                    rowsCalls.add(type);
                    events.add("rows " + type.wireName());
                    long from = spool.size();
                    OutputStream out = spool.output();
                    out.write(("[" + type.wireName() + "]\n").getBytes(StandardCharsets.UTF_8));
                    StringBuilder held = new StringBuilder();
                    return new RowWriter() {
                        @Override
                        public void accept(Row row) {
                            List<String> cells = new ArrayList<>();
                            fields.forEach(f -> cells.add(String.valueOf(row.value(f))));
                            held.append(String.join("|", cells)).append('\n');
                        }

                        @Override
                        public void finish() throws IOException {
                            events.add("finish " + type.wireName());
                            out.write((held + "[/" + type.wireName() + "]\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            rows.add(new SpoolRange(from, spool.size()));
                        }
                    };
                }

                @Override
                public PreparedDocument finish(List<ExportSection> sections) throws IOException {
                    events.add("document");
                    finished.add(head);
                    List<SpoolRange> body = new ArrayList<>();
                    body.add(append(
                            spool,
                            format.wireName() + " " + head.requestId() + " " + head.team() + " "
                                    + head.generatedAt() + " bom=" + head.csv().bom() + " max="
                                    + head.maxRowsPerResource() + " total=" + ExportSection.totalRows(sections)
                                    + "\n"));
                    for (int i = 0; i < sections.size(); i++) {
                        ExportSection section = sections.get(i);
                        body.add(append(
                                spool,
                                "== " + section.type().wireName() + " "
                                        + section.summary().rows() + " "
                                        + section.summary().hasMore() + " "
                                        + section.summary()
                                                .nextCursor()
                                                .map(Cursor::encode)
                                                .orElse("-") + "\n"));
                        body.add(rows.get(i));
                    }
                    body.add(append(spool, "== end\n"));
                    return new PreparedDocument(Delivery.inline("fake/" + format.wireName()), body);
                }
            };
        }

        private static SpoolRange append(Spool spool, String text) throws IOException {
            long from = spool.size();
            spool.output().write(text.getBytes(StandardCharsets.UTF_8));
            return new SpoolRange(from, spool.size());
        }
    }
}
