package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.persistence.jdbc.contract.ResourceReaderContract;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The ResourceReader contract for {@link JdbcResourceReader}, over the demo dataset on a real PostgreSQL. */
class JdbcResourceReaderContractTest extends ResourceReaderContract {

    private static final Map<ResourceType, String> TABLES = Map.of(
            ResourceType.TICKETS,
            "tickets",
            ResourceType.CUSTOMERS,
            "customers",
            ResourceType.ARTICLES,
            "articles",
            ResourceType.MESSAGES,
            "messages",
            ResourceType.MEMBERS,
            "members");

    private final JdbcResourceReader reader =
            new JdbcResourceReader(TestPostgres.asExportReader(TestPostgres.demoDatabase()), ReaderSettings.defaults());

    @Override
    protected ResourceReader reader() {
        return reader;
    }

    @Override
    protected Scope scope() {
        return new Scope(new TeamId(DemoDataset.DEMO_TEAM_ID), Mode.LIVE);
    }

    @Override
    protected List<Scope> otherScopes() {
        return List.of(
                new Scope(new TeamId(DemoDataset.DEMO_TEAM_ID), Mode.TEST),
                new Scope(new TeamId(DemoDataset.OTHER_TEAM_ID), Mode.LIVE),
                new Scope(new TeamId(DemoDataset.OTHER_TEAM_ID), Mode.TEST));
    }

    @Override
    protected Set<UUID> fixtureIds(Scope scope, ResourceType type) {
        // members are the team's, in both modes
        String sql = "SELECT id FROM " + TABLES.get(type) + " WHERE team_id = ?"
                + (type.scopedByMode() ? " AND mode = ?" : " AND ? IS NOT NULL");
        try (Connection connection = TestPostgres.demoDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, scope.team().value());
            statement.setString(2, scope.mode().wireName());
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
