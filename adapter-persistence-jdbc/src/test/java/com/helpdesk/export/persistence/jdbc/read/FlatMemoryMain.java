package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run in a child JVM with a small heap by {@link JdbcResourceReaderTest}: reads every article of a team, every value
 * of every row, and prints how many rows it read and the largest text it saw.
 */
public final class FlatMemoryMain {

    private FlatMemoryMain() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        ResourceType articles = ResourceType.ARTICLES;
        long[] largest = {0};
        try (JdbcResourceReader reader = new JdbcResourceReader(dataSource, ReaderSettings.defaults());
                ReadSnapshot snapshot = reader.openSnapshot(
                        new Scope(new TeamId(UUID.fromString(args[3])), Mode.LIVE), Cancellation.never())) {
            PageSummary summary = snapshot.read(
                    new ResourceQuery(
                            articles, ResourceFilters.none(articles), articles.fields(), Optional.empty(), 10_000),
                    row -> {
                        for (Field field : articles.fields()) {
                            if (row.value(field) instanceof String text) {
                                largest[0] = Math.max(largest[0], text.length());
                            }
                        }
                    });
            System.out.println("READ " + summary.rows() + " " + largest[0]);
        }
    }
}
